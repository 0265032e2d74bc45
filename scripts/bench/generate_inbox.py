#!/usr/bin/env python3
"""Deterministic synthetic inboxes for benchmarks: zone, province or nation size.

Each inbox holds 24 monthly wide files (two years, five indicators with month, ytd and 上年同期
columns), with units entering, exiting and growing into scope (升规, reporting their own base),
Chinese names, and a targets file. Same arguments, same bytes.

    python3 scripts/bench/generate_inbox.py --size province --out bench-data/province
    python3 scripts/bench/generate_inbox.py --units 1000000 --months 1 --out bench-data/one-million
"""
import argparse
import multiprocessing
import os
import random

SIZES = {"zone": 300, "province": 50_000, "nation": 500_000}
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
INDICATORS = [  # header alias, relative size, merged 1-2月
    ("工业总产值", 1000, True), ("工业增加值", 250, True), ("固定资产投资", 300, True),
    ("技改投资", 120, True), ("税收", 60, False)]
DIVISIONS = ["3670", "3311", "3484", "3824", "3039", "2614", "2929", "3130", "1391", "4411", "3399", "3560"]
AREAS = ["东区", "西区", "南区", "北区"]
SYLLABLES = "华 鑫 瑞 宏 盛 达 通 泰 恒 丰 源 祥 安 兴 昌 明 德 信 海 天 精 工 汽 车 机 电 铸 造 新 材".split()
KINDS = ["汽车零部件", "精密机械", "新材料", "电子科技", "铸造", "智能装备", "环保科技", "包装"]


def credit_code(n):
    body = "9134" + f"{n:013d}"
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(2)) + rng.choice(KINDS) + "有限公司"


def build(units, seed):
    rng = random.Random(seed)
    people = []
    for n in range(units):
        scale = rng.lognormvariate(0, 1.0)
        kind = rng.random()
        # 0: continuing both years; 1: exits after year 1; 2: enters in year 2 with its own base (升规);
        # 3: newly built in year 2 (no base)
        status = 0 if kind < 0.88 else 1 if kind < 0.92 else 2 if kind < 0.97 else 3
        invests = rng.random() < 0.35
        people.append((credit_code(100000 + n), name(rng), rng.choice(DIVISIONS), rng.choice(AREAS), scale, status,
                       invests, rng.random() * 0.4 - 0.1))
    return people


def monthly(scale, size, month, growth, year_index):
    seasonal = 0.8 + 0.4 * ((month * 7) % 12) / 11
    return round(scale * size * seasonal * (1 + growth) ** year_index, 1)


def running_sums(values):
    """Prefix sums added left to right (what `sum()` did before Python 3.12 made it compensated),
    so that the bytes do not depend on the Python version."""
    sums, total = [], 0
    for value in values:
        total += value
        sums.append(total)
    return sums


HEADER = ["统一社会信用代码", "单位详细名称", "行业代码", "片区", "报告期"]
for _alias, _size, _merged in INDICATORS:
    HEADER += [f"{_alias}本月(千元)", f"{_alias}1-本月(千元)", f"{_alias}上年同期(千元)"]


def unit_rows(person, year, year_index, months):
    """The row of one unit in each of `months` of one year, or None where it does not report.

    Every value of the year is computed once (the rows of all months together), exactly as the
    month-by-month definition: month values rounded to 0.1千元, ytd the rounded running sum, a
    1-2月 month for merged indicators, 上年同期 only for units that grew into scope (升规)."""
    code, unit_name, division, area, scale, status, invests, growth = person
    if (year_index == 0 and status in (2, 3)) or (year_index == 1 and status == 1):
        return None
    cells = [[] for _ in months]
    for alias, size, merged in INDICATORS:
        if alias in ("固定资产投资", "技改投资") and not invests:
            for row in cells:
                row += ["", "", ""]
            continue
        factor = 0.4 if alias == "技改投资" else 1.0
        last = months[-1]
        values = [monthly(scale * factor, size, m, growth, year_index) for m in range(1, last + 1)]
        sums = running_sums(values)
        bases = None
        if year_index == 1 and status == 2:
            bases = running_sums([monthly(scale * factor * 0.9, size, m, growth, 0) for m in range(1, last + 1)])
        for row, month in zip(cells, months):
            if merged and month == 1:
                row += ["", "", ""]
                continue
            ytd = round(sums[month - 1], 1)
            this_month = round(values[month - 1] + (values[month - 2] if merged and month == 2 else 0), 1)
            base = f"{round(bases[month - 1], 1)}" if bases is not None else ""
            row += [f"{this_month}", f"{ytd}", base]
    return [",".join([code, unit_name, division, area, f"{year}-{month:02d}"] + row) for row, month in zip(cells, months)]


PEOPLE = []


def write_year(job):
    """Writes the monthly files of one year (one process per year)."""
    inbox, year, year_index, months = job
    people = PEOPLE
    names = [os.path.join(inbox, f"{year}-{month:02d} 月报.csv") for month in months]
    handles = [open(path + ".part", "w", encoding="utf-8", newline="") for path in names]
    buffers = [[",".join(HEADER)] for _ in months]
    for count, person in enumerate(people, 1):
        rows = unit_rows(person, year, year_index, months)
        if rows is not None:
            for buffer, row in zip(buffers, rows):
                buffer.append(row)
        if count % 20000 == 0 or count == len(people):
            for handle, buffer in zip(handles, buffers):
                if buffer:
                    handle.write("\n".join(buffer) + "\n")
                    buffer.clear()
    for handle, path in zip(handles, names):
        handle.close()
        os.replace(path + ".part", path)
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="zone")
    parser.add_argument("--units", type=int, help="override the number of units")
    parser.add_argument("--months", type=int, default=24, help="monthly files, from January of the first year")
    parser.add_argument("--first-year", type=int, default=2022)
    parser.add_argument("--seed", type=int, default=20231)
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (one year each)")
    args = parser.parse_args()
    units = args.units or SIZES[args.size]
    global PEOPLE
    PEOPLE = build(units, args.seed)  # inherited by the forked workers, not pickled
    inbox = os.path.join(args.out, "inbox")
    os.makedirs(inbox, exist_ok=True)
    jobs = []
    for index in range(0, args.months, 12):
        months = [index % 12 + 1 + k for k in range(min(12, args.months - index))]
        jobs.append((inbox, args.first_year + index // 12, index // 12, months))
    if len(jobs) > 1 and args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(min(args.jobs, len(jobs))) as pool:
            pool.map(write_year, jobs)
    else:
        for job in jobs:
            write_year(job)
    with open(os.path.join(inbox, f"{args.first_year + 1}年度目标.csv"), "w", encoding="utf-8") as handle:
        handle.write("年度,指标,目标值,单位,目标增速,依据\n")
        handle.write(f"{args.first_year + 1},工业总产值,,,12,基准\n{args.first_year + 1},税收,,,15,基准\n")
    # Fixed modification times in name order (November 2023), so that the files are settled and
    # taken in the same order on every machine however the processes interleaved.
    names = sorted(os.listdir(inbox))
    for offset, file_name in enumerate(names):
        stamp = 1_700_000_000 + offset * 60
        os.utime(os.path.join(inbox, file_name), (stamp, stamp))


if __name__ == "__main__":
    main()
