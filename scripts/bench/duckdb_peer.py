#!/usr/bin/env python3
"""The peer zonestat is measured against: what an analyst or a statistics bureau would run instead,
a DuckDB script over the same inbox.

It reads the monthly wide files of an inbox (generate_inbox.py's format: one row per unit and
period, `<indicator>1-本月(千元)` and `<indicator>上年同期(千元)` per indicator) and computes, for every
period, the zone and industry-division figures zonestat publishes in indicators.csv and roster.csv:

- units, ytd and the same-caliber base (statistics.md §2): scope = the units with a ytd in the
  period; a unit's base is its reported 上年同期, else its own ytd of the same month last year,
  else 0; growth = (Σytd / Σbase − 1) × 100 and pull = (ytd_k − base_k) / base_zone × 100, both
  rounded half away from zero to 4 decimals from exact sums (amounts stay DECIMAL: no floats);
- 1-2月合并 (§1): January values of merged indicators are no output and do not count as reporting;
- roster (§5): units(N) = units with any ytd in N; last year's roster = the units reporting in last
  year's latest month with data; new = units(N) − last roster, exited = last roster − units(N);
- a unit's industry is the one it reported last (an empty cell keeps the earlier one); its division
  is the first two digits of the GB/T 4754 code (a section letter dropped without checking that it
  is the division's, `610` read as `0610`), `unknown` otherwise.

The peer implements the rules the generated inboxes exercise; it does not derive ytd from
months-only files, and it assumes one row per unit and period (no corrected resubmissions).

Three variants, the same SQL:
  stream  one statement: read_csv over all files → window and aggregate queries → COPY to CSV
  table   the files loaded into a DuckDB table first (CREATE TABLE … AS read_csv), then the query
  units   like-for-like with zonestat's publication: `table`, plus every period's unit rows written
          as zonestat publishes them in `out/<period>/units.csv` (outputs.md: indicators.csv's 18
          columns, then industry, industry_name, area; the same values and text: amounts in 万元
          without trailing zeros, percentages to 4 decimals half away from zero, RFC 4180 quoting,
          a `'` before text a spreadsheet would evaluate, UTF-8 with a BOM, CRLF), one file per
          period: `<units-dir>/<period>/units.csv`, meant to be byte-equal to zonestat's. The unit
          rows (scope `unit`, one per unit reporting the indicator's ytd in the period, by indicator
          in the pipeline's order, then credit code) carry month = ytd(N) − ytd(N−1), month_base =
          base(N) − base(N−1) (base(N) at the year's first output month), 拉动 on the zone's base
          and 贡献率 of the zone's increment (statistics.md §2, §5); industry is the unit's division
          as the industry rows' scope_id (`36`, `unknown`) with its GB/T 4754 name (未分类 for
          unknown), area the 片区 it reported last (`unknown` when none), as its name is the one it
          reported last. The figures CSV has the zone and industry rows, as for the other variants.

    python3 scripts/bench/duckdb_peer.py --inbox DIR/inbox --out figures.csv --variant stream
    python3 scripts/bench/duckdb_peer.py --inbox DIR/inbox --out figures.csv --variant units --units-dir DIR/out

Output: one CSV (every variant), `kind` = `indicator` (period, indicator, scope, scope_id, units, ytd, ytd_base,
ytd_yoy_pct, pull_pp; amounts in 万元) or `roster` (period, scope, scope_id, units, new_units,
exited_units, net_units); the units variant also writes each period's units.csv. Prints the phases'
wall times as JSON on stdout (the units variant: and its unit rows per period).
"""
import argparse
import glob
import json
import os
import time

import duckdb

# header alias → (indicator id as zonestat's default pipeline names it, merged 1-2月)
INDICATORS = [
    ("工业总产值", "output_value", True),
    ("工业增加值", "value_added", True),
    ("固定资产投资", "fixed_investment", True),
    ("技改投资", "tech_investment", True),
    ("税收", "tax", False),
]
KEY_COLUMNS = ["统一社会信用代码", "单位详细名称", "行业代码", "片区", "报告期"]
# indicator id → (its name and its position in pipelines/default.yaml: indicators.csv's row order)
PUBLISHED = {"tax": ("一般公共预算收入", 0), "output_value": ("规上工业总产值", 1), "value_added": ("规上工业增加值", 2),
             "fixed_investment": ("固定资产投资", 3), "tech_investment": ("技改投资", 4)}
# units.csv's columns (outputs.md): indicators.csv's eighteen, then the unit's industry division and area.
UNIT_COLUMNS = ["period", "indicator", "indicator_name", "unit", "scope", "scope_id", "scope_name", "units", "ytd",
                "ytd_base", "ytd_yoy_pct", "ytd_increment", "month", "month_base", "month_yoy_pct", "pull_pp",
                "share_pct", "estimate", "industry", "industry_name", "area"]
BOM = "\ufeff"
# The names of GB/T 4754-2017 divisions 01…97, in order, as zonestat names them
# (Sources/ZonestatCore/Values/IndustryDivision.swift); units without a division: `unknown`, 未分类.
DIVISION_NAMES = [
    # A 农、林、牧、渔业
    "农业", "林业", "畜牧业", "渔业", "农、林、牧、渔专业及辅助性活动",
    # B 采矿业
    "煤炭开采和洗选业", "石油和天然气开采业", "黑色金属矿采选业", "有色金属矿采选业", "非金属矿采选业",
    "开采专业及辅助性活动", "其他采矿业",
    # C 制造业
    "农副食品加工业", "食品制造业", "酒、饮料和精制茶制造业", "烟草制品业", "纺织业", "纺织服装、服饰业",
    "皮革、毛皮、羽毛及其制品和制鞋业", "木材加工和木、竹、藤、棕、草制品业", "家具制造业", "造纸和纸制品业",
    "印刷和记录媒介复制业", "文教、工美、体育和娱乐用品制造业", "石油、煤炭及其他燃料加工业",
    "化学原料和化学制品制造业", "医药制造业", "化学纤维制造业", "橡胶和塑料制品业", "非金属矿物制品业",
    "黑色金属冶炼和压延加工业", "有色金属冶炼和压延加工业", "金属制品业", "通用设备制造业", "专用设备制造业",
    "汽车制造业", "铁路、船舶、航空航天和其他运输设备制造业", "电气机械和器材制造业",
    "计算机、通信和其他电子设备制造业", "仪器仪表制造业", "其他制造业", "废弃资源综合利用业",
    "金属制品、机械和设备修理业",
    # D 电力、热力、燃气及水生产和供应业
    "电力、热力生产和供应业", "燃气生产和供应业", "水的生产和供应业",
    # E 建筑业
    "房屋建筑业", "土木工程建筑业", "建筑安装业", "建筑装饰、装修和其他建筑业",
    # F 批发和零售业
    "批发业", "零售业",
    # G 交通运输、仓储和邮政业
    "铁路运输业", "道路运输业", "水上运输业", "航空运输业", "管道运输业", "多式联运和运输代理业",
    "装卸搬运和仓储业", "邮政业",
    # H 住宿和餐饮业
    "住宿业", "餐饮业",
    # I 信息传输、软件和信息技术服务业
    "电信、广播电视和卫星传输服务", "互联网和相关服务", "软件和信息技术服务业",
    # J 金融业
    "货币金融服务", "资本市场服务", "保险业", "其他金融业",
    # K 房地产业
    "房地产业",
    # L 租赁和商务服务业
    "租赁业", "商务服务业",
    # M 科学研究和技术服务业
    "研究和试验发展", "专业技术服务业", "科技推广和应用服务业",
    # N 水利、环境和公共设施管理业
    "水利管理业", "生态保护和环境治理业", "公共设施管理业", "土地管理业",
    # O 居民服务、修理和其他服务业
    "居民服务业", "机动车、电子产品和日用产品修理业", "其他服务业",
    # P 教育
    "教育",
    # Q 卫生和社会工作
    "卫生", "社会工作",
    # R 文化、体育和娱乐业
    "新闻和出版业", "广播、电视、电影和录音制作业", "文化艺术业", "体育", "娱乐业",
    # S 公共管理、社会保障和社会组织
    "中国共产党机关", "国家机构", "人民政协、民主党派", "社会保障", "群众团体、社会团体和其他成员组织",
    "基层群众自治组织及其他组织",
    # T 国际组织
    "国际组织",
]
UNKNOWN_DIVISION_NAME = "未分类"


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def raw_select(files, names=False):
    """The wide rows of the monthly files: code (and with names, the unit's name and area), industry,
    year, month, and per indicator its ytd and reported base in 千元 (DECIMAL(18,1): exact)."""
    types = {name: "VARCHAR" for name in KEY_COLUMNS}
    for alias, _, _ in INDICATORS:
        for basis in ("本月", "1-本月", "上年同期"):
            types[f"{alias}{basis}(千元)"] = "DECIMAL(18,1)"
    file_list = "[" + ", ".join("'" + path.replace("'", "''") + "'" for path in files) + "]"
    type_map = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in types.items()) + "}"
    cells = []
    for position, (alias, _, merged) in enumerate(INDICATORS):
        ytd = quoted(f"{alias}1-本月(千元)")
        # January of a merged indicator is no output period and does not count as reporting.
        cells.append(f"CASE WHEN month = 1 THEN NULL ELSE {ytd} END AS y{position}" if merged else f"{ytd} AS y{position}")
        cells.append(f"{quoted(f'{alias}上年同期(千元)')} AS b{position}")
    return f"""
        SELECT code, {"name, area, " if names else ""}industry, year, month, {", ".join(cells)}
        FROM (
            SELECT *, upper(trim({quoted("统一社会信用代码")})) AS code,{
                f' trim({quoted("单位详细名称")}) AS name, trim({quoted("片区")}) AS area,' if names else ""}
                   {quoted("行业代码")} AS industry,
                   CAST(substr({quoted("报告期")}, 1, 4) AS INTEGER) AS year,
                   CAST(substr({quoted("报告期")}, 6, 2) AS INTEGER) AS month
            FROM read_csv({file_list}, header = true, delim = ',', quote = '"', auto_detect = false,
                          columns = {type_map})
        )"""


def base_cells(n):
    """base(N) per indicator (statistics.md §2): the reported 上年同期, else the unit's own ytd of the
    same month last year (p), else 0; only where the unit has a ytd."""
    return ", ".join(
        f"c.y{i} AS y{i}, CASE WHEN c.y{i} IS NOT NULL THEN coalesce(c.b{i}, p.y{i}, 0) END AS base{i}" for i in range(n))


def units_cte(raw, names=False):
    """Each unit's division, from the industry code it reported last (and, with names, the name it
    reported last and the last area it reported, `unknown` when it reported none: an empty cell
    keeps the earlier one, as zonestat's units table does)."""
    latest = "year * 100 + month"
    named = (f"arg_max(name, {latest}) AS name, "
             f"coalesce(arg_max(area, {latest}) FILTER (WHERE area <> ''), 'unknown') AS area, ") if names else ""
    return f"""
    units AS (
        SELECT code, {"name, area, " if names else ""}CASE WHEN d BETWEEN 1 AND 97 THEN lpad(CAST(d AS VARCHAR), 2, '0') ELSE 'unknown' END AS division
        FROM (
            SELECT code, {"name, area, " if names else ""}TRY_CAST(substr(CASE WHEN length(digits) IN (1, 3) THEN '0' || digits ELSE digits END, 1, 2) AS INTEGER)
                         * CASE WHEN length(digits) IN (1, 2, 3, 4) THEN 1 END AS d
            FROM (
                SELECT code, {named}
                       regexp_extract(upper(replace(coalesce(arg_max(industry, {latest}) FILTER (WHERE trim(industry) <> ''), ''),
                                                    ' ', '')),
                                      '^[A-Z]?([0-9]+)$', 1) AS digits
                FROM {raw} GROUP BY code
            )
        )
    )"""


def figures_query(raw, unit_rows_table=False):
    """The zone and industry figures and the roster of every period, from `raw` (a table or a CTE);
    with unit_rows_table, from a table `unit_rows` made by unit_rows_select instead."""
    n = len(INDICATORS)
    bases = base_cells(n)
    any_ytd = " OR ".join(f"c.y{i} IS NOT NULL" for i in range(n))
    sums = ", ".join(f"count(y{i}) AS n{i}, sum(y{i}) AS s{i}, sum(base{i}) AS t{i}" for i in range(n))
    unpivot = "\n            UNION ALL ".join(
        f"SELECT year, month, division, '{INDICATORS[i][1]}' AS indicator, {i} AS ind_order, "
        f"n{i} AS units, s{i} AS ytd, t{i} AS base FROM agg WHERE n{i} > 0"
        for i in range(n))
    # Exact percent rounded half away from zero to 4 decimals: q = round((ytd − base) × 10⁶ / den).
    def pct(numerator, denominator):
        num = f"(CAST(({numerator}) * 10 AS HUGEINT) * 1000000)"
        den = f"CAST(({denominator}) * 10 AS HUGEINT)"
        return (f"CASE WHEN {den} > 0 THEN CAST(sign({num}) * ((abs({num}) * 2 + {den}) // (2 * {den})) "
                f"AS DECIMAL(38, 0)) * 0.0001 END")
    unit_rows = "" if unit_rows_table else f"""{units_cte(raw)},
    unit_rows AS MATERIALIZED (
        SELECT c.code, c.year, c.month, {bases}, ({any_ytd}) AS reporting, u.division
        FROM {raw} c
        LEFT JOIN {raw} p ON p.code = c.code AND p.year = c.year - 1 AND p.month = c.month
        JOIN units u ON u.code = c.code
    ),"""
    return f"""{unit_rows}
    agg AS (
        SELECT year, month, CASE WHEN GROUPING(division) = 1 THEN NULL ELSE division END AS division, {sums}
        FROM unit_rows GROUP BY GROUPING SETS ((year, month, division), (year, month))
    ),
    long AS ({unpivot}),
    indicator_rows AS (
        SELECT 'indicator' AS kind, year, month, indicator, ind_order,
               CASE WHEN division IS NULL THEN 'zone' ELSE 'industry' END AS scope, coalesce(division, '') AS scope_id,
               units, ytd * 0.1 AS ytd, base * 0.1 AS ytd_base,
               {pct("ytd - base", "base")} AS ytd_yoy_pct,
               {pct("ytd - base", "max(CASE WHEN division IS NULL THEN base END) OVER (PARTITION BY year, month, indicator)")}
                   AS pull_pp,
               NULL::BIGINT AS new_units, NULL::BIGINT AS exited_units, NULL::BIGINT AS net_units
        FROM long
    ),
    reporting AS (SELECT code, year, month, division FROM unit_rows WHERE reporting),
    last_month AS (SELECT year, max(month) AS month FROM reporting GROUP BY year),
    last_roster AS (
        SELECT r.code, r.year + 1 AS for_year, r.division FROM reporting r JOIN last_month l USING (year, month)
    ),
    now_counts AS (
        SELECT r.year, r.month, CASE WHEN GROUPING(r.division) = 1 THEN NULL ELSE r.division END AS division,
               count(*) AS units, count(p.code) AS stayed
        FROM reporting r LEFT JOIN last_roster p ON p.code = r.code AND p.for_year = r.year
        GROUP BY GROUPING SETS ((r.year, r.month, r.division), (r.year, r.month))
    ),
    last_counts AS (
        SELECT for_year, CASE WHEN GROUPING(division) = 1 THEN NULL ELSE division END AS division, count(*) AS units
        FROM last_roster GROUP BY GROUPING SETS ((for_year, division), (for_year))
    ),
    periods AS (SELECT DISTINCT year, month FROM now_counts),
    roster_keys AS (
        SELECT year, month, division FROM now_counts
        UNION
        SELECT p.year, p.month, l.division FROM periods p JOIN last_counts l ON l.for_year = p.year
    ),
    roster_rows AS (
        SELECT 'roster' AS kind, k.year, k.month, NULL AS indicator, 99 AS ind_order,
               CASE WHEN k.division IS NULL THEN 'zone' ELSE 'industry' END AS scope, coalesce(k.division, '') AS scope_id,
               coalesce(n.units, 0) AS units, NULL::DECIMAL(38, 2) AS ytd, NULL::DECIMAL(38, 2) AS ytd_base,
               NULL::DECIMAL(38, 4) AS ytd_yoy_pct, NULL::DECIMAL(38, 4) AS pull_pp,
               coalesce(n.units, 0) - coalesce(n.stayed, 0) AS new_units,
               coalesce(l.units, 0) - coalesce(n.stayed, 0) AS exited_units,
               coalesce(n.units, 0) - coalesce(l.units, 0) AS net_units
        FROM roster_keys k
        LEFT JOIN now_counts n ON n.year = k.year AND n.month = k.month AND n.division IS NOT DISTINCT FROM k.division
        LEFT JOIN last_counts l ON l.for_year = k.year AND l.division IS NOT DISTINCT FROM k.division
    )
    SELECT kind, printf('%04d-%02d', year, month) AS period, indicator, scope, scope_id, units, ytd, ytd_base,
           ytd_yoy_pct, pull_pp, new_units, exited_units, net_units
    FROM (SELECT * FROM indicator_rows UNION ALL SELECT * FROM roster_rows)
    ORDER BY kind, year, month, ind_order, scope DESC, scope_id"""


def unit_rows_select(raw):
    """The `unit_rows` table of the units variant: what figures_query's CTE holds, plus each unit's
    name and area and per indicator its month m = ytd(N) − ytd(N−1) (0 when it did not report N−1 or N
    starts the year) and month base mb = base(N) − base(N−1) (base(N) when N starts the year: 1,
    or 2 of a merged indicator), from the same year's (q) and last year's (pq) previous month."""
    n = len(INDICATORS)
    any_ytd = " OR ".join(f"c.y{i} IS NOT NULL" for i in range(n))
    months = []
    for i, (_, _, merged) in enumerate(INDICATORS):
        base = f"coalesce(c.b{i}, p.y{i}, 0)"
        starts = "c.month IN (1, 2)" if merged else "c.month = 1"
        months.append(f"CASE WHEN c.y{i} IS NOT NULL THEN c.y{i} - coalesce(q.y{i}, 0) END AS m{i}")
        months.append(f"CASE WHEN c.y{i} IS NOT NULL THEN CASE WHEN {starts} THEN {base} "
                      f"ELSE {base} - coalesce(q.b{i}, pq.y{i}, 0) END END AS mb{i}")
    return f"""
    WITH {units_cte(raw, names=True)}
    SELECT c.code, c.year, c.month, {base_cells(n)}, {", ".join(months)}, ({any_ytd}) AS reporting, u.division, u.name, u.area
    FROM {raw} c
    LEFT JOIN {raw} p ON p.code = c.code AND p.year = c.year - 1 AND p.month = c.month
    LEFT JOIN {raw} q ON q.code = c.code AND q.year = c.year AND q.month = c.month - 1
    LEFT JOIN {raw} pq ON pq.code = c.code AND pq.year = c.year - 1 AND pq.month = c.month - 1
    JOIN units u ON u.code = c.code"""


def amount_text(value):
    """An amount in 1/10 千元 (a BIGINT: 1/100 万元) as zonestat's CSVs write it in 万元: exact, no
    trailing zeros, no exponent (`12345.67`, `0`, `-3.5`); integer arithmetic only."""
    magnitude = f"abs({value})"
    return (f"CASE WHEN {value} < 0 THEN '-' ELSE '' END || CAST({magnitude} // 100 AS VARCHAR) || "
            f"CASE WHEN {magnitude} % 100 = 0 THEN '' WHEN {magnitude} % 10 = 0 THEN '.' || CAST({magnitude} % 100 // 10 AS VARCHAR) "
            f"ELSE '.' || lpad(CAST({magnitude} % 100 AS VARCHAR), 2, '0') END")


def percent_value(numerator, denominator, positive_only=True):
    """numerator / denominator × 100 in 1/10,000 (BIGINTs), rounded half away from zero from the exact
    values; NULL when the denominator is ≤ 0 (growth, pull) or 0 (share of growth). A unit's
    numerator times 10⁶ stays far inside BIGINT (DuckDB stops on an overflow, never wraps)."""
    num = f"(({numerator}) * 1000000)"
    den = f"({denominator})"
    guard = f"{den} > 0" if positive_only else f"{den} <> 0"
    return f"CASE WHEN {guard} THEN sign({num}) * sign({den}) * ((abs({num}) * 2 + abs({den})) // (2 * abs({den}))) END"


def percent_text(value):
    """A percentage in 1/10,000 (percent_value) with its 4 decimals (`16.6000`, `0.0000`, `-3.0500`);
    NULL stays NULL (an empty cell)."""
    return (f"CASE WHEN {value} < 0 THEN '-' ELSE '' END || CAST(abs({value}) // 10000 AS VARCHAR) || '.' || "
            f"lpad(CAST(abs({value}) % 10000 AS VARCHAR), 4, '0')")


def guarded(text):
    """A text cell as zonestat writes it: a leading `'` when it begins with =, +, -, @, tab or CR and
    is not a number (outputs.md, CSV injection). DuckDB's COPY then quotes the cell as zonestat
    does: when it holds a comma, a quote or a line break."""
    number = r"^[+\-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"
    return (f"CASE WHEN regexp_matches({text}, '^[=+\\-@\\t\\r]') AND NOT regexp_matches({text}, '{number}') "
            f"THEN '''' || {text} ELSE {text} END")


def unit_output_select():
    """units.csv's rows of every period from `unit_rows`, as text but for the period (ym = year × 100
    + month, written by the COPY of each period), with the indicator's position in the pipeline and
    the credit code to order them as zonestat does. Amounts go to BIGINTs in 1/10 千元 first, so
    that every figure is integer arithmetic; percentages are rounded from those exact integers."""
    unpivot = "\n        UNION ALL ".join(
        f"SELECT year * 100 + month AS ym, code, name, area, division, '{ident}' AS indicator, "
        f"'{PUBLISHED[ident][0]}' AS indicator_name, {PUBLISHED[ident][1]} AS ind_order, "
        f"CAST(y{i} * 10 AS BIGINT) AS ytd, CAST(base{i} * 10 AS BIGINT) AS base, CAST(m{i} * 10 AS BIGINT) AS m, "
        f"CAST(mb{i} * 10 AS BIGINT) AS mb FROM unit_rows WHERE y{i} IS NOT NULL"
        for i, (_, ident, _) in enumerate(INDICATORS))
    divisions = ", ".join(f"('{number:02d}', '{name}')" for number, name in enumerate(DIVISION_NAMES, 1))
    return f"""
    WITH long AS ({unpivot}),
    zone AS (
        SELECT *, CAST(sum(base) OVER w AS BIGINT) AS zone_base, CAST(sum(ytd - base) OVER w AS BIGINT) AS zone_increment
        FROM long WINDOW w AS (PARTITION BY ym, indicator)
    ),
    figures AS (
        SELECT *, {percent_value("ytd - base", "base")} AS growth, {percent_value("m - mb", "mb")} AS month_growth,
               {percent_value("ytd - base", "zone_base")} AS pull,
               {percent_value("ytd - base", "zone_increment", positive_only=False)} AS share
        FROM zone
    ),
    division_names (division, division_name) AS (VALUES {divisions})
    SELECT ym, ind_order, code, indicator, indicator_name, '万元' AS unit, 'unit' AS scope, {guarded("code")} AS scope_id,
           {guarded("name")} AS scope_name, 1 AS units, {amount_text("ytd")} AS ytd, {amount_text("base")} AS ytd_base,
           {percent_text("growth")} AS ytd_yoy_pct, {amount_text("ytd - base")} AS ytd_increment,
           {amount_text("m")} AS month, {amount_text("mb")} AS month_base, {percent_text("month_growth")} AS month_yoy_pct,
           {percent_text("pull")} AS pull_pp, {percent_text("share")} AS share_pct, 0 AS estimate,
           division AS industry, coalesce(division_name, '{UNKNOWN_DIVISION_NAME}') AS industry_name,
           {guarded("area")} AS area
    FROM figures LEFT JOIN division_names USING (division)"""


def write_unit_files(connection, units_dir):
    """units.csv, one file per period: units_dir/<period>/units.csv, UTF-8 with a BOM, CRLF. The first
    column is named with the byte-order mark, so that the header DuckDB writes starts the file with
    it. Returns the rows written per period."""
    connection.execute(f"CREATE TABLE unit_out AS {unit_output_select()} ORDER BY ym, ind_order, code")
    counts = {}
    columns = ", ".join(quoted(c) for c in UNIT_COLUMNS[1:])
    for ym, rows in connection.execute("SELECT ym, count(*) FROM unit_out GROUP BY ym ORDER BY ym").fetchall():
        period = f"{ym // 100:04d}-{ym % 100:02d}"
        counts[period] = rows
        folder = os.path.join(units_dir, period)
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, "units.csv").replace("'", "''")
        connection.execute(f"COPY (SELECT '{period}' AS {quoted(BOM + 'period')}, {columns} FROM unit_out WHERE ym = {ym} "
                           f"ORDER BY ind_order, code) TO '{target}' (HEADER, DELIMITER ',', NEW_LINE '\\r\\n')")
    return counts


def run(inbox, out, variant, threads=None, memory_limit=None, units_dir=None):
    files = sorted(glob.glob(os.path.join(inbox, "*月报.csv")))
    if not files:
        raise SystemExit(f"no monthly files (*月报.csv) in {inbox}")
    with open(files[0], encoding="utf-8-sig") as handle:
        header = handle.readline().rstrip("\r\n").split(",")
    missing = [c for c in KEY_COLUMNS if c not in header]
    if missing:
        raise SystemExit(f"{files[0]}: not the generated layout, missing {missing}")
    timings = {}
    started = time.perf_counter()
    connection = duckdb.connect(":memory:")
    if threads:
        connection.execute(f"SET threads = {int(threads)}")
    if memory_limit:
        connection.execute(f"SET memory_limit = '{memory_limit}'")
    connection.execute("SET preserve_insertion_order = false")
    target = out.replace("'", "''")
    if variant == "stream":
        connection.execute(f"COPY (WITH raw AS ({raw_select(files)}), {figures_query('raw')}) TO '{target}' (HEADER, DELIMITER ',')")
    elif variant == "table":
        connection.execute(f"CREATE TABLE raw AS {raw_select(files)}")
        timings["load_s"] = round(time.perf_counter() - started, 3)
        connection.execute(f"COPY (WITH {figures_query('raw')}) TO '{target}' (HEADER, DELIMITER ',')")
    else:
        connection.execute(f"CREATE TABLE raw AS {raw_select(files, names=True)}")
        timings["load_s"] = round(time.perf_counter() - started, 3)
        connection.execute(f"CREATE TABLE unit_rows AS {unit_rows_select('raw')}")
        connection.execute(f"COPY (WITH {figures_query('raw', unit_rows_table=True)}) TO '{target}' (HEADER, DELIMITER ',')")
        timings["figures_s"] = round(time.perf_counter() - started, 3)
        timings["unit_rows"] = write_unit_files(connection, units_dir)
    connection.close()
    timings["total_s"] = round(time.perf_counter() - started, 3)
    timings["files"] = len(files)
    timings["bytes"] = sum(os.path.getsize(path) for path in files)
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inbox", required=True, help="folder with the monthly files")
    parser.add_argument("--out", required=True, help="CSV to write")
    parser.add_argument("--variant", choices=["stream", "table", "units"], default="stream")
    parser.add_argument("--units-dir", help="units variant: folder to write <period>/units.csv into")
    parser.add_argument("--threads", type=int, help="DuckDB threads (default: all cores)")
    parser.add_argument("--memory-limit", help="DuckDB memory_limit, e.g. 4GB")
    args = parser.parse_args()
    if args.variant == "units" and not args.units_dir:
        parser.error("--variant units needs --units-dir")
    print(json.dumps(run(args.inbox, args.out, args.variant, args.threads, args.memory_limit, args.units_dir)))


if __name__ == "__main__":
    main()
