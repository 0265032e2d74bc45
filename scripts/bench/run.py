#!/usr/bin/env python3
"""zonestat against a DuckDB script on the same generated inbox: cold, nightly, and the peer.

    python3 scripts/bench/run.py --size zone|province|nation [--repeat 3] [--data DIR]

1. Generates the inbox if it is missing (generate_inbox.py, deterministic; cached in --data, default
   $ZONESTAT_BENCH_DATA/SIZE, else /work/bench-data/SIZE if that folder exists, else ./bench-data/SIZE).
2. CHECK, before any time counts: one untimed zonestat nightly run (it publishes every period) and
   the three DuckDB variants; the zone and industry rows of every period (units, ytd, ytd_base,
   growth and pull to 4 decimals; roster units, new, exited, net) must be equal, and every
   period's units.csv the units variant wrote must be byte for byte zonestat's out/<period>/units.csv
   (sha256 of each: the same rows, order, text, BOM, quoting and CRLF; no difference is inherent,
   so nothing is parsed — at province 736 MB and 3.9 M rows a side hash in 1–2 s a side), else the
   harness stops with the differences (for units.csv: the periods and their first differing lines)
   and reports no time. The first timed cold run is checked the same way.
3. Measures, each --repeat times, every run in a fresh process (wall time; user+sys CPU and peak
   RSS from wait4 of that process, threads and children included):
     zonestat cold     fresh workspace with all files → extract + transform + load
     zonestat nightly  a copy of a workspace that has ingested everything but the last month, the last
                       month's file dropped in → extract + transform + load
     duckdb stream     duckdb_peer.py --variant stream (one SQL statement over read_csv)
     duckdb table      duckdb_peer.py --variant table (CREATE TABLE from read_csv, then the query)
     duckdb units      duckdb_peer.py --variant units: like-for-like, `table` plus every period's
                       units.csv written as zonestat publishes it (<period>/units.csv, the same bytes)
4. Prints a markdown table (median wall, CPU, peak RSS, and two ratios: to DuckDB's fastest zone +
   industry variant, stream or table — the goals' yardstick — and to the like-for-like units
   variant) and replaces this size's section of BENCHMARKS.md.

Installs nothing: needs the release binaries (`swift build -c release`) and Python `duckdb`.
Input files are hard-linked into the workspaces (no copy is timed); everything else a run
writes is deleted afterwards. The page cache is warm for both sides (the check run read it all).
"""
import argparse
import csv
import datetime
import hashlib
import io
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SIZES = {"zone": 300, "province": 50_000, "nation": 500_000}
STAGES = ["extract", "transform", "load"]
MARK = "<!-- bench:{size}:{edge} -->"
EXTRACT_ONLY = "zonestat cold, extract only"
PARSE = "zonestat parse (extract --check)"
FIGURES_PEERS = ("stream", "table")  # zone and industry figures only: the goals' yardstick
PEERS = FIGURES_PEERS + ("units",)  # units: also every period's unit rows, as zonestat publishes them
LIKE_FOR_LIKE = "duckdb units"


class CheckFailed(Exception):
    pass


# ---------------------------------------------------------------- running and measuring

def measure(argv, log_path=None, env=None):
    """Runs argv in a fresh process; returns wall s, CPU s (user+sys) and peak RSS (KiB) of that
    process tree, and its output. Fails loudly on a non-zero exit."""
    started = time.perf_counter()
    with open(log_path or os.devnull, "wb") as log:
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        log.write(output)
    process.returncode = os.waitstatus_to_exitcode(status)
    text = output.decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"FAILED ({process.returncode}): {' '.join(argv)}\n{text[-4000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": usage.ru_maxrss, "output": text}


def stage_argv(binaries, stage, pipeline, workspace):
    argv = [os.path.join(binaries, f"zonestat-{stage}"), "--pipeline", pipeline, "--workspace", workspace]
    if stage == "extract":
        argv += ["--settle-seconds", "0"]
    return argv


def run_pipeline(binaries, pipeline, workspace, logs, tag, only=STAGES):
    """extract, transform, load, one fresh process each: the scenario's wall and CPU are the sums,
    its peak RSS the largest of the three."""
    stages = {}
    for stage in only:
        stages[stage] = measure(stage_argv(binaries, stage, pipeline, workspace), os.path.join(logs, f"{tag}-{stage}.log"))
    return {
        "wall": sum(s["wall"] for s in stages.values()),
        "cpu": sum(s["cpu"] for s in stages.values()),
        "rss_kib": max(s["rss_kib"] for s in stages.values()),
        "stages": {name: {k: v for k, v in s.items() if k != "output"} for name, s in stages.items()},
        "lines": {name: s["output"].strip().splitlines()[:1] for name, s in stages.items()},
    }


def peer_argv(peer, runs, variant):
    """The DuckDB run of `variant`; the units variant's folder of unit rows is emptied first (untimed)."""
    argv = peer + ["--variant", variant, "--out", os.path.join(runs, f"peer-{variant}.csv")]
    if variant == "units":
        units_dir = os.path.join(runs, "peer-units-out")
        shutil.rmtree(units_dir, ignore_errors=True)
        argv += ["--units-dir", units_dir]
    return argv


def check_against_peers(workspace, runs, logs, peer):
    """Runs the three DuckDB variants (untimed) and stops the harness unless zonestat's published
    figures (in `workspace`, after a nightly run) equal each, and the units variant wrote every
    period's units.csv byte for byte as zonestat published it; returns the rows compared per
    variant, the periods and the unit rows compared."""
    expected = zonestat_figures(workspace)
    counts = {}
    for variant in PEERS:
        argv = peer_argv(peer, runs, variant)
        measure(argv, os.path.join(logs, f"check-duckdb-{variant}.log"))
        counts[variant] = compare(expected, peer_figures(os.path.join(runs, f"peer-{variant}.csv")),
                                  f"zonestat nightly vs duckdb {variant}")
    unit_rows = compare_unit_files(unit_files(os.path.join(workspace, "out")), unit_files(os.path.join(runs, "peer-units-out")))
    periods = len({k[1] for k in expected})
    print(f"check passed: {counts['stream']} zone/industry rows of {periods} periods agree; "
          f"every period's units.csv ({unit_rows} unit rows) byte-equal to zonestat's", flush=True)
    return counts, periods, unit_rows


def measure_parse_and_peers(args, files, runs, logs, peer, results, repeat):
    """One repeat of `extract --check` and the three DuckDB variants, appended to `results`."""
    results[PARSE].append(measure_parse(args, files, logs, repeat))
    for variant in PEERS:
        argv = peer_argv(peer, runs, variant)
        results[f"duckdb {variant}"].append(measure(argv, os.path.join(logs, f"duckdb-{variant}{repeat}.log")))
    shutil.rmtree(os.path.join(runs, "peer-units-out"), ignore_errors=True)


def measure_parse(args, files, logs, repeat):
    """`zonestat-extract --check` over every file: reading, decoding, libcsv and every cell's
    validation, files across the cores; no warehouse."""
    run = measure([os.path.join(args.bin, "zonestat-extract"), "--pipeline", args.pipeline, "--quiet", "--check"] + files,
                  os.path.join(logs, f"parse{repeat}.log"))
    run["stages"] = {}
    return run


def link_inbox(files, inbox):
    os.makedirs(inbox, exist_ok=True)
    for path in files:
        os.link(path, os.path.join(inbox, os.path.basename(path)))


def clone_workspace(source, target):
    """A copy of a workspace the next run may change: the warehouse copied, the archive hard-linked
    (files there are only ever added) but for its ledger log, which is appended to in place and so
    copied, outputs copied."""
    os.makedirs(target)
    for entry in os.listdir(source):
        src, dst = os.path.join(source, entry), os.path.join(target, entry)
        if entry == "archive":
            subprocess.run(["cp", "-al", src, dst], check=True)
            log = os.path.join(dst, "ledger.csv")
            if os.path.exists(log):
                os.unlink(log)
                shutil.copy2(os.path.join(src, "ledger.csv"), log)
        elif os.path.isdir(src):
            subprocess.run(["cp", "-a", src, dst], check=True)
        else:
            shutil.copy2(src, dst)


# ---------------------------------------------------------------- the agreement check

INDICATOR_FIELDS = ["units", "ytd", "ytd_base", "ytd_yoy_pct", "pull_pp"]
ROSTER_FIELDS = ["units", "new_units", "exited_units", "net_units"]


def number(text):
    return None if text in ("", None) else Decimal(text)


def zone_and_industry_lines(path):
    """Header and the zone and industry rows of one of zonestat's CSVs (grep: the area rows, and in
    workspaces published before contract version 2 a row per unit, are skipped without parsing)."""
    with open(path, "rb") as handle:
        header = handle.readline().decode("utf-8-sig").strip()
    found = subprocess.run(["grep", "-aE", ",(zone|industry),", path], capture_output=True, check=False).stdout
    return header, found.decode("utf-8-sig")


def zonestat_figures(workspace):
    out = os.path.join(workspace, "out")
    periods = period_folders(out)
    figures = {}
    for period in periods:
        for table, fields in (("indicators", INDICATOR_FIELDS), ("roster", ROSTER_FIELDS)):
            header, lines = zone_and_industry_lines(os.path.join(out, period, f"{table}.csv"))
            for row in csv.DictReader(io.StringIO(header + "\n" + lines)):
                if row["scope"] not in ("zone", "industry") or row["period"] != period:
                    continue
                key = ("indicator", period, row["indicator"]) if table == "indicators" else ("roster", period, "")
                figures[key + (row["scope"], row["scope_id"])] = tuple(number(row[f]) for f in fields)
    return figures


def period_folders(folder):
    """The period folders (`2023-04`) in `folder`, sorted."""
    return sorted(p for p in os.listdir(folder) if len(p) == 7 and p[4] == "-" and os.path.isdir(os.path.join(folder, p)))


def unit_files(folder):
    """Each period's units.csv under `folder` (zonestat's `out`, or the units variant's folder):
    period → (path, sha256 of its bytes, rows after the header). One pass over the bytes in 4 MiB
    reads, no parsing (province: 736 MB, 1–2 s)."""
    files = {}
    for period in period_folders(folder):
        path = os.path.join(folder, period, "units.csv")
        digest, lines = hashlib.sha256(), 0
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 22):
                digest.update(chunk)
                lines += chunk.count(b"\n")
        files[period] = (path, digest.hexdigest(), lines - 1)
    return files


def first_differences(left, right, limit=5):
    """The lines where two files differ (1-based, both texts), at most `limit`, and how many lines
    differ in all: read only when the digests differ, to say what differs."""
    def text(line):
        return "(no line)" if line is None else repr(line.decode("utf-8", "backslashreplace"))

    shown, differing = [], 0
    with open(left, "rb") as a, open(right, "rb") as b:
        for number, (x, y) in enumerate(itertools.zip_longest(a, b), 1):
            if x != y:
                differing += 1
                if len(shown) < limit:
                    shown.append(f"    line {number}:\n      zonestat {text(x)}\n      duckdb   {text(y)}")
    return differing, shown


def compare_unit_files(zonestat, peer):
    """Stops unless every period's units.csv is the same bytes from both (sha256): the same rows in
    the same order, the same text, BOM, quoting and CRLF. On a difference, says which periods and
    their first differing lines. Returns the unit rows compared."""
    problems = []
    for period in sorted(set(zonestat) | set(peer)):
        if period not in zonestat or period not in peer:
            problems.append(f"  {period}: units.csv only from {'zonestat' if period in zonestat else 'duckdb units'}")
        elif zonestat[period][1] != peer[period][1]:
            differing, shown = first_differences(zonestat[period][0], peer[period][0])
            problems.append(f"  {period}: {differing} lines differ (zonestat {zonestat[period][2]} rows, duckdb units "
                            f"{peer[period][2]} rows)\n" + "\n".join(shown))
    if problems:
        raise CheckFailed(f"units.csv: {len(problems)} of {len(set(zonestat) | set(peer))} periods differ\n"
                          + "\n".join(problems[:8]))
    return sum(rows for _, _, rows in zonestat.values())


def peer_figures(path):
    figures = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            fields = INDICATOR_FIELDS if row["kind"] == "indicator" else ROSTER_FIELDS
            key = (row["kind"], row["period"], row["indicator"] if row["kind"] == "indicator" else "", row["scope"], row["scope_id"])
            figures[key] = tuple(number(row[f]) for f in fields)
    return figures


def compare(zonestat, peer, what):
    problems = []
    for key in sorted(set(zonestat) | set(peer)):
        left, right = zonestat.get(key), peer.get(key)
        if left != right:
            problems.append(f"  {'/'.join(key)}: zonestat {left} vs duckdb {right}")
    if problems:
        raise CheckFailed(f"{what}: {len(problems)} of {len(set(zonestat) | set(peer))} rows differ "
                          f"(fields: indicator {INDICATOR_FIELDS}, roster {ROSTER_FIELDS})\n" + "\n".join(problems[:40]))
    return len(zonestat)


# ---------------------------------------------------------------- the report

def mib(kib):
    return kib / 1024


def summarize(runs):
    walls = [r["wall"] for r in runs]
    return {
        "wall": statistics.median(walls), "wall_min": min(walls), "wall_max": max(walls),
        "cpu": statistics.median(r["cpu"] for r in runs), "rss_mib": mib(max(r["rss_kib"] for r in runs)),
        "n": len(runs),
    }


def machine():
    def sh(command):
        return subprocess.run(command, shell=True, capture_output=True, text=True).stdout.strip()
    model = sh("lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1")
    return {
        "cpus": sh("nproc"), "model": model or platform.processor(), "memory": sh("free -g | awk '/^Mem:/{print $2}'") + " GiB",
        "kernel": platform.release(), "python": platform.python_version(),
        "swift": sh("swift --version 2>/dev/null | head -1") or sh("/opt/swift/usr/bin/swift --version 2>/dev/null | head -1"),
    }


def commit():
    """The commit measured (with `+changes` when the tree, BENCHMARKS.md aside, differs from it)."""
    def git(*argv):
        return subprocess.run(["git", "-C", REPO, *argv], capture_output=True, text=True).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    # BENCHMARKS.md itself is rewritten by each size's run.
    return head + ("+changes" if git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!BENCHMARKS.md") else "")


def duckdb_version():
    out = subprocess.run([sys.executable, "-c", "import duckdb; print(duckdb.__version__)"], capture_output=True, text=True)
    return out.stdout.strip()


def render(size, info, results, goals, checked, command, started, loads):
    peer_best_name = min((f"duckdb {v}" for v in FIGURES_PEERS), key=lambda n: results[n]["wall"])
    peer_best = results[peer_best_name]
    like = results[LIKE_FOR_LIKE]
    lines = [
        MARK.format(size=size, edge="start"),
        f"### {size}: {info['units']:,} units, {info['files']} files, {info['mb']:.1f} MB",
        "",
        f"Measured {started} on {info['machine']['cpus']} CPUs ({info['machine']['model']}), {info['machine']['memory']} RAM, "
        f"Linux {info['machine']['kernel']}; {info['machine']['swift']}; Python {info['machine']['python']}, duckdb {info['duckdb']}. "
        f"Load average before / after: {loads[0]} / {loads[1]} (the machine is shared). zonestat at commit {info.get('commit', 'unknown')}.",
        "",
        f"    {command}",
        "",
        f"Check: {checked}.",
        "",
        f"Two ratios: to DuckDB's fastest run of the zone and industry figures ({peer_best_name}; the goals' yardstick), "
        f"and to {LIKE_FOR_LIKE}, which also writes every period's units.csv, the same bytes as zonestat's "
        f"(like for like with what zonestat writes; zonestat also writes area rows, the other "
        f"tables, the JSON and the report).",
        "",
        f"| scenario | median wall s | min–max wall s | median CPU s | peak RSS MiB | wall / {peer_best_name} "
        f"| wall / {LIKE_FOR_LIKE} |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['wall']:.3f} | {r['wall_min']:.3f}–{r['wall_max']:.3f} | {r['cpu']:.3f} | {r['rss_mib']:.0f} | "
            f"{r['wall'] / peer_best['wall']:.2f}× | {r['wall'] / like['wall']:.2f}× |")
    lines += ["", "zonestat per stage (median wall s / median CPU s / peak RSS MiB):", "",
              "| scenario | extract | transform | load |", "|---|---:|---:|---:|"]
    for name in (n for n in results if n.startswith("zonestat") and n != PARSE):
        cells = [f"{s['wall']:.3f} / {s['cpu']:.3f} / {s['rss_mib']:.0f}" if s else "not run"
                 for s in (results[name]["stages"].get(stage) for stage in STAGES)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    if goals:
        lines += ["", "| goal | measured | |", "|---|---|---|"]
        lines += [f"| {g} | {m} | {v} |" for g, m, v in goals]
    lines += ["", MARK.format(size=size, edge="end")]
    return "\n".join(lines)


def goals_for(size, info, results):
    peer = min(results[f"duckdb {v}"]["wall"] for v in FIGURES_PEERS)
    cold, nightly = results.get("zonestat cold"), results.get("zonestat nightly")
    goals = []
    if cold is None:  # --extract-only
        extract = results[EXTRACT_ONLY]
        rate = info["mb"] / extract["cpu"] if extract["cpu"] else 0
        goals.append(("extract ≥ 300 MB/s per core (input MB / extract CPU s, whole stage incl. SQLite)", f"{rate:.0f} MB/s",
                      "met" if rate >= 300 else f"**missed** by {300 / rate:.1f}×"))
        ratio = extract["wall"] / peer
        if size in ("province", "nation"):
            goals.append((f"{size} cold ≤ 1.0× DuckDB's fastest", f"extract alone: {ratio:.2f}× (transform, load not run)",
                          "met by extract alone (not the whole goal)" if ratio <= 1 else f"**missed** by extract alone: {ratio:.1f}×"))
        if size == "nation":
            goals.append(("nation peak RSS ≤ 1 GiB", f"extract alone: {extract['rss_mib']:.0f} MiB", "transform and load not run"))
        return goals + parse_goals(info, results)

    def verdict(ok, text):
        return ("met" if ok else "**missed** ") + ("" if ok else text)

    if size in ("province", "nation"):
        ratio = cold["wall"] / peer
        goals.append((f"{size} cold ≤ 1.0× DuckDB's fastest", f"{ratio:.2f}×",
                      verdict(ratio <= 1.0, f"by {(ratio - 1) * 100:.0f}% ({cold['wall'] - peer:.2f} s)")))
    if size == "nation":
        goals.append(("nation peak RSS ≤ 1 GiB", f"{cold['rss_mib']:.0f} MiB",
                      verdict(cold["rss_mib"] <= 1024, f"by {cold['rss_mib'] - 1024:.0f} MiB")))
        ratio = nightly["wall"] / peer
        goals.append(("nation nightly ≤ 0.15× DuckDB's full run", f"{ratio:.3f}×",
                      verdict(ratio <= 0.15, f"by {ratio / 0.15:.1f}× ({nightly['wall'] - 0.15 * peer:.2f} s over)")))
    if size == "zone":
        goals.append(("zone nightly < 0.5 s wall", f"{nightly['wall']:.3f} s",
                      verdict(nightly["wall"] < 0.5, f"by {nightly['wall'] - 0.5:.3f} s")))
    extract = cold["stages"]["extract"]
    rate = info["mb"] / extract["cpu"] if extract["cpu"] else 0
    goals.append(("extract ≥ 300 MB/s per core (input MB / extract CPU s, whole stage incl. SQLite)", f"{rate:.0f} MB/s",
                  verdict(rate >= 300, f"by {300 / rate:.1f}×" if rate else "")))
    goals += parse_goals(info, results)
    return goals


def parse_goals(info, results):
    parse = results.get(PARSE)
    if not parse:
        return []
    per_core = info["mb"] / parse["cpu"] if parse["cpu"] else 0
    both = info["mb"] / parse["wall"] if parse["wall"] else 0
    return [
        ("parse ≥ 300 MB/s per core (input MB / `extract --check` CPU s: decoding, libcsv, every cell validated)",
         f"{per_core:.0f} MB/s", ("met" if per_core >= 300 else f"**missed** by {300 / per_core:.1f}×") if per_core else ""),
        ("parse ~2× that on two cores (input MB / `extract --check` wall s)", f"{both:.0f} MB/s "
         f"({both / per_core:.2f}× one core)" if per_core else f"{both:.0f} MB/s", "met" if both >= 600 else "**missed**"),
    ]


def update_benchmarks(path, size, section):
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else (
        "# Benchmarks\n\nGenerated sections below are rewritten by `scripts/bench/run.py`; see the top of that script.\n\n")
    start, end = MARK.format(size=size, edge="start"), MARK.format(size=size, edge="end")
    if start in text and end in text:
        text = text[:text.index(start)] + section + text[text.index(end) + len(end):]
    else:
        anchor = "<!-- bench:results -->"
        if anchor in text:
            text = text.replace(anchor, anchor + "\n\n" + section, 1)
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


# ---------------------------------------------------------------- main

def measure_all(args, files, last_month, runs, logs, peer):
    """The check, then cold, nightly and both peer variants, --repeat times."""
    # The nightly starting point: everything but the last month ingested, transformed, published.
    base = os.path.join(runs, "nightly-base")
    link_inbox([p for p in files if p != last_month], os.path.join(base, "inbox"))
    run_pipeline(args.bin, args.pipeline, base, logs, "nightly-base")

    # 1. The check, before any time counts: an untimed nightly run (which publishes every period)
    #    against both peer variants. The first timed cold run is checked the same way before its
    #    time is kept.
    check = os.path.join(runs, "check")
    clone_workspace(base, check)
    os.link(last_month, os.path.join(check, "inbox", os.path.basename(last_month)))
    run_pipeline(args.bin, args.pipeline, check, logs, "check")
    counts, periods, unit_rows = check_against_peers(check, runs, logs, peer)
    reference = peer_figures(os.path.join(runs, "peer-stream.csv"))
    reference_units = unit_files(os.path.join(runs, "peer-units-out"))
    shutil.rmtree(check)

    results = {name: [] for name in ("zonestat cold", "zonestat nightly", PARSE) + tuple(f"duckdb {v}" for v in PEERS)}
    for repeat in range(args.repeat):
        workspace = os.path.join(runs, "cold")
        shutil.rmtree(workspace, ignore_errors=True)
        link_inbox(files, os.path.join(workspace, "inbox"))
        results["zonestat cold"].append(run_pipeline(args.bin, args.pipeline, workspace, logs, f"cold{repeat}"))
        if repeat == 0:
            compare(zonestat_figures(workspace), reference, "zonestat cold vs duckdb stream")
            compare_unit_files(unit_files(os.path.join(workspace, "out")), reference_units)
        if not (args.keep and repeat == args.repeat - 1):
            shutil.rmtree(workspace)

        workspace = os.path.join(runs, "nightly")
        shutil.rmtree(workspace, ignore_errors=True)
        clone_workspace(base, workspace)
        os.link(last_month, os.path.join(workspace, "inbox", os.path.basename(last_month)))
        results["zonestat nightly"].append(run_pipeline(args.bin, args.pipeline, workspace, logs, f"nightly{repeat}"))
        if not (args.keep and repeat == args.repeat - 1):
            shutil.rmtree(workspace)

        measure_parse_and_peers(args, files, runs, logs, peer, results, repeat)
        save_partial(runs, results)
        print(f"repeat {repeat + 1}/{args.repeat}: " + ", ".join(f"{k} {v[-1]['wall']:.2f} s" for k, v in results.items()),
              flush=True)
    if not args.keep:
        shutil.rmtree(base)
    checked = (f"zonestat's zone and industry rows (units, ytd, ytd_base, ytd_yoy_pct, pull_pp; roster units, new, exited, "
               f"net) of all {periods} periods equal the three DuckDB variants' ({counts['stream']} rows), and every "
               f"period's units.csv from the units variant is byte-equal (sha256) to zonestat's ({unit_rows:,} unit rows; "
               f"nightly before any timed run, cold on the first timed run)")
    return results, checked


def save_partial(runs, results):
    """What has been measured so far (a long run that is interrupted keeps its finished repeats)."""
    with open(os.path.join(runs, "partial.json"), "w") as handle:
        json.dump(results, handle, indent=1, default=str)


def measure_in_place(args, files, last_month, runs, logs, peer):
    """For a size whose workspaces do not fit twice on the disk (nation: a 13 GB warehouse and 24 GB of
    published unit rows): one workspace, measured once. cold = every file but the last month's into an
    empty workspace; nightly = the last month's file dropped into that same workspace. Then the check
    (zonestat's published figures of every period against the three DuckDB variants, its units.csv of
    every period against the units variant's, byte for byte) before any time is reported, and the peer --repeat times."""
    workspace = os.path.join(runs, "in-place")
    link_inbox([p for p in files if p != last_month], os.path.join(workspace, "inbox"))
    results = {name: [] for name in ("zonestat cold", "zonestat nightly", PARSE) + tuple(f"duckdb {v}" for v in PEERS)}
    results["zonestat cold"].append(run_pipeline(args.bin, args.pipeline, workspace, logs, "cold0"))
    save_partial(runs, results)
    print(f"cold (all but the last month): {results['zonestat cold'][-1]['wall']:.2f} s", flush=True)
    os.link(last_month, os.path.join(workspace, "inbox", os.path.basename(last_month)))
    results["zonestat nightly"].append(run_pipeline(args.bin, args.pipeline, workspace, logs, "nightly0"))
    save_partial(runs, results)
    print(f"nightly (the last month): {results['zonestat nightly'][-1]['wall']:.2f} s", flush=True)
    counts, periods, unit_rows = check_against_peers(workspace, runs, logs, peer)
    if not args.keep:
        shutil.rmtree(workspace)
    for repeat in range(args.repeat):
        measure_parse_and_peers(args, files, runs, logs, peer, results, repeat)
        save_partial(runs, results)
    checked = (f"zonestat's zone and industry rows (units, ytd, ytd_base, ytd_yoy_pct, pull_pp; roster units, new, exited, "
               f"net) of all {periods} periods, as published after the nightly run, equal the three DuckDB variants' "
               f"({counts['stream']} rows), and every period's units.csv from the units variant is byte-equal (sha256) "
               f"to zonestat's ({unit_rows:,} unit rows). **In-place mode** (--in-place): zonestat was measured once; *cold* is every file "
               f"but the last month's (23 monthly files and the targets) into an empty workspace, *nightly* the last "
               f"month's file dropped into that same workspace; DuckDB's runs read all 24 months")
    return results, checked


def measure_extract_only(args, files, runs, logs, peer):
    """zonestat's cold extract alone and both peer variants, --repeat times (one untimed peer run first, to
    warm the page cache as the check does in a full run)."""
    measure(peer + ["--variant", "stream", "--out", os.path.join(runs, "peer-stream.csv")], os.path.join(logs, "warmup.log"))
    results = {name: [] for name in (EXTRACT_ONLY, PARSE) + tuple(f"duckdb {v}" for v in PEERS)}
    for repeat in range(args.repeat):
        workspace = os.path.join(runs, "cold")
        shutil.rmtree(workspace, ignore_errors=True)
        link_inbox(files, os.path.join(workspace, "inbox"))
        results[EXTRACT_ONLY].append(run_pipeline(args.bin, args.pipeline, workspace, logs, f"cold{repeat}", ["extract"]))
        shutil.rmtree(workspace)
        measure_parse_and_peers(args, files, runs, logs, peer, results, repeat)
        save_partial(runs, results)
        print(f"repeat {repeat + 1}/{args.repeat}: " + ", ".join(f"{k} {v[-1]['wall']:.2f} s" for k, v in results.items()),
              flush=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="zone")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", help="inbox cache (default $ZONESTAT_BENCH_DATA/SIZE, else /work/bench-data/SIZE "
                        "if /work/bench-data exists, else bench-data/SIZE in the repository, git-ignored)")
    parser.add_argument("--bin", default=os.path.join(REPO, ".build", "release"), help="zonestat release binaries")
    parser.add_argument("--pipeline", default=os.path.join(REPO, "pipelines", "default.yaml"))
    parser.add_argument("--output", default=os.path.join(REPO, "BENCHMARKS.md"), help="file to update ('-': none)")
    parser.add_argument("--duckdb-threads", type=int, help="DuckDB threads (default: all cores)")
    parser.add_argument("--keep", action="store_true", help="keep the last workspaces and peer outputs")
    parser.add_argument("--extract-only", action="store_true",
                        help="when the whole pipeline is too slow for the size: zonestat's cold extract alone against the "
                             "peer; no agreement check (zonestat publishes nothing), no nightly")
    parser.add_argument("--in-place", action="store_true",
                        help="for a size whose workspaces do not fit twice on the disk: zonestat measured once in one "
                             "workspace (cold = all but the last month, then nightly = the last month), checked after")
    args = parser.parse_args()

    root = os.environ.get("ZONESTAT_BENCH_DATA") or (
        "/work/bench-data" if os.path.isdir("/work/bench-data") else os.path.join(REPO, "bench-data"))
    data = os.path.abspath(args.data or os.path.join(root, args.size))
    inbox = os.path.join(data, "inbox")
    marker = os.path.join(data, ".complete")
    if not os.path.exists(marker):
        print(f"generating the {args.size} inbox in {data} …", flush=True)
        shutil.rmtree(inbox, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate_inbox.py"), "--size", args.size, "--out", data], check=True)
        with open(marker, "w") as handle:
            handle.write(args.size + "\n")
    files = sorted(os.path.join(inbox, name) for name in os.listdir(inbox))
    monthly = [path for path in files if path.endswith("月报.csv")]
    last_month = monthly[-1]
    info = {
        "units": SIZES[args.size],
        "files": len(files), "mb": sum(os.path.getsize(p) for p in files) / 1e6,
        "machine": machine(), "duckdb": duckdb_version(), "commit": commit(),
    }
    if args.data is not None:
        info["units"] = len({line.split(",", 1)[0] for path in monthly for line in open(path, encoding="utf-8")}) - 1
    for stage in STAGES:
        if not os.access(os.path.join(args.bin, f"zonestat-{stage}"), os.X_OK):
            raise SystemExit(f"no {args.bin}/zonestat-{stage}: run `swift build -c release` first")
    runs = os.path.join(data, "runs")
    shutil.rmtree(runs, ignore_errors=True)
    logs = os.path.join(runs, "logs")
    os.makedirs(logs)
    started = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    loads = [" ".join(f"{x:.2f}" for x in os.getloadavg())]
    peer = [sys.executable, os.path.join(HERE, "duckdb_peer.py"), "--inbox", inbox]
    if args.duckdb_threads:
        peer += ["--threads", str(args.duckdb_threads)]
    print(f"{args.size}: {info['units']:,} units, {info['files']} files, {info['mb']:.1f} MB; "
          f"load average {loads[0]}", flush=True)

    if args.extract_only:
        results, checked, counts = measure_extract_only(args, files, runs, logs, peer), None, None
    elif args.in_place:
        results, checked = measure_in_place(args, files, last_month, runs, logs, peer)
    else:
        results, checked = measure_all(args, files, last_month, runs, logs, peer)
    summary = {name: summarize(runs_) for name, runs_ in results.items()}
    for name in (n for n in results if n.startswith("zonestat") and n != PARSE):
        summary[name]["stages"] = {
            stage: {
                "wall": statistics.median(r["stages"][stage]["wall"] for r in results[name]),
                "cpu": statistics.median(r["stages"][stage]["cpu"] for r in results[name]),
                "rss_mib": mib(max(r["stages"][stage]["rss_kib"] for r in results[name])),
            } for stage in results[name][0]["stages"]}
    loads.append(" ".join(f"{x:.2f}" for x in os.getloadavg()))
    command = f"python3 scripts/bench/run.py --size {args.size} --repeat {args.repeat}" + (
        f" --data {args.data}" if args.data else "") + (" --extract-only" if args.extract_only else "") + (
        " --in-place" if args.in_place else "")
    if checked is None:
        checked = ("**none** — with --extract-only zonestat publishes nothing to compare; the peer's figures were checked "
                   "against zonestat's on the zone and province inboxes")
    goals = goals_for(args.size, info, summary)
    section = render(args.size, info, summary, goals, checked, command, started, loads)
    print()
    print(section)
    with open(os.path.join(runs, "results.json"), "w") as handle:
        json.dump({"info": info, "summary": summary, "runs": results}, handle, indent=1, default=str)
    if args.output != "-":
        update_benchmarks(args.output, args.size, section)
        print(f"\nupdated {args.output}")


if __name__ == "__main__":
    try:
        main()
    except CheckFailed as failure:
        print(f"\nCHECK FAILED — zonestat and DuckDB disagree; no time is reported.\n{failure}", file=sys.stderr)
        sys.exit(2)
