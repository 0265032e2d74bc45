#!/usr/bin/env python3
"""Generate zonestat's sample inbox and the figures it must produce.

Writes sample-data/inbox/*.csv (what the analysts of XX经济开发区 drop into the inbox for
2022 and Jan-Apr 2023), sample-data/expected.json (the figures the generator's own model
implies, computed from the model with exact integers) and sample-data/README.md.

Python 3 standard library only. Deterministic: a fixed seed, no clock, no locale; every run
writes the same bytes (file modification times are set to fixed values in name order).

Before writing expected.json the script re-reads every file it wrote with its declared
encoding and recomputes the figures from the files alone with a small reader that follows
shared/spec/inputs.md and statistics.md (independent of the model code), asserts that both
agree, and asserts the 2023-04 figures round to the source document's.

Usage: python3 scripts/generate_sample_data.py
"""

import csv
import io
import json
import math
import os
import random
import re
import shutil
import unicodedata
import zipfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "sample-data")
INBOX = os.path.join(OUT, "inbox")
SEED = 20230430
ZONE = "XX经济开发区"
AREAS = ["东区", "西区", "南区"]

# ---------------------------------------------------------------------------
# Units and indicators. Every amount in the model is an int count of 元.
# ---------------------------------------------------------------------------

FACTOR = {"元": 1, "千元": 1000, "万元": 10000, "亿元": 100000000}
WAN = 10000
INDICATORS = ["output_value", "value_added", "tax", "fixed_investment", "tech_investment"]
IND_NAME = {
    "output_value": "规上工业总产值",
    "value_added": "规上工业增加值",
    "tax": "一般公共预算收入",
    "fixed_investment": "固定资产投资",
    "tech_investment": "技改投资",
}
MERGED = {"output_value": True, "value_added": True, "tax": False,
          "fixed_investment": True, "tech_investment": True}
# the grid every value of the indicator lies on, in 元 (千元 forms: integer 千元 for output,
# 0.1 千元 for value added; 万元 forms: 0.01 万元)
GRID = {"output_value": 1000, "value_added": 100, "tax": 100,
        "fixed_investment": 100, "tech_investment": 100}

# The 2023-04 figures (万元 → 元). Chosen so that the document's rounded figures hold with
# room on both sides of the rounding interval.
TARGET = {
    "output_value": {"base": 2856407000, "ytd": 3330571000},      # 285640.7 → 333057.1 万元
    "value_added": {"base": 570436000, "ytd": 679959700},          # 57043.60 → 67995.97
    "tax": {"base": 149573600, "ytd": 226005700},                  # 14957.36 → 22600.57
    "fixed_investment": {"base": 1124487000, "ytd": 1435970000},   # 112448.7 → 143597.0
    "tech_investment": {"base": 492815000, "ytd": 789982000},      # 49281.5 → 78998.2
}
# Last year's May-Dec (R, statistics.md §4) chosen so that the worked examples hold:
# fixed investment 37.64 / 28.755 − 1 = 30.9 %; value added s = B_N / B_Y = 1/3 → 35.4 %.
TARGET_R = {"fixed_investment": 2875500000, "value_added": 2 * 570436000,
            "tax": 600000000}  # tax: 2022 = 7.5亿 (refunds depressed 2022 Jan-Jun)
# Zone growth aimed at (not exact) for the earlier 2023 periods.
AIM_GROWTH = {
    "output_value": {2: 0.138, 3: 0.152},
    "value_added": {2: 0.168, 3: 0.181},
    "tax": {1: 0.36, 2: 0.42, 3: 0.47},
    "fixed_investment": {2: 0.241, 3: 0.262},
}
# The document's 2023-04 figures: (亿元 ytd as printed, decimals, growth % as printed).
DOC = {
    "tax": ("2.26", 2, "51.1"),
    "output_value": ("33.3", 1, "16.6"),
    "value_added": ("6.8", 1, "19.2"),
    "fixed_investment": ("14.36", 2, "27.7"),
    "tech_investment": ("7.9", 1, "60.3"),
}

DIV_NAME = {
    "06": "煤炭开采和洗选业", "13": "农副食品加工业", "21": "家具制造业",
    "22": "造纸和纸制品业", "26": "化学原料和化学制品制造业", "27": "医药制造业",
    "29": "橡胶和塑料制品业", "30": "非金属矿物制品业", "31": "黑色金属冶炼和压延加工业",
    "32": "有色金属冶炼和压延加工业", "33": "金属制品业", "34": "通用设备制造业",
    "35": "专用设备制造业", "36": "汽车制造业", "38": "电气机械和器材制造业",
    "39": "计算机、通信和其他电子设备制造业", "42": "废弃资源综合利用业",
    "44": "电力、热力生产和供应业",
}
# class → words that go into an enterprise name
CLASS_WORDS = {
    "3670": ["汽车零部件", "汽车部件", "汽车配件", "精密汽车部件", "汽车座椅", "汽车内饰件",
             "汽车电子", "车桥", "减震器", "汽车轮毂", "汽车饰件", "汽车传动系统", "汽车底盘件",
             "汽车冲压件", "汽车密封件", "汽车空调部件", "汽车线束", "制动系统", "汽车零部件",
             "汽车部件", "汽车配件", "汽车零部件", "汽车模具", "汽车轴承", "汽车零部件"],
    "3612": ["新能源汽车"], "3660": ["专用车辆", "挂车"], "3630": ["改装车", "专用汽车"],
    "3484": ["精密机械", "机械制造", "精工机械"], "3453": ["齿轮", "传动机械"],
    "3443": ["阀门", "流体控制"], "3444": ["液压", "液压机械"], "3451": ["轴承"],
    "3482": ["紧固件", "标准件"], "3311": ["钢结构", "重钢结构"], "3312": ["门窗", "金属门窗"],
    "3391": ["铸造", "铸业"], "3393": ["锻造", "锻压"], "3360": ["表面处理", "热处理"],
    "3831": ["电缆", "线缆"], "3841": ["锂电", "新能源电池"], "3823": ["电气", "配电设备"],
    "3825": ["光伏", "光电"], "3982": ["电路板", "电子电路"], "3985": ["电子材料", "新材料"],
    "3976": ["光电子", "光电科技"], "3021": ["水泥制品", "管桩"], "3032": ["石材"],
    "3062": ["复合材料", "玻璃钢"], "3011": ["水泥"], "2641": ["涂料", "化工涂料"],
    "2662": ["精细化工", "化学"], "2614": ["化工", "化学材料"], "2929": ["塑业", "塑胶制品"],
    "2922": ["管业", "塑料管材"], "2913": ["橡胶制品", "橡塑"], "3130": ["钢材", "金属材料"],
    "3140": ["合金"], "3252": ["铝业", "铝材"], "1331": ["粮油", "油脂"],
    "1353": ["食品", "肉制品"], "1391": ["淀粉", "生物科技"], "3511": ["矿山机械", "重工"],
    "3516": ["冶金设备", "重型机械"], "2231": ["包装", "纸业"], "2110": ["家具", "家居"],
    "2720": ["药业", "制药"], "4210": ["再生资源", "资源回收"], "4412": ["热电"],
    "4416": ["光伏电力", "新能源"], "0610": ["煤业"],
}
# division, units, classes (cycled), size multiplier
DIV_PLAN = [
    ("36", 35, ["3670"] * 10 + ["3660", "3630"], 1.5),
    ("34", 14, ["3484", "3484", "3453", "3443", "3444", "3451", "3482"], 1.0),
    ("33", 14, ["3311", "3312", "3391", "3393", "3360", "3311"], 0.9),
    ("38", 11, ["3831", "3841", "3823", "3825"], 1.3),
    ("39", 8, ["3982", "3985", "3976"], 1.2),
    ("30", 9, ["3021", "3032", "3062", "3011"], 0.8),
    ("29", 7, ["2929", "2922", "2913"], 0.7),
    ("26", 6, ["2641", "2662", "2614"], 1.0),
    ("13", 5, ["1331", "1353", "1391"], 0.8),
    ("35", 5, ["3511", "3516"], 0.9),
    ("31", 4, ["3130", "3140"], 1.8),
    ("32", 2, ["3252"], 1.2),
    ("22", 2, ["2231"], 0.6),
    ("42", 2, ["4210"], 1.0),
    ("44", 2, ["4412", "4416"], 0.8),
    ("21", 1, ["2110"], 0.6),
    ("27", 1, ["2720"], 0.9),
    ("06", 1, ["0610"], 1.0),
]
BRANDS = (
    "华晟 恒通 瑞丰 金鼎 盛泰 宏达 科达 鑫源 中联 博远 凯德 精工 永固 天力 裕隆 嘉诚 昌盛 汇通 "
    "宝利 福瑞 东升 新锐 锦程 鼎盛 华宇 瑞祥 长江 江淮 皖南 天马 海川 亿丰 联创 "
    "众合 协力 同创 启航 明远 佳讯 创新 远航 信达 正泰 中科 兴达 伟业 顺达 富华 荣昌 "
    "金诺 银河 星辉 海纳 润泽 泰和 安顺 德力 力拓 华通 百川 弘毅 欣荣 庆丰 和盛 隆鑫 "
    "鸿运 旭升 国辰 达成 晨光 万里 恒力 恒信 瑞达 凯瑞 博瑞 华瑞 金瑞 众诚 诚信 立信 "
    "建华 振华 兴华 中南 东方 西部 南星 北辰 宏图 宏远 宏泰 通达 通宇 通力 奥特 奥科 "
    "美锦 美亚 亚泰 亚星 凌云 凌峰 青山 青松 天瑞 天成 天宇 天泽 锐泰 锐达 智恒 智远 "
    "腾飞 腾达 汇川 汇鑫 昊天 昊达 德诚 德恒 泓源 泓达 永盛 永鑫 合力 合众 创力 创达 "
    "科瑞 科润 盛达 盛源 鑫泰 鑫达 金桥 金源 华鼎 华凯 驰宇 驰远 骏马 恒昌 恒远 恒泰"
).split()
BRANDS += "晶晟 恒嘉 嘉禾 祥瑞 丰源 聚力 普瑞 金宇".split()
# no brand words of well-known real companies
_FAMOUS = set("江淮 正泰 美锦 恒力 汇川 青山 天马 长江 中联 振华 万里 宝利 东方".split())
BRANDS = [b for b in BRANDS if all("\u4e00" <= ch <= "\u9fff" for ch in b) and b not in _FAMOUS]

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(s17):
    total = sum(ALPHABET.index(c) * w for c, w in zip(s17, WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def uscc_valid(code):
    return len(code) == 18 and all(c in ALPHABET for c in code) and uscc_check(code[:17]) == code[17]


def org_check(s8):
    """GB 11714 check character of an organisation code body."""
    val = lambda c: int(c) if c.isdigit() else ord(c) - 55  # A=10 … Z=35
    total = sum(val(c) * w for c, w in zip(s8, [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


class Unit:
    """One enterprise of the zone, with its whole model history."""

    def __init__(self, seq, div, cls):
        self.seq = seq
        self.div = div
        self.cls = cls
        self.code_kind = "class"      # or "div": the unit's forms only ever carry the division
        self.status = "continuing"    # continuing | exited | entrant22 | newbuild22 | shenggui | newbuild
        self.first22 = 1              # first month the unit is in the 2022 files (None: never)
        self.first23 = 1              # first month in 2023 (None: exited)
        self.area = ""
        self.name = ""
        self.code = ""
        self.size = 1.0
        self.m = {}        # (indicator, year) → [13] monthly values (output, value added, tax)
        self.y = {}        # (indicator, year) → [13] ytd values (fixed, tech: ytd arrays)
        self.style = {}    # form → base style on 2023 forms: equal | revised | empty | own | none | zero
        self.revf = {}     # form → revision factor of 上年同期 for 'revised'
        self.rev = {}      # (indicator) → [13] revised ytd reported as 上年同期
        self.inv22 = None  # (first reported month, last month with investment) or None
        self.inv23 = None  # first reported month in 2023 or None
        self.project = ""

    # ytd of indicator in year at month m (0 before the unit has values)
    def ytd(self, ind, year, m):
        if ind in ("fixed_investment", "tech_investment"):
            arr = self.y.get((ind, year))
            return arr[m] if arr else 0
        arr = self.m.get((ind, year))
        return sum(arr[1:m + 1]) if arr else 0

    def in_files(self, ind, year, m):
        """Does the unit report indicator at (year, m) in the inbox files?"""
        if MERGED[ind] and m < 2:
            return False
        if ind in ("fixed_investment", "tech_investment"):
            first = self.inv22[0] if year == 2022 and self.inv22 else (self.inv23 if year == 2023 else None)
            if first is None or m < first:
                return False
            if ind == "tech_investment":
                return self.tech_share(year) > 0
            return True
        first = self.first22 if year == 2022 else self.first23
        return first is not None and m >= first

    def tech_share(self, year):
        return self.s22 if year == 2022 else self.s23

    def form_of(self, ind):
        return {"output_value": "ent", "value_added": "ent", "tax": "tax"}.get(ind, "inv")

    def base_style(self, ind):
        if ind == "value_added" and "ent_va" in self.style:
            return self.style["ent_va"]
        return self.style[self.form_of(ind)]

    def reported_base(self, ind, m):
        """The 上年同期 (1-m月) the unit writes on its 2023 form, or None (left empty)."""
        st = self.base_style(ind)
        if st in ("equal", "own"):
            return self.ytd(ind, 2022, m)
        if st == "revised":
            return self.rev[ind][m]
        if st == "zero":
            return 0
        return None

    def base(self, ind, m):
        """(base, rule) of the unit at 2023-m by statistics.md §2."""
        r = self.reported_base(ind, m)
        if r is not None:
            return r, "rule1_reported"
        if self.in_files(ind, 2022, m):
            return self.ytd(ind, 2022, m), "rule2_warehouse_2022"
        return 0, "rule3_zero"

    def ind_text(self, style):
        """The industry code as one file writes it."""
        code = self.cls if self.code_kind == "class" else self.div
        letter = "B" if self.div < "13" else "D" if self.div >= "44" else "C"
        if style == "letter":
            return letter + code
        if style == "excel":  # a numeric Excel column: leading zeros stripped
            return str(int(code))
        return code


def rgrid(x, g):
    return int(math.floor(x / g + 0.5)) * g


def fgrid(x, g):
    return int(math.floor(x / g + 1e-9)) * g


# ---------------------------------------------------------------------------
# The world
# ---------------------------------------------------------------------------

SEAS22 = [0, .080, .065, .090, .080, .082, .088, .080, .080, .088, .083, .088, .096]
SEAS23 = [0, .082, .070, .092, .088]
TAXSEAS22 = [0, 1.6, 0.75, 0.8, 0.45, 0.35, 0.5, 1.1, 0.95, 1.0, 1.3, 1.05, 1.1]
TAXSEAS23 = [0, 1.5, 0.85, 1.0, 1.05]


def build_units(rng):
    brands = rng.sample(BRANDS, len(BRANDS))
    units = []
    seq = 0
    for div, count, classes, mult in DIV_PLAN:
        for k in range(count):
            cls = "3612" if (div == "36" and k == 0) else classes[k % len(classes)]
            u = Unit(seq, div, cls)
            u.size = mult
            units.append(u)
            seq += 1
    by_div = {}
    for u in units:
        by_div.setdefault(u.div, []).append(u)

    def pick(div, n, status, cls=None):
        cands = [u for u in by_div[div] if u.status == "continuing" and u.cls != "3612"
                 and (cls is None or u.cls == cls)]
        chosen = rng.sample(cands, n)
        for u in chosen:
            u.status = status
        return chosen

    for d in ["30", "33", "13", "29"]:
        pick(d, 1, "exited")
    for d, n in [("36", 4), ("34", 2), ("33", 2), ("38", 1), ("29", 1), ("39", 1)]:
        pick(d, n, "shenggui", "3670" if d == "36" else None)
    nb = pick("36", 2, "newbuild", "3670") + pick("38", 1, "newbuild", "3841") + \
        pick("39", 1, "newbuild") + pick("30", 1, "newbuild")
    pick("36", 1, "entrant22", "3670")
    pick("34", 1, "entrant22")
    pick("38", 1, "newbuild22")
    for u in units:
        if u.status == "exited":
            u.first23 = None
        elif u.status == "shenggui":
            u.first22 = None
        elif u.status == "newbuild":
            u.first22 = None
        elif u.status == "entrant22":
            u.first22 = 7
        elif u.status == "newbuild22":
            u.first22 = 9
    # new builds: two start in 1-2月, two in March, one in April
    for u, start in zip(nb, [2, 2, 3, 3, 4]):
        u.first23 = start
    # division-only industry codes
    for d, n in [("36", 2), ("34", 1), ("33", 1), ("30", 1)]:
        cands = [u for u in by_div[d] if u.status == "continuing" and u.cls != "3612"]
        for u in rng.sample(cands, n):
            u.code_kind = "div"
    # areas
    for u in units:
        if u.div == "06":
            u.area = "南区"
        elif u.div == "44":
            u.area = rng.choice(["东区", "南区"])
        else:
            r = rng.random()
            u.area = "东区" if r < 0.48 else "西区" if r < 0.80 else "南区"
    # names
    used = set()
    for i, u in enumerate(units):
        brand = brands[i]
        words = CLASS_WORDS[u.cls]
        word = words[rng.randrange(len(words))]
        r = rng.random()
        prefix = "马鞍山" if r < 0.36 else "安徽" if r < 0.70 else "当涂县" if r < 0.78 else ""
        r = rng.random()
        if u.cls == "3612":
            name = "安徽" + brand + "新能源汽车有限公司"
        elif r < 0.05 and prefix:
            name = brand + "（马鞍山）" + word + "有限公司"
        else:
            suffix = "股份有限公司" if r < 0.14 else "科技有限公司" if r < 0.30 and not word.endswith("科技") \
                else "有限责任公司" if r < 0.35 else "有限公司"
            name = prefix + brand + word + suffix
        assert name not in used
        used.add(name)
        u.name = name
    # credit codes: old style (organisation code of 8 digits + GB 11714 check) or MA style
    codes = set()
    west_digits = 0
    for u in units:
        region = rng.choice(["340521"] * 6 + ["340500"] * 3 + ["340504"] * 2)
        new_style = u.status in ("shenggui", "newbuild", "newbuild22") or rng.random() < 0.25
        while True:
            if new_style:
                body = "MA" + rng.choice("28") + "".join(rng.choice(ALPHABET[:10] + "ABCDEFGHJKLMNPQRTUWXY")
                                                          for _ in range(5))
            else:
                body = str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(7))
            s17 = "91" + region + body + org_check(body)
            code = s17 + uscc_check(s17)
            # West-area old-style units get all-digit codes (Excel turns those into numbers).
            if (not new_style and u.area == "西区" and u.status == "continuing" and west_digits < 8
                    and not code.isdigit()):
                continue
            if code not in codes:
                break
        if code.isdigit() and u.area == "西区" and u.status == "continuing":
            west_digits += 1
        codes.add(code)
        u.code = code
    # one new build's registry record carries a wrong check character (warning, row kept)
    bad = [u for u in units if u.status == "newbuild" and u.first23 == 4][0]
    good = bad.code[17]
    bad.code = bad.code[:17] + ALPHABET[(ALPHABET.index(good) + 7) % 31]
    assert not uscc_valid(bad.code)
    # row order in the forms: the bureau's registration order, new units at the end
    order = {"continuing": 0, "exited": 0, "entrant22": 1, "newbuild22": 1, "shenggui": 2, "newbuild": 3}
    units.sort(key=lambda u: (order[u.status], u.area, u.cls, u.seq))
    for i, u in enumerate(units):
        u.seq = i
    return units


def gen_output_value(rng, units):
    ind = "output_value"
    raw22, raw23 = {}, {}
    for u in units:
        if u.status in ("newbuild",):
            continue
        if u.cls == "3612":
            annual = 140000e4
        elif u.status == "shenggui":
            annual = rng.uniform(2100, 3600) * 1e4
        elif u.status == "entrant22":
            annual = rng.uniform(2400, 4200) * 1e4
        elif u.status == "newbuild22":
            annual = rng.uniform(6000, 9000) * 1e4
        elif u.status == "exited":
            annual = rng.uniform(1800, 4500) * 1e4
        else:
            annual = rng.lognormvariate(math.log(4600), 0.85) * u.size * 1e4
            annual = max(annual, 2300e4)
        u.annual = annual
        arr = [0.0] * 13
        for m in range(1, 13):
            v = annual * SEAS22[m] * rng.uniform(0.9, 1.1)
            if m == 4 and u.div == "36":
                v *= 0.82 if u.cls != "3612" else 0.7   # April 2022: the supply chain stopped
            if u.status == "exited" and m >= 8:
                v *= [0, 0, 0, 0, 0, 0, 0, 0, .8, .6, .45, .3, .2][m]
            if u.status == "newbuild22":
                v = 0.0 if m < 9 else annual / 12 * [.5, .8, 1.0, 1.1][m - 9]
            if u.status == "entrant22" and m >= 7:
                v *= 1.25
            arr[m] = v
        raw22[u] = arr
    for u in units:
        if u.first23 is None:
            continue
        arr = [0.0] * 13
        if u.status == "newbuild":
            rate = rng.uniform(4500, 16000) * 1e4
            ramp = {2: [0, .35, .6, .8, .9], 3: [0, 0, 0, .5, .8], 4: [0, 0, 0, 0, .6]}[u.first23]
            for m in range(1, 5):
                arr[m] = rate * SEAS23[m] * ramp[m]
            if u.first23 == 2:
                arr[1] = 0.0 if rng.random() < 0.5 else arr[1]
                arr[2] = max(arr[2], 1e5)
        elif u.status == "newbuild22":
            level = sum(raw22[u][9:13]) / 4
            for m in range(1, 5):
                arr[m] = level * SEAS23[m] / 0.083 * rng.uniform(0.95, 1.1)
        else:
            if u.cls == "3612":
                g = 0.26
            elif u.status == "shenggui":
                g = rng.uniform(0.15, 0.6)
            else:
                g = min(max(rng.gauss(0.13, 0.17), -0.45), 0.9)
            u.g = g
            for m in range(1, 5):
                arr[m] = raw22[u][m] * (1 + g) * rng.uniform(0.92, 1.08) * (SEAS23[m] / SEAS22[m])
        raw23[u] = arr
    calibrate_monthly(ind, units, raw22, raw23, rng)


def gen_value_added(rng, units):
    ind = "value_added"
    raw22, raw23 = {}, {}
    for u in units:
        u.va_ratio = rng.uniform(0.15, 0.30) if u.div != "44" else rng.uniform(0.3, 0.4)
        src = u.m.get(("output_value", 2022))
        if src:
            raw22[u] = [0.0] + [src[m] * u.va_ratio * rng.uniform(0.94, 1.06) for m in range(1, 13)]
        src = u.m.get(("output_value", 2023))
        if src:
            lift = rng.uniform(0.99, 1.07)
            raw23[u] = [0.0] + [src[m] * u.va_ratio * lift * rng.uniform(0.96, 1.04) for m in range(1, 5)]
    calibrate_monthly(ind, units, raw22, raw23, rng)


def gen_tax(rng, units):
    ind = "tax"
    raw22, raw23 = {}, {}
    for u in units:
        u.tax_rate = min(max(rng.lognormvariate(math.log(0.05), 0.65), 0.004), 0.22)
        src = u.m.get(("output_value", 2022))
        if src:
            raw22[u] = [0.0] + [src[m] * u.tax_rate * TAXSEAS22[m] * rng.uniform(0.85, 1.15)
                                for m in range(1, 13)]
        src = u.m.get(("output_value", 2023))
        if src:
            lift = rng.uniform(0.95, 1.15)
            raw23[u] = [0.0] + [src[m] * u.tax_rate * lift * TAXSEAS23[m] * rng.uniform(0.85, 1.15)
                                for m in range(1, 5)]
    # new builds pay little tax in their first months (input VAT credits)
    for u in units:
        if u.status == "newbuild":
            raw23[u] = [v * 0.3 for v in raw23[u]]
            for m in range(1, 5):
                if m < u.first23:
                    raw23[u][m] = 0.0
    calibrate_monthly(ind, units, raw22, raw23, rng)


def assign_styles(rng, units):
    """How each unit fills the 上年同期 columns of its 2023 forms."""
    cont = [u for u in units if u.status == "continuing"]
    for u in units:
        for form in ("ent", "tax"):
            if u.status in ("shenggui", "entrant22"):
                u.style[form] = "own"
            elif u.status in ("newbuild", "newbuild22", "exited"):
                u.style[form] = "none"
            elif u.status == "continuing":
                u.style[form] = "equal"
    shuffled = rng.sample(cont, len(cont))
    for u in shuffled[:4]:
        u.style["ent"] = "revised"
        u.revf["ent"] = rng.choice([0.962, 0.975, 1.021, 1.034, 1.046])
    for u in shuffled[4:11]:
        u.style["ent"] = "empty"
    shuffled[11].style["ent_va"] = "empty"      # output reported, value added left empty
    shuffled = rng.sample(cont, len(cont))
    for u in shuffled[:3]:
        u.style["tax"] = "revised"
        u.revf["tax"] = rng.choice([0.93, 0.96, 1.05, 1.08])
    for u in shuffled[3:9]:
        u.style["tax"] = "empty"


def base_sum(units, ind, m):
    return sum(u.base(ind, m)[0] for u in units if u.in_files(ind, 2023, m))


def published(units, ind, year, m):
    return sum(u.ytd(ind, year, m) for u in units if u.in_files(ind, year, m))


def calibrate_monthly(ind, units, raw22, raw23, rng):
    """Scale, round and fix residuals so the zone figures hit TARGET exactly."""
    g = GRID[ind]
    form = {"output_value": "ent", "value_added": "ent", "tax": "tax"}[ind]
    s4 = [u for u in units if u.first23 is not None]            # 2023-04 scope (all report by April)
    # 1. base B4 is linear in the 2022 level: scale months 1..4 (and everything with them)
    def b4_raw(k):
        tot = 0.0
        for u in s4:
            if u not in raw22:
                continue
            st = u.base_style(ind)
            ytd4 = sum(raw22[u][1:5]) * k
            if st in ("equal", "own"):
                tot += ytd4
            elif st == "revised":
                tot += ytd4 * u.revf[form]
            elif st == "empty" and u.first22 is not None and u.first22 <= 4:
                tot += ytd4
        return tot
    k1 = TARGET[ind]["base"] / b4_raw(1.0)
    k2 = 1.0
    if ind in TARGET_R:
        # R = Σ_Dec ytd(12) − Σ_Apr ytd(4) = E + k2·S (E: entrants' Jan-Apr inside their Dec ytd)
        e = sum(sum(raw22[u][1:5]) * k1 for u in raw22 if u.first22 is not None and u.first22 > 4)
        s = sum(sum(raw22[u][5:13]) * k1 for u in raw22 if u.first22 is not None)
        k2 = (TARGET_R[ind] - e) / s
    u_scale = {}
    for u, arr in raw22.items():
        u.m[(ind, 2022)] = [0] + [rgrid(arr[m] * k1 * (k2 if m >= 5 else 1.0), g) for m in range(1, 13)]
        u_scale[u] = k1
    # revised 上年同期: the unit's own re-statement of its 2022 months
    for u in units:
        if u.base_style(ind) == "revised":
            months = [0] + [rgrid(u.m[(ind, 2022)][m] * u.revf[form], g) for m in range(1, 5)]
            u.rev[ind] = [sum(months[1:m + 1]) for m in range(0, 5)]
    # residual of B4 on the largest 'equal' unit's April (shifts its ytd 4..12 alike: R unchanged)
    delta = TARGET[ind]["base"] - base_sum(units, ind, 4)
    fixu = max((u for u in s4 if u.base_style(ind) == "equal"), key=lambda u: u.m[(ind, 2022)][4])
    fixu.m[(ind, 2022)][4] += delta
    assert fixu.m[(ind, 2022)][4] > 0 and base_sum(units, ind, 4) == TARGET[ind]["base"]
    if ind in TARGET_R:
        r = published(units, ind, 2022, 12) - published(units, ind, 2022, 4)
        dec = max((u for u in units if u.in_files(ind, 2022, 12)), key=lambda u: u.m[(ind, 2022)][12])
        dec.m[(ind, 2022)][12] += TARGET_R[ind] - r
        assert dec.m[(ind, 2022)][12] > 0
        assert published(units, ind, 2022, 12) - published(units, ind, 2022, 4) == TARGET_R[ind]
    # 2. 2023: scale each period's new months so the zone growth lands on its aim
    groups = [(2, [1, 2]), (3, [3]), (4, [4])] if MERGED[ind] else [(1, [1]), (2, [2]), (3, [3]), (4, [4])]
    for u in raw23:
        u.m[(ind, 2023)] = [0] * 13
    for n, months in groups:
        scope = [u for u in raw23 if u.in_files(ind, 2023, n)]
        b = base_sum(units, ind, n)
        aim = TARGET[ind]["ytd"] if n == 4 else (1 + AIM_GROWTH[ind][n]) * b
        fixed = sum(u.ytd(ind, 2023, months[0] - 1) for u in scope)
        var = sum(raw23[u][m] for u in scope for m in months)
        k = (aim - fixed) / var
        for u in raw23:
            for m in months:
                u.m[(ind, 2023)][m] = rgrid(raw23[u][m] * k, g)
    s4_23 = [u for u in raw23 if u.in_files(ind, 2023, 4)]
    delta = TARGET[ind]["ytd"] - sum(u.ytd(ind, 2023, 4) for u in s4_23)
    fixu = max((u for u in s4_23 if u.status == "continuing"), key=lambda u: u.m[(ind, 2023)][4])
    fixu.m[(ind, 2023)][4] += delta
    assert fixu.m[(ind, 2023)][4] > 0
    for u in units:
        for y in (2022, 2023):
            arr = u.m.get((ind, y))
            if arr:
                assert all(v >= 0 for v in arr), (u.name, ind, y, arr)


def gen_investment(rng, units):
    f, t = "fixed_investment", "tech_investment"
    g = GRID[f]
    cont = [u for u in units if u.status == "continuing" and u.cls != "3612"]
    big = [u for u in units if u.cls == "3612"]
    # 33 continuing investors in 2022 (3 of them finish in 2022), one exited unit,
    # 5 continuing units with a first project in 2023, 2 升规 and 2 new builds with projects
    weights = sorted(cont, key=lambda u: -u.annual)
    pool = weights[:70]
    inv22 = big + rng.sample(pool, 32)
    done22 = rng.sample(inv22[1:], 3)
    exited_inv = [u for u in units if u.status == "exited"][:1]
    rest = [u for u in cont if u not in inv22]
    new23 = rng.sample(rest, 5)
    sg_inv = rng.sample([u for u in units if u.status == "shenggui"], 2)
    nb_inv = [u for u in units if u.status == "newbuild" and u.first23 == 2]
    raw22, raw23 = {}, {}
    for u in inv22 + exited_inv:
        start = 1 if rng.random() < 0.72 else rng.randrange(3, 10)
        end = rng.randrange(7, 10) if u in done22 else 12
        if u in exited_inv:
            start, end = 1, 6
        p = (42000e4 if u.cls == "3612" else rng.lognormvariate(math.log(7500), 0.8) * 1e4)
        inc = [0.0] + [p / 12 * rng.uniform(0.6, 1.4) if start <= mm <= end else 0.0 for mm in range(1, 13)]
        raw22[u] = inc
        u.inv22 = (max(2, start), end)
    for u in sg_inv:  # their 2022 project existed while they were below scale: in no file
        p = rng.lognormvariate(math.log(2500), 0.4) * 1e4
        raw22[u] = [0.0] + [p / 12 * rng.uniform(0.7, 1.3) for _ in range(12)]
    for u in inv22:
        if u in done22:
            continue
        gg = rng.uniform(-0.25, 0.75)
        level = sum(raw22[u][1:13]) / 12
        raw23[u] = [0.0] + [level * (1 + gg) * rng.uniform(0.6, 1.4) for _ in range(4)]
        u.inv23 = 2
    for u, start in zip(new23, [1, 1, 2, 3, 3]):
        p = rng.lognormvariate(math.log(6000), 0.6) * 1e4
        raw23[u] = [0.0] + [p / 12 * rng.uniform(0.7, 1.3) if mm >= start else 0.0 for mm in range(1, 5)]
        u.inv23 = max(2, start)
    for u in sg_inv:
        level = sum(raw22[u][1:13]) / 12 * rng.uniform(1.1, 1.6)
        raw23[u] = [0.0] + [level * rng.uniform(0.7, 1.3) for _ in range(4)]
        u.inv23 = 2
    for u in nb_inv:
        p = rng.lognormvariate(math.log(9000), 0.4) * 1e4
        raw23[u] = [0.0] + [p / 12 * rng.uniform(0.7, 1.3) for _ in range(4)]
        u.inv23 = 2
    # tech shares (share of each project's spending that is 技术改造)
    for u in units:
        u.s22 = u.s23 = 0.0
    for u in raw22:
        u.s22 = 0.0 if rng.random() < 0.42 else rng.uniform(0.25, 0.95)
        if u.cls == "3612":
            u.s22 = 0.35
    for u in raw23:
        if u.s22 > 0:
            u.s23 = min(1.0, u.s22 * rng.uniform(1.0, 1.5))
        else:
            u.s23 = rng.uniform(0.3, 0.9) if rng.random() < 0.3 else 0.0
        if u.cls == "3612":
            u.s23 = 0.5
    for u in sg_inv:
        u.s22 = u.s23 = rng.uniform(0.5, 0.9)
    # base styles on the investment form
    for u in units:
        if u in raw23:
            if u.status == "shenggui":
                u.style["inv"] = "own"
            elif u.status == "newbuild":
                u.style["inv"] = "none"
            elif u in new23:
                u.style["inv"] = "zero"
            else:
                u.style["inv"] = "equal"
    ongoing = [u for u in inv22 if u in raw23 and u.cls != "3612"]
    pick = rng.sample(ongoing, 6)
    for u in pick[:2]:
        u.style["inv"] = "revised"
        u.revf["inv"] = rng.choice([0.955, 0.97, 1.03, 1.05])
    for u in pick[2:6]:
        u.style["inv"] = "empty"
    for u in new23[3:]:
        u.style["inv"] = "empty"

    def cum(inc, k_lo, k_hi, n):
        out, acc = [0] * (n + 1), 0.0
        for mm in range(1, n + 1):
            acc += inc[mm] * (k_lo if mm <= 4 else k_hi)
            out[mm] = acc
        return out

    s4 = [u for u in raw23 if u.in_files(f, 2023, 4)]

    def b4(k):
        tot = 0.0
        for u in s4:
            if u not in raw22:
                continue
            st = u.base_style(f)
            v = sum(raw22[u][1:5]) * k
            if st in ("equal", "own"):
                tot += v
            elif st == "revised":
                tot += v * u.revf["inv"]
            elif st == "empty" and u.inv22 and u.inv22[0] <= 4:
                tot += v
        return tot
    k1 = TARGET[f]["base"] / b4(1.0)
    s = sum(sum(raw22[u][5:13]) * k1 for u in raw22 if u.inv22)
    k2 = TARGET_R[f] / s
    for u, inc in raw22.items():
        c = cum(inc, k1, k1 * k2, 12)
        u.y[(f, 2022)] = [rgrid(c[mm], g) for mm in range(13)]
    for u in units:
        if u.style.get("inv") == "revised":
            u.rev[f] = [rgrid(u.y[(f, 2022)][mm] * u.revf["inv"], g) for mm in range(5)]
    delta = TARGET[f]["base"] - base_sum(units, f, 4)
    fixu = max((u for u in s4 if u.base_style(f) == "equal" and u.inv22 and u.inv22[0] <= 4),
               key=lambda u: u.y[(f, 2022)][4])
    for mm in range(4, 13):
        fixu.y[(f, 2022)][mm] += delta
    assert fixu.y[(f, 2022)][4] >= fixu.y[(f, 2022)][3]
    assert base_sum(units, f, 4) == TARGET[f]["base"]
    r = published(units, f, 2022, 12) - published(units, f, 2022, 4)
    dec = max((u for u in units if u.in_files(f, 2022, 12)), key=lambda u: u.y[(f, 2022)][12])
    dec.y[(f, 2022)][12] += TARGET_R[f] - r
    assert dec.y[(f, 2022)][12] >= dec.y[(f, 2022)][11]
    assert published(units, f, 2022, 12) - published(units, f, 2022, 4) == TARGET_R[f]
    # 2023 fixed investment by period
    for u in raw23:
        u.y[(f, 2023)] = [0] * 13
    incs23 = {u: [0.0] * 5 for u in raw23}
    for n, months in [(2, [1, 2]), (3, [3]), (4, [4])]:
        scope = [u for u in raw23 if u.in_files(f, 2023, n)]
        b = base_sum(units, f, n)
        aim = TARGET[f]["ytd"] if n == 4 else (1 + AIM_GROWTH[f][n]) * b
        fixed = sum(u.y[(f, 2023)][months[0] - 1] for u in scope)
        var = sum(raw23[u][mm] for u in scope for mm in months)
        k = (aim - fixed) / var
        for u in raw23:
            for mm in months:
                incs23[u][mm] = raw23[u][mm] * k
            acc = sum(incs23[u][1:n + 1])
            u.y[(f, 2023)][n] = rgrid(acc, g)
            if n == 2:
                u.y[(f, 2023)][1] = rgrid(incs23[u][1], g)
    delta = TARGET[f]["ytd"] - sum(u.y[(f, 2023)][4] for u in s4)
    fixu = max((u for u in s4 if u.status == "continuing"), key=lambda u: u.y[(f, 2023)][4])
    fixu.y[(f, 2023)][4] += delta
    assert fixu.y[(f, 2023)][4] >= fixu.y[(f, 2023)][3]
    # tech investment: a floor of share × fixed, so tech ≤ fixed and ytd never falls
    s4t = [u for u in s4 if u.s23 > 0]

    def tech_arrays(year, c):
        res = {}
        for u in (raw22 if year == 2022 else raw23):
            sh = min(1.0, c * u.tech_share(year))
            fx = u.y[(f, year)]
            res[u] = [fgrid(sh * fx[mm], g) for mm in range(13)] if sh > 0 else None
        return res

    def tech_b4(c):
        arrs = tech_arrays(2022, c)
        tot = 0
        for u in s4t:
            st = u.base_style(t)
            arr = arrs.get(u)
            v = arr[4] if arr else 0
            if st in ("equal", "own"):
                tot += v
            elif st == "revised":
                tot += min(rgrid(v * u.revf["inv"], g), u.rev[f][4])
            elif st == "empty" and u.inv22 and u.inv22[0] <= 4 and u.s22 > 0:
                tot += v
        return tot

    def solve(fn, target):
        lo, hi = 0.01, 5.0
        for _ in range(200):
            mid = (lo + hi) / 2
            if fn(mid) < target:
                lo = mid
            else:
                hi = mid
        return lo
    c22 = solve(tech_b4, TARGET[t]["base"])
    for u, arr in tech_arrays(2022, c22).items():
        if arr:
            u.y[(t, 2022)] = arr
    for u in units:
        if "inv" in u.style and u.style["inv"] == "revised":
            u.rev[t] = [min(rgrid(u.ytd(t, 2022, mm) * u.revf["inv"], g), u.rev[f][mm]) for mm in range(5)]
    delta = TARGET[t]["base"] - base_sum(units, t, 4)
    cands = [u for u in s4t if u.base_style(t) == "equal" and (t, 2022) in u.y and u.inv22[0] <= 4
             and all(u.y[(t, 2022)][mm] + delta <= u.y[(f, 2022)][mm] for mm in range(4, 13))
             and u.y[(t, 2022)][4] + delta >= u.y[(t, 2022)][3]]
    fixu = max(cands, key=lambda u: u.y[(t, 2022)][4])
    for mm in range(4, 13):
        fixu.y[(t, 2022)][mm] += delta
    assert base_sum(units, t, 4) == TARGET[t]["base"]

    def tech_y4(c):
        arrs = tech_arrays(2023, c)
        return sum(arrs[u][4] for u in s4t if arrs[u])
    c23 = solve(tech_y4, TARGET[t]["ytd"])
    for u, arr in tech_arrays(2023, c23).items():
        if arr:
            u.y[(t, 2023)] = arr
    delta = TARGET[t]["ytd"] - sum(u.y[(t, 2023)][4] for u in s4t)
    cands = [u for u in s4t if u.status == "continuing"
             and u.y[(t, 2023)][4] + delta <= u.y[(f, 2023)][4]
             and u.y[(t, 2023)][4] + delta >= u.y[(t, 2023)][3]]
    fixu = max(cands, key=lambda u: u.y[(t, 2023)][4])
    fixu.y[(t, 2023)][4] += delta
    assert sum(u.y[(t, 2023)][4] for u in s4t) == TARGET[t]["ytd"]
    # invariants: ytd never falls; tech ≤ fixed everywhere (reported bases included)
    for u in units:
        for year, last in ((2022, 12), (2023, 4)):
            for ind in (f, t):
                arr = u.y.get((ind, year))
                if arr:
                    assert all(arr[mm] <= arr[mm + 1] for mm in range(last)), (u.name, ind, year)
            if (t, year) in u.y:
                assert all(u.y[(t, year)][mm] <= u.y[(f, year)][mm] for mm in range(last + 1))
        if u.inv23:
            for mm in (2, 3, 4):
                bf, bt = u.reported_base(f, mm), u.reported_base(t, mm) if u.s23 > 0 else None
                if bf is not None and bt is not None:
                    assert bt <= bf
    # project names (the 2022 project forms name the project, not the unit)
    generic = ["智能化生产线技术改造项目", "扩建项目", "新建厂房及配套设施项目", "数字化车间改造项目",
               "二期工程项目", "设备更新改造项目"]
    auto = ["年产30万套汽车零部件技改项目", "汽车零部件智能制造产线项目"] + generic
    for u in units:
        if u in raw22 or u in raw23:
            u.project = u.name + rng.choice(auto if u.div == "36" else generic)
    in22 = [u for u in units if u.inv22]
    ex_comma = [u for u in in22 if u.div == "36" and u.cls != "3612"][0]
    ex_comma.project = ex_comma.name + "年产20万套汽车内饰件,5万套仪表板总成项目"
    ex_nl = [u for u in in22 if u.div != "36"][1]
    ex_nl.project = ex_nl.name + "智能化车间改造项目\n（一期）"


def make_revision_errors(rng, units):
    """Three units whose first 2023-03 report was wrong; the 更正 file puts them right."""
    cont = [u for u in units if u.status == "continuing" and u.cls != "3612"]
    a, b = rng.sample(cont, 2)
    c = rng.choice([u for u in units if u.status == "shenggui"])
    errs = {}
    mo, mv = ("output_value", 2023), ("value_added", 2023)
    # a: output this month typed with an extra 0 (ytd follows)
    errs[a] = {"output_value": a.m[mo][3] * 9}
    # b: late invoices: output and value added understated
    errs[b] = {"output_value": -rgrid(b.m[mo][3] * 0.15, 1000), "value_added": -rgrid(b.m[mv][3] * 0.12, 100)}
    # c: value added half of the true month
    errs[c] = {"value_added": -rgrid(c.m[mv][3] * 0.5, 100)}
    return errs


# ---------------------------------------------------------------------------
# Writing the files
# ---------------------------------------------------------------------------

def month_end(y, m):
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return nxt - timedelta(days=1)


def period_text(style, y, m):
    if style == "ym_dash":
        return f"{y}-{m:02d}"
    if style == "ym_compact":
        return f"{y}{m:02d}"
    if style == "cn_range":
        return f"{y}年1月" if m == 1 else f"{y}年1-{m}月"
    if style == "cn_range_em":
        return f"{y}年1—{m}月"
    if style == "cn_month":
        return f"{y}年{m}月"
    if style == "slash":
        return f"{y}/{m}"
    if style == "dot":
        return f"{y}.{m:02d}"
    if style == "date_end":
        return month_end(y, m).isoformat()
    if style == "serial":
        return str((month_end(y, m) - date(1899, 12, 30)).days)
    raise ValueError(style)


def amount(yuan, unit, places=None, thousands=False):
    if yuan is None:
        return ""
    q = Decimal(yuan) / Decimal(FACTOR[unit])
    if places is not None:
        qq = q.quantize(Decimal(1).scaleb(-places))
        assert qq == q, (yuan, unit, places)
        q = qq
    else:
        q = q.normalize()
        if q == q.to_integral_value():
            q = q.quantize(Decimal(1))
    s = format(q, ",f" if thousands else "f")
    assert len(s.split(".")[1]) <= 2 if "." in s and unit != "元" else True, s
    return s


def csv_text(rows, delim=",", eol="\r\n"):
    out = []
    for row in rows:
        cells = []
        for c in row:
            c = str(c)
            if any(x in c for x in (delim, '"', "\r", "\n")):
                c = '"' + c.replace('"', '""') + '"'
            cells.append(c)
        out.append(delim.join(cells) + eol)
    return "".join(out)


WRITTEN = []  # (name, encoding, delimiter, kind, note)


XLSX_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XLSX_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx_cell_kind(text):
    """How Excel would hold a cell typed as `text`: a date, a number or text. Codes with
    leading zeros or of 16+ digits (credit codes) stay text, as a careful analyst formats them."""
    if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        return "date"
    if re.match(r"^-?\d+(\.\d+)?$", text) and not (len(text) >= 16 or (len(text) > 1 and text.startswith("0"))):
        return "number"
    return "text"


def xlsx_merges(rows, header_at, title_width):
    """Merged cells as Excel keeps them: the title across the table, and a two-row header's
    parents over their children (horizontal) and single cells down both rows (vertical)."""
    def ref(r, c):
        return f"{chr(65 + c)}{r + 1}"
    merges = [f"A1:{chr(64 + title_width)}1"]
    top, sub = rows[header_at], rows[header_at + 1]
    width = max(len(top), len(sub))
    top = top + [""] * (width - len(top))
    sub = sub + [""] * (width - len(sub))
    c = 0
    while c < width:
        if top[c] and not sub[c]:
            merges.append(f"{ref(header_at, c)}:{ref(header_at + 1, c)}")
        elif top[c]:
            end = c
            while end + 1 < width and not top[end + 1] and sub[end + 1]:
                end += 1
            if end > c:
                merges.append(f"{ref(header_at, c)}:{ref(header_at, end)}")
        c += 1
    return merges


def xlsx_bytes(rows, sheet, merges):
    """A workbook as Excel saves it: shared strings, numbers stored with 17 significant digits
    (361.9 as 361.89999999999998), dates as serials in format 14, merged cells. Fixed zip
    timestamps: the same bytes every run."""
    from xml.sax.saxutils import escape
    strings, index = [], {}
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="{XLSX_NS}" '
           f'xmlns:r="{XLSX_REL}"><sheetData>']
    for r, row in enumerate(rows):
        if not any(str(c).strip() for c in row):
            continue
        out.append(f'<row r="{r + 1}">')
        for c, value in enumerate(row):
            text = str(value)
            if not text:
                continue
            ref = f"{chr(65 + c)}{r + 1}"
            kind = xlsx_cell_kind(text)
            if kind == "date":
                serial = (date.fromisoformat(text) - date(1899, 12, 30)).days
                out.append(f'<c r="{ref}" s="1"><v>{serial}</v></c>')
            elif kind == "number":
                out.append(f'<c r="{ref}"><v>{float(text):.17g}</v></c>' if "." in text else f'<c r="{ref}"><v>{text}</v></c>')
            else:
                if text not in index:
                    index[text] = len(strings)
                    strings.append(text)
                out.append(f'<c r="{ref}" t="s"><v>{index[text]}</v></c>')
        out.append("</row>")
    out.append("</sheetData>")
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    out.append("</worksheet>")
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    parts = [
        ("[Content_Types].xml", head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
         '</Types>'),
        ("_rels/.rels", head + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         '</Relationships>'),
        ("xl/workbook.xml", head + f'<workbook xmlns="{XLSX_NS}" xmlns:r="{XLSX_REL}"><workbookPr/><sheets>'
         f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/><sheet name="Sheet2" sheetId="2" r:id="rId2"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", head + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{XLSX_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
         f'<Relationship Id="rId2" Type="{XLSX_REL}/worksheet" Target="worksheets/sheet2.xml"/>'
         f'<Relationship Id="rId3" Type="{XLSX_REL}/styles" Target="styles.xml"/>'
         f'<Relationship Id="rId4" Type="{XLSX_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        ("xl/worksheets/sheet1.xml", "".join(out)),
        ("xl/worksheets/sheet2.xml", head + f'<worksheet xmlns="{XLSX_NS}"><sheetData/></worksheet>'),
        ("xl/styles.xml", head + f'<styleSheet xmlns="{XLSX_NS}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
         '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>'
         '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
         '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
         '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'),
        ("xl/sharedStrings.xml", head + f'<sst xmlns="{XLSX_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
         + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings) + "</sst>"),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2022, 7, 5, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def write_file(name, rows, encoding, delim=",", eol="\r\n", kind="", note="", sheet=None):
    text = csv_text(rows, delim, eol)
    if encoding == "xlsx":
        data = xlsx_bytes(rows, **(sheet or {}))
    elif encoding == "gb18030":
        data = text.encode("gb18030")
    elif encoding == "utf-8-sig":
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    elif encoding == "utf-8":
        data = text.encode("utf-8")
    elif encoding == "utf-16le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        raise ValueError(encoding)
    with open(os.path.join(INBOX, name), "wb") as fh:
        fh.write(data)
    WRITTEN.append({"name": name, "encoding": encoding, "delimiter": delim,
                    "line_end": "CRLF" if eol == "\r\n" else "LF", "kind": kind, "note": note})


ENT_CFG = {
    (2022, 2): dict(hdr="one_a", period="cn_range", ident="std", ind="excel", note="one-row header 工业总产值本月 / 工业总产值1-本月; 1-2月 merged; period 2022年1-2月"),
    (2022, 3): dict(hdr="two", period="ym_dash", ident="std", ind="excel", note="two-row Excel header (merged cells exported empty)"),
    (2022, 4): dict(hdr="one_b", period="ym_compact", ident="alt", ind="excel", unitline="单位：千元,,,", note="one-row header with '_' (工业总产值_1-本月), other identity aliases (社会信用代码, 单位名称, 国民经济行业代码, 所在片区, 统计期), full-width colon in the unit line, period 202204"),
    (2022, 5): dict(hdr="one_paren", period="cn_month", ident="std", ind="excel", unitline=None, trailing=2, note="unit in every header in full-width parentheses 工业总产值本月（千元）, no unit line; trailing empty columns; period 2022年5月"),
    (2022, 6): dict(hdr="two", period="date_end", ident="std", ind="excel", enc="xlsx",
                    title="XX经济开发区规上工业企业主要经济指标（2022年6月）",
                    note="an Excel workbook (.xlsx) as saved: a title row, the unit line, a two-row header with merged "
                         "cells, the period as a date cell (2022/6/30), amounts stored as Excel stores them "
                         "(361.89999999999998), a 合计 row, an empty Sheet2"),
    (2022, 7): dict(hdr="one_c", period="cn_range", ident="std", ind="excel", totals_off=True, note="short aliases 总产值当月 / 总产值累计 / 增加值当月 / 增加值累计; totals row does NOT match the rows (warning); two units enter the scope (升规 mid-year) reporting 1-7月 ytd (their derived July month differs from 本月: warning)"),
    (2022, 8): dict(hdr="one_space", period="ym_dash", ident="std", ind="excel", enc="utf-16le-bom", delim="\t", places=2, note="Excel 'Unicode text': UTF-16LE with BOM, tab-separated; header 工业总产值 本月 (space separator); amounts with 2 decimals"),
    (2022, 9): dict(hdr="two", period="dot", ident="std", ind="excel", note="two-row header; period 2022.09; a unit newly built in 2022 starts reporting"),
    (2022, 10): dict(hdr="one_colon", period="cn_month", ident="first", ind="excel", thousands=True, note="period column first, header 工业总产值:本月, 园区 as area alias, 企业名称; amounts with thousands separators (quoted \"12,345\")"),
    (2022, 11): dict(hdr="one_dash", period="ym_compact", ident="std", ind="excel", blank=True, note="header 工业总产值-本月 / 工业总产值-1-本月; blank lines and empty comma-only rows before the totals row"),
    (2022, 12): dict(hdr="two", period="cn_range_em", ident="std", ind="excel", note="two-row header; period 2022年1—12月 (em dash); the roster of last year (113 units)"),
    (2023, 2): dict(hdr="two", period="cn_range", ident="std", ind="letter", enc="utf-8-sig", note="UTF-8 with BOM (Excel 'CSV UTF-8'); two-row header 本月 / 1-本月 / 上年同月 / 上年同期; 1-2月 merged; industry with section letter C3670"),
    (2023, 3): dict(hdr="three", period="ym_dash", ident="std", ind="letter", enc="utf-8-sig", note="three-row header: 工业总产值 over 本年 / 上年同期 over 本月 / 1-本月; three rows were wrong and are corrected by the 更正 file"),
    (2023, 4): dict(hdr="one_a", period="cn_range", ident="std", ind="plain", enc="utf-8-sig", note="one-row header 工业总产值本月 / 工业总产值_1-本月 / 工业总产值上年同月 / 工业总产值上年同期; period 2023年1-4月"),
}


def ent_headers(cfg, with_base):
    """Header rows and the column keys (indicator, basis) after the identity columns."""
    ident = {"std": ["统一社会信用代码", "单位详细名称", "行业代码", "片区", "报告期"],
             "alt": ["社会信用代码", "单位名称", "国民经济行业代码", "所在片区", "统计期"],
             "first": ["报告期", "统一社会信用代码", "企业名称", "行业代码", "园区"]}[cfg["ident"]]
    bases = ["month", "ytd"] + (["base_month", "base_ytd"] if with_base else [])
    keys = [(i, b) for i in ("output_value", "value_added") for b in bases]
    cn = {"output_value": "工业总产值", "value_added": "工业增加值"}
    h = cfg["hdr"]
    if h == "two":
        r1, r2 = list(ident), [""] * len(ident)
        label = {"month": "本月", "ytd": "1-本月", "base_month": "上年同月", "base_ytd": "上年同期"}
        for i in ("output_value", "value_added"):
            for j, b in enumerate(bases):
                r1.append(cn[i] if j == 0 else "")
                r2.append(label[b])
        return [r1, r2], ident, keys
    if h == "three":
        r1, r2, r3 = list(ident), [""] * len(ident), [""] * len(ident)
        for i in ("output_value", "value_added"):
            r1 += [cn[i], "", "", ""]
            r2 += ["本年", "", "上年同期", ""]
            r3 += ["本月", "1-本月", "本月", "1-本月"]
        return [r1, r2, r3], ident, keys
    fmt = {
        "one_a": {"month": "{}本月", "ytd": "{}_1-本月", "base_month": "{}上年同月", "base_ytd": "{}上年同期"},
        "one_b": {"month": "{}_本月", "ytd": "{}_1-本月"},
        "one_paren": {"month": "{}本月（千元）", "ytd": "{}本年累计（千元）"},
        "one_c": {"month": "{}当月", "ytd": "{}累计"},
        "one_space": {"month": "{} 本月", "ytd": "{} 1-本月"},
        "one_colon": {"month": "{}:本月", "ytd": "{}:本年累计"},
        "one_dash": {"month": "{}-本月", "ytd": "{}-1-本月"},
    }[h]
    if h == "one_a" and not with_base:
        fmt = {"month": "{}本月", "ytd": "{}1-本月"}
    short = {"output_value": "总产值", "value_added": "增加值"} if h == "one_c" else cn
    return [list(ident) + [fmt[b].format(short[i]) for (i, b) in keys]], ident, keys


def ent_value(u, ind, basis, year, m, errs=None):
    """The value (元) one unit writes in a cell of its enterprise form, or None."""
    if basis in ("month", "ytd"):
        ytd = u.ytd(ind, year, m)
        prev = u.ytd(ind, year, m - 1) if (m > 2 and u.in_files(ind, year, m - 1)) else 0
        if m > 2 and not u.in_files(ind, year, m - 1):
            # first report of a unit that entered mid-year: 本月 is the true month
            month = u.m[(ind, year)][m]
        else:
            month = ytd - prev
        if m == 2:
            month = ytd
        if errs and ind in errs:
            ytd += errs[ind]
            month += errs[ind]
        return month if basis == "month" else ytd
    bm = 2 if m == 2 else m
    cur = u.reported_base(ind, bm)
    if cur is None:
        return None
    if basis == "base_ytd":
        return cur
    prev = 0 if m == 2 else u.reported_base(ind, m - 1)
    return cur - prev


def write_enterprise_forms(units, errs):
    files = {}
    for (y, m), cfg in ENT_CFG.items():
        with_base = y == 2023
        hdr_rows, ident, keys = ent_headers(cfg, with_base)
        rows = [[cfg["title"]]] if cfg.get("title") else []
        unitline = cfg.get("unitline", "单位:千元,,,,")
        if unitline:
            rows.append(unitline.split(","))
        rows += hdr_rows
        reporting = [u for u in units if u.in_files("output_value", y, m)]
        if y == 2023:
            reporting.sort(key=lambda u: (AREAS.index(u.area), u.seq))
        totals = [0] * len(keys)
        places = cfg.get("places")
        thousands = cfg.get("thousands", False)
        for u in reporting:
            e = errs.get(u) if (y, m) == (2023, 3) else None
            idv = {"统一社会信用代码": u.code, "社会信用代码": u.code, "单位详细名称": u.name,
                   "单位名称": u.name, "企业名称": u.name, "行业代码": u.ind_text(cfg["ind"]),
                   "国民经济行业代码": u.ind_text(cfg["ind"]), "片区": u.area, "所在片区": u.area,
                   "园区": u.area, "报告期": period_text(cfg["period"], y, m),
                   "统计期": period_text(cfg["period"], y, m)}
            row = [idv[h] for h in ident]
            for j, (ind, basis) in enumerate(keys):
                v = ent_value(u, ind, basis, y, m, e)
                if v is not None:
                    totals[j] += v
                row.append(amount(v, "千元", places, thousands))
            row += [""] * cfg.get("trailing", 0)
            rows.append(row)
        if cfg.get("blank"):
            rows.append([])
            rows.append([""] * (len(ident) + len(keys)))
        tot = ["" for _ in ident]
        tot[ident.index(next(h for h in ident if h in ("单位详细名称", "单位名称", "企业名称")))] = "合计"
        if cfg.get("totals_off"):
            totals[0] += 1286000   # the analyst fixed one unit after summing
        rows.append(tot + [amount(v, "千元", places, thousands) for v in totals] + [""] * cfg.get("trailing", 0))
        enc = cfg.get("enc", "gb18030")
        name = f"{y}-{m:02d} 规上工业企业月报." + ("xlsx" if enc == "xlsx" else "csv")
        sheet = None
        if enc == "xlsx":
            header_at = 2 if unitline else 1
            sheet = dict(sheet="规上工业", merges=xlsx_merges(rows, header_at, len(ident) + len(keys)))
        write_file(name, rows, enc, cfg.get("delim", ","), "\r\n", "1 企业月报 (wide, 千元)", cfg["note"], sheet)
        files[(y, m)] = name
    # the correction of 2023-03, typed by hand by an analyst
    rows = [["单位：千元"], ["统一社会信用代码", "单位详细名称", "报告期", "工业总产值本月", "工业总产值1-本月",
                           "工业增加值本月", "工业增加值1-本月"]]
    for u, e in errs.items():
        row = [u.code, u.name, "2023/3"]
        for ind in ("output_value", "value_added"):
            if ind in e:
                row += [amount(ent_value(u, ind, "month", 2023, 3), "千元"),
                        amount(ent_value(u, ind, "ytd", 2023, 3), "千元")]
            else:
                row += ["—", "—"]
        rows.append(row)
    # one cell typed with full-width digits
    first = rows[2]
    first[4] = unicodedata.normalize("NFKC", first[4]).translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    write_file("2023-03 规上工业企业月报_更正.csv", rows, "utf-8-sig", ",", "\r\n", "1 企业月报 (wide, 千元) — revision",
               "re-reports 3 units of 2023-03 (later file wins); '—' cells mean not reported and must not erase "
               "the original value; one amount typed with full-width digits; no industry/area columns")


INV_CFG = {
    m: dict(period="cn_range", name="项目名称", hdr="std") for m in range(2, 13)
}
INV_CFG[6] = dict(period="date_end", name="项目名称", hdr="std")
INV_CFG[9] = dict(period="cn_range", name="项目名称", hdr="alias")
INV_CFG[10] = dict(period="serial", name="项目名称", hdr="std")
INV_CFG[12] = dict(period="cn_range", name="项目名称", hdr="std", totals=True)


def write_investment_forms(units):
    f, t = "fixed_investment", "tech_investment"
    for y, months in ((2022, range(2, 13)), (2023, range(2, 5))):
        for m in months:
            cfg = INV_CFG[m] if y == 2022 else dict(period="cn_range" if m != 3 else "ym_dash", name="单位名称",
                                                    hdr="fw" if m == 3 else "std", totals=(m == 4))
            base = y == 2023
            if cfg["hdr"] == "alias":
                heads = ["完成投资本年累计(万元)", "技术改造投资本年累计(万元)"]
            elif cfg["hdr"] == "fw":
                heads = ["固定资产投资本年累计（万元）", "技改投资本年累计（万元）",
                         "固定资产投资上年同期（万元）", "技改投资上年同期（万元）"]
            else:
                heads = ["固定资产投资本年累计(万元)", "技改投资本年累计(万元)"] + \
                    (["固定资产投资上年同期(万元)", "技改投资上年同期(万元)"] if base else [])
            rows = [[cfg["name"], "统一社会信用代码", "行业代码", "片区", "时期"] + heads]
            tot = [0] * len(heads)
            for u in units:
                if not u.in_files(f, y, m):
                    continue
                nm = u.name
                if cfg["name"] == "项目名称":
                    nm = u.project
                vals = [u.ytd(f, y, m), u.ytd(t, y, m) if u.in_files(t, y, m) else None]
                if base:
                    vals += [u.reported_base(f, m), u.reported_base(t, m) if u.s23 > 0 else None]
                for j, v in enumerate(vals):
                    if v is not None:
                        tot[j] += v
                rows.append([nm, u.code, u.ind_text("plain"), u.area, period_text(cfg["period"], y, m)] +
                            [amount(v, "万元") for v in vals])
            if cfg.get("totals"):
                rows.append(["合计", "", "", "", ""] + [amount(v, "万元") for v in tot])
            if y == 2023 and m == 4:
                # The form as the zone office keeps it: a title stating the period above the
                # header, and the notes and signature lines below the data (inputs.md, "Footers").
                rows.insert(0, ["XX经济开发区固定资产投资和技改投资项目情况表（2023年1-4月）"])
                rows += [
                    ["注：1.本表“上年同期”为上年1-4月累计数。"],
                    ["    2.技改投资为固定资产投资中用于技术改造的部分，不单独另计。"],
                    [],
                    ["单位负责人：王五    统计负责人：赵六", "", "填表人：张三", "联系电话：0555-1234567",
                     "报出日期：2023年5月10日"],
                ]
            label = "1-2月" if m == 2 else f"1-{m}月"
            note = {6: "period written as the month's last day 2022-06-30",
                    9: "indicator aliases 完成投资 / 技术改造投资",
                    10: "period as an Excel date serial (44865 = 2022-10-31)",
                    12: "totals row 合计"}.get(m, "项目名称, period 2022年1-N月") if y == 2022 else \
                {2: "上年同期 columns; 单位名称 as name", 3: "full-width parentheses in the unit; period 2023-03",
                 4: "totals row 合计; a title line with the period in brackets above the header and the form's "
                    "footer below the data (注：… with a numbered continuation, a blank line, the signature line): "
                    "skipped, counted in the ledger"}[m]
            if y == 2022 and m == 2:
                note = "项目名称 as the name column (a project name with a comma and one with a line break inside quotes)"
            write_file(f"{y}-{m:02d} {label}固投技改项目.csv", rows, "utf-8", ",", "\n",
                       "1 固投技改项目 (wide, 万元 in header)", note)


TAX_CFG = {
    (2022, 1): dict(lang="en", unit="万元", period="ym_dash"),
    (2022, 2): dict(lang="en", unit="万元", period="ym_dash"),
    (2022, 3): dict(lang="en", unit="万元", period="ym_dash"),
    (2022, 4): dict(lang="en", unit="万元", period="ym_dash"),
    (2022, 5): dict(lang="en", unit="元", period="ym_dash"),
    (2022, 6): dict(lang="en_reorder", unit="元", period="ym_compact"),
    (2022, 7): dict(lang="en", unit="元", period="ym_dash", places=2),
    (2022, 8): dict(lang="en", unit="元", period="ym_dash"),
    (2022, 9): dict(lang="en", unit="万元", period="ym_dash", delim=";"),
    (2022, 10): dict(lang="en", unit="万元", period="ym_dash", month_rows=True),
    (2022, 11): dict(lang="cn", unit="万元", period="cn_range", enc="gb18030", ind="税收"),
    (2022, 12): dict(lang="en", unit="万元", period="ym_dash"),
    (2023, 1): dict(lang="cn", unit="万元", period="cn_month", ind="一般公共预算收入"),
    (2023, 2): dict(lang="cn", unit="元", period="cn_range", ind="税收", messy_code=True),
    (2023, 3): dict(lang="cn", unit="万元", period="ym_dash", ind="入库税收", dash_base=True),
    (2023, 4): dict(lang="cn", unit="万元", period="cn_range", ind="税收收入", en_basis=True),
}
TAX_NOTES = {
    (2022, 2): "as 2022-01", (2022, 3): "as 2022-01", (2022, 4): "as 2022-01", (2022, 12): "as 2022-01",
    (2022, 1): "English headers period,credit_code,name,industry,area,indicator,basis,value,unit; basis ytd; 万元; January is its own period for tax",
    (2022, 5): "values in 元",
    (2022, 6): "columns in another order and no industry/area columns; period 202206; 元",
    (2022, 7): "元 with 2 decimals; two units enter mid-year",
    (2022, 8): "元",
    (2022, 9): "semicolon-delimited",
    (2022, 10): "month rows (basis month) beside the ytd rows, consistent with them",
    (2022, 11): "Chinese headers 报告期,统一社会信用代码,企业名称,行业代码,片区,指标,口径,数值,单位; GB18030, CRLF; indicator 税收, basis 本年累计",
    (2023, 1): "Chinese headers; UTF-8 BOM; indicator 一般公共预算收入; basis 本年累计 and 上年同期累计; period 2023年1月",
    (2023, 2): "values in 元; one credit code in lower case with a trailing space (must normalise to the same unit)",
    (2023, 3): "indicator 入库税收; 上年同期累计 rows with '—' (not reported → warehouse fallback) for units that left it empty",
    (2023, 4): "indicator 税收收入 with English basis ytd / base_ytd under Chinese headers",
}


def write_tax_files(units):
    ind = "tax"
    for (y, m), cfg in TAX_CFG.items():
        unit = cfg["unit"]
        places = cfg.get("places")
        lang = cfg["lang"]
        if lang == "en":
            cols = ["period", "credit_code", "name", "industry", "area", "indicator", "basis", "value", "unit"]
        elif lang == "en_reorder":
            cols = ["credit_code", "period", "name", "indicator", "basis", "unit", "value"]
        else:
            cols = ["报告期", "统一社会信用代码", "企业名称", "行业代码", "片区", "指标", "口径", "数值", "单位"]
        key = {"报告期": "period", "统一社会信用代码": "credit_code", "企业名称": "name", "行业代码": "industry",
               "片区": "area", "指标": "indicator", "口径": "basis", "数值": "value", "单位": "unit"}
        rows = [cols]
        messy_done = False
        for u in units:
            if not u.in_files(ind, y, m):
                continue
            code = u.code
            if cfg.get("messy_code") and not messy_done and u.status == "continuing" and not code.isdigit():
                code, messy_done = code.lower() + " ", True
            base = {"period": period_text(cfg["period"], y, m), "credit_code": code, "name": u.name,
                    "industry": u.ind_text("letter" if lang == "en" else "plain"), "area": u.area,
                    "indicator": cfg.get("ind", "tax"), "unit": unit}
            entries = [("ytd" if lang.startswith("en") or cfg.get("en_basis") else "本年累计", u.ytd(ind, y, m))]
            if cfg.get("month_rows"):
                entries.append(("month", u.ytd(ind, y, m) - (u.ytd(ind, y, m - 1) if u.in_files(ind, y, m - 1) else 0)))
            if y == 2023:
                b = u.reported_base(ind, m)
                label = "base_ytd" if cfg.get("en_basis") else "上年同期累计"
                if b is not None:
                    entries.append((label, b))
                elif cfg.get("dash_base") and u.base_style(ind) == "empty":
                    entries.append((label, "—"))
            for basis, v in entries:
                rec = dict(base, basis=basis, value=v if isinstance(v, str) else amount(v, unit, places))
                rows.append([rec[key.get(c, c)] for c in cols])
        assert not cfg.get("messy_code") or messy_done
        enc = cfg.get("enc", "utf-8-sig" if y == 2023 else "utf-8")
        eol = "\r\n" if enc != "utf-8" else "\n"
        write_file(f"{y}-{m:02d} 税收.csv", rows, enc, cfg.get("delim", ","), eol, "2 税收 (long)",
                   TAX_NOTES.get((y, m), ""))


_SRC = "《XX经济开发区2023年上半年工作总结及下半年工作计划》"
TARGET_SOURCE = {
    "tax": _SRC + "三、下半年工作计划(二)一是:努力实现财政收入12亿元,同比增长20%",
    "fixed_investment": _SRC + "三、下半年工作计划(二)一是:固定资产投资52亿元,同比增长30%",
    "value_added": _SRC + "二、存在问题和不足 三是:1-4月份125家规上工业增加值同比增长19.2%,"
                          "与全年目标任务(+30%)相差10.8个百分点",
    "new_units": _SRC + "三、下半年工作计划(二)一是:新增规上工业企业23家",
}


def write_targets():
    rows = [["年度", "指标", "目标值", "单位", "目标增速", "依据"],
            ["2023", "一般公共预算收入", "12", "亿元", "20", TARGET_SOURCE["tax"]],
            ["2023", "固定资产投资", "52", "亿元", "30", TARGET_SOURCE["fixed_investment"]],
            ["2023", "工业增加值", "", "", "30", TARGET_SOURCE["value_added"]],
            ["2023", "新增规上工业企业", "23", "家", "", TARGET_SOURCE["new_units"]]]
    write_file("2023年度目标.csv", rows, "utf-8-sig", ",", "\r\n", "3 年度目标",
               "targets: two level+rate targets, one rate-only target (value added +30 %, from the 1-4月 sentence; "
               "the document's other value-added target, +25 % in 三(二), is deliberately not given), one count target")


def write_broken(rng, units):
    # 1. a West-area re-export in which Excel turned the credit codes into numbers
    west = [u for u in units if u.area == "西区" and u.in_files("output_value", 2023, 4)]
    rows = [["单位:千元", "", "", "", ""],
            ["统一社会信用代码", "单位详细名称", "行业代码", "片区", "报告期", "工业总产值本月", "工业总产值1-本月",
             "工业增加值本月", "工业增加值1-本月"]]
    n_sci = n_000 = 0
    for u in west:
        code = u.code
        if code.isdigit():
            if n_000 == 0:
                trunc = code[:15] + "000"
                if not uscc_valid(trunc):
                    code, n_000 = trunc, 1
            if code == u.code:
                code = format(int(code), ".5E")
                n_sci += 1
        vals = [ent_value(u, ind, b, 2023, 4) for ind in ("output_value", "value_added") for b in ("month", "ytd")]
        vals = [rgrid(v * 1.04, 1000) for v in vals]
        rows.append([code, u.name, u.ind_text("excel"), u.area, "2023年1-4月"] + [amount(v, "千元") for v in vals])
    rows[5][5] = "待核实"
    assert n_sci >= 4 and n_000 == 1
    write_file("2023-04 规上工业企业月报_西区.csv", rows, "gb18030", ",", "\r\n", "BROKEN (1 企业月报)",
               f"QUARANTINE: {n_sci} credit codes turned into numbers by Excel (9.13405E+17), one truncated to "
               "15 significant digits + 000 (fails the check), and the text 待核实 in an amount cell; "
               "its values differ from the real April file, so any partial ingestion shows in the figures")
    # 2. a personnel list that matches no kind
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛", "明", "超", "霞", "平", "刚", "丽"]
    rows = [["序号", "姓名", "性别", "所在企业", "职务", "联系电话", "备注"]]
    for i, u in enumerate(units[:12]):
        nm = rng.choice(surnames) + rng.choice(given) + (rng.choice(given) if rng.random() < 0.6 else "")
        rows.append([str(i + 1), nm, rng.choice(["男", "女"]), u.name, rng.choice(["统计员", "财务主管", "办公室主任"]),
                     "1" + rng.choice("3589") + str(rng.randrange(10)) + "****" + f"{rng.randrange(10000):04d}", ""])
    write_file("开发区企业统计联络员名单.csv", rows, "utf-8-sig", ",", "\r\n", "BROKEN (no kind)",
               "QUARANTINE: a personnel list; its header matches no kind")


# ---------------------------------------------------------------------------
# Figures from the model
# ---------------------------------------------------------------------------

def dec(yuan, unit="万元"):
    q = Decimal(yuan) / Decimal(FACTOR[unit])
    q = q.normalize()
    return format(q.quantize(Decimal(1)) if q == q.to_integral_value() else q, "f")


def round_half_away(fr, places):
    x = fr * (10 ** places)
    n = math.floor(abs(x) + Fraction(1, 2))
    n = -n if x < 0 else n
    s = format(Decimal(n).scaleb(-places), "f")
    if places and "." not in s:
        s += "." + "0" * places
    return s


def pct(num, den, places=4):
    if den <= 0:
        return None
    return round_half_away(Fraction(num, den) * 100 - 100, places)


def figures(units, ind, n, scope_filter=None):
    scope = [u for u in units if u.in_files(ind, 2023, n) and (scope_filter is None or scope_filter(u))]
    ytd = sum(u.ytd(ind, 2023, n) for u in scope)
    by_rule = {"rule1_reported": [0, 0], "rule2_warehouse_2022": [0, 0], "rule3_zero": [0, 0]}
    base = 0
    for u in scope:
        b, rule = u.base(ind, n)
        base += b
        by_rule[rule][0] += 1
        by_rule[rule][1] += b
    first = 2 if MERGED[ind] else 1
    month = ytd if n == first else ytd - sum(u.ytd(ind, 2023, n - 1) for u in scope if u.in_files(ind, 2023, n - 1))
    # base_month: the reported 上年同月 where given (on these forms it always equals the difference
    # of the reported 上年同期), else base(n) − base(n−1)
    mbase = base if n == first else sum(u.base(ind, n)[0] - u.base(ind, n - 1)[0] for u in scope)
    return {"units": len(scope), "ytd": ytd, "base": base, "by_rule": by_rule, "month": month, "month_base": mbase}


def build_expected(units, errs):
    periods = {}
    for n in (1, 2, 3, 4):
        per = {}
        for ind in INDICATORS:
            if MERGED[ind] and n == 1:
                continue
            fg = figures(units, ind, n)
            per[ind] = {
                "indicator_name": IND_NAME[ind], "unit": "万元", "units": fg["units"],
                "ytd": dec(fg["ytd"]), "ytd_base": dec(fg["base"]),
                "ytd_yoy_pct": pct(fg["ytd"], fg["base"]),
                "ytd_increment": dec(fg["ytd"] - fg["base"]),
                "month": dec(fg["month"]), "month_base": dec(fg["month_base"]),
                "month_yoy_pct": pct(fg["month"], fg["month_base"]),
                "base_by_rule": {k: {"units": v[0], "base": dec(v[1])} for k, v in fg["by_rule"].items()},
            }
        periods[f"2023-{n:02d}"] = per
    # industries and areas at 2023-04
    def group(keyf, namef):
        out = {}
        keys = sorted({keyf(u) for u in units if u.first23 is not None})
        for ind in INDICATORS:
            total = figures(units, ind, 4)
            rows = []
            for k in keys:
                fg = figures(units, ind, 4, lambda u, k=k: keyf(u) == k)
                if fg["units"] == 0:
                    continue
                rows.append({"scope_id": k, "scope_name": namef(k), "units": fg["units"], "ytd": dec(fg["ytd"]),
                             "ytd_base": dec(fg["base"]), "ytd_yoy_pct": pct(fg["ytd"], fg["base"]),
                             "ytd_increment": dec(fg["ytd"] - fg["base"]),
                             "pull_pp": round_half_away(Fraction(fg["ytd"] - fg["base"], total["base"]) * 100, 4),
                             "share_pct": round_half_away(Fraction(fg["ytd"] - fg["base"], total["ytd"] - total["base"]) * 100, 4)})
            out[ind] = rows
        return out
    industries = group(lambda u: u.div, lambda k: DIV_NAME[k])
    areas = group(lambda u: u.area, lambda k: k)
    # roster
    def reporting(n):
        return [u for u in units if any(u.in_files(i, 2023, n) for i in INDICATORS)]
    last = [u for u in units if any(u.in_files(i, 2022, 12) for i in INDICATORS)]
    roster = {}
    for n in (1, 2, 3, 4):
        rep = reporting(n)
        new = [u for u in rep if u not in last]
        exited = [u for u in last if u not in rep]
        roster[f"2023-{n:02d}"] = {"units": len(rep), "new_units": len(new), "exited_units": len(exited),
                                   "net_units": len(new) - len(exited), "base_roster_2022_12": len(last)}
    r4 = roster["2023-04"]
    rep4 = reporting(4)
    r4["new"] = [{"credit_code": u.code, "name": u.name, "kind": "升规 (grew into scope, reports 上年同期)"
                  if u.status == "shenggui" else "新建投产 (newly built, no base)",
                  "first_period": f"2023-{max(2, u.first23):02d}"} for u in rep4 if u not in last]
    r4["exited"] = [{"credit_code": u.code, "name": u.name, "last_period": "2022-12"} for u in last if u not in rep4]
    # breadth on output value
    grow = decl = same = nob = 0
    for u in units:
        if not u.in_files("output_value", 2023, 4):
            continue
        b = u.base("output_value", 4)[0]
        v = u.ytd("output_value", 2023, 4)
        if b <= 0:
            nob += 1
        elif v > b:
            grow += 1
        elif v < b:
            decl += 1
        else:
            same += 1
    r4["breadth_output_value"] = {"growing_units": grow, "declining_units": decl, "unchanged_units": same,
                                  "no_base_units": nob,
                                  "growing_share_pct": round_half_away(Fraction(grow, grow + decl + same) * 100, 4),
                                  "declining_share_pct": round_half_away(Fraction(decl, grow + decl + same) * 100, 4)}
    # targets
    p4 = periods["2023-04"]
    def r_rest(ind):
        return published(units, ind, 2022, 12) - published(units, ind, 2022, 4)
    targets = []
    tp = Fraction(4, 12) * 100
    for ind, level, rate in (("tax", 1200000000, 20), ("fixed_investment", 5200000000, 30),
                             ("value_added", None, 30)):
        src = TARGET_SOURCE[ind]
        fg = figures(units, ind, 4)
        ytd, base, r = fg["ytd"], fg["base"], r_rest(ind)
        growth = Fraction(ytd, base) * 100 - 100
        if level is not None:
            comp = Fraction(ytd, level) * 100
            targets.append({"indicator": ind, "kind": "level", "target_value": dec(level), "unit": "万元",
                            "source": src, "ytd": dec(ytd), "completion_pct": round_half_away(comp, 4),
                            "time_progress_pct": round_half_away(tp, 4), "ahead_pp": round_half_away(comp - tp, 4),
                            "last_year_rest_R": dec(r),
                            "required_rest_growth_pct": round_half_away((Fraction(level - ytd, r) - 1) * 100, 4),
                            "status": "met" if ytd >= level else "ahead" if comp >= tp else "behind"})
        by = base + r
        req = (Fraction(100 + rate, 100) * by - ytd) / r - 1
        targets.append({"indicator": ind, "kind": "rate", "target_growth_pct": f"{rate}", "source": src,
                        "ytd_yoy_pct": pct(ytd, base), "gap_pp": round_half_away(rate - growth, 4),
                        "gap_pp_displayed": f"{Decimal(rate) - Decimal(round_half_away(growth, 1)):.1f}",
                        "last_year_rest_R": dec(r), "year_end_base_B_Y": dec(by),
                        "required_rest_growth_pct": round_half_away(req * 100, 4),
                        "status": "ahead" if growth >= rate else "behind"})
    new_count = roster["2023-04"]["new_units"]
    comp = Fraction(new_count, 23) * 100
    targets.append({"indicator": "new_units", "kind": "count", "target_value": "23", "unit": "家",
                    "source": TARGET_SOURCE["new_units"], "ytd": str(new_count), "completion_pct": round_half_away(comp, 4),
                    "time_progress_pct": round_half_away(tp, 4), "ahead_pp": round_half_away(comp - tp, 4),
                    "required_rest_growth_pct": None, "status": "met" if new_count >= 23 else "ahead" if comp >= tp else "behind"})
    # per unit at 2023-04: where each base came from
    per_unit = []
    for u in units:
        if u.first23 is None:
            continue
        rec = {"credit_code": u.code, "name": u.name, "division": u.div, "area": u.area,
               "status": {"continuing": "continuing", "entrant22": "continuing (entered 2022-07, 升规)",
                          "newbuild22": "continuing (newly built, entered 2022-09)", "shenggui": "new 2023: 升规",
                          "newbuild": "new 2023: 新建投产"}[u.status]}
        for ind in INDICATORS:
            if u.in_files(ind, 2023, 4):
                b, rule = u.base(ind, 4)
                rec[ind] = {"ytd": dec(u.ytd(ind, 2023, 4)), "base": dec(b), "rule": rule}
        per_unit.append(rec)
    display = {}
    for ind, (yi, places, g) in DOC.items():
        fg = p4[ind]
        ytd_yi = Fraction(Decimal(fg["ytd"])) / 10000
        display[ind] = {"ytd_yi": round_half_away(ytd_yi, places), "ytd_yoy_pct_1dp": round_half_away(
            Fraction(Decimal(fg["ytd_yoy_pct"])), 1), "document": f"{yi}亿元, +{g}%"}
    return {"zone": ZONE, "generator": "scripts/generate_sample_data.py", "seed": SEED,
            "conventions": {
                "amounts": "exact decimal strings in 万元",
                "percentages": "4 decimals, rounded half away from zero from exact values; null when the base is <= 0",
                "scope": "units reporting the indicator in the period (statistics.md §2: S_N); exited units are in neither sum",
                "base_rules": {
                    "rule1_reported": "the 上年同期 (1-N月) the unit writes on its 2023 form (revised values win over 2022 files)",
                    "rule2_warehouse_2022": "the unit left 上年同期 empty: its own 2022 ytd of the same end month from the 2022 files",
                    "rule3_zero": "neither: a newly built unit (新建投产), or no 2022 value of that indicator at that month"},
                "month": "ytd(N) − ytd(N−1) over the scope (units not reporting in N−1 count 0); for YYYY-02 of a merged indicator the 1-2月 figure",
                "month_base": "Σ reported 上年同月 where the unit gives it, else base(N) − base(N−1)",
                "merged_1_2": "output_value, value_added, fixed_investment, tech_investment have no 2023-01 period",
                "revision": "the 2023-03 更正 file supersedes the original values of 3 units; these figures use the corrected values",
                "quarantine": "the two broken files contribute nothing",
            },
            "periods": periods,
            "industries_2023_04": industries,
            "areas_2023_04": areas,
            "roster": roster,
            "targets_2023": targets,
            "document_check_2023_04": display,
            "units_2023_04": per_unit}


# ---------------------------------------------------------------------------
# An independent reader: the figures from the files alone (spec rules, no model)
# ---------------------------------------------------------------------------

R_IDENT = {
    "period": ["报告期", "统计期", "年月", "时期", "period"],
    "credit_code": ["统一社会信用代码", "社会信用代码", "信用代码", "credit_code"],
    "name": ["企业名称", "单位详细名称", "单位名称", "项目名称", "name", "enterprise"],
    "industry": ["行业代码", "国民经济行业代码", "industry"],
    "area": ["片区", "园区", "所在片区", "area"],
}
R_LONG = {"indicator": ["指标", "指标名称", "indicator"], "basis": ["口径", "类型", "basis"],
          "value": ["数值", "值", "金额", "value"], "unit": ["单位", "unit"]}
R_TARGET = {"year": ["年度", "年份", "year"], "indicator": ["指标", "指标名称", "indicator"],
            "target_value": ["目标值", "目标", "年度目标", "target_value"],
            "target_growth_pct": ["目标增速", "增长目标", "目标增长(%)", "target_growth_pct"],
            "unit": ["单位", "unit"], "source": ["依据", "来源", "文件", "source"]}
R_IND = {"output_value": ["工业总产值", "总产值", "output_value"], "value_added": ["工业增加值", "增加值", "value_added"],
         "fixed_investment": ["固定资产投资", "固投", "完成投资", "fixed_investment"],
         "tech_investment": ["技改投资", "技术改造投资", "tech_investment"],
         "tax": ["税收", "税收收入", "一般公共预算收入", "入库税收", "tax"],
         "new_units": ["新增规上企业", "新增规上工业企业", "new_units"]}
R_BASIS = {"month": ["本月", "当月", "month"], "ytd": ["1-本月", "1—本月", "本年累计", "累计", "本年", "ytd"],
           "base_month": ["上年同月", "上年本月", "上年同期本月", "base_month"],
           "base_ytd": ["上年同期累计", "上年1-同月", "上年同期", "base_ytd"]}


def r_norm(s):
    s = unicodedata.normalize("NFKC", s or "").replace(" ", "").replace("\u3000", "").lower()
    return s


def r_split_unit(h):
    m = re.match(r"^(.*)\((元|千元|万元|亿元)\)$", h)
    return (m.group(1), m.group(2)) if m else (h, None)


def r_field(h, table):
    for k, aliases in table.items():
        if h in [r_norm(a) for a in aliases]:
            return k
    return None


def r_basis(text):
    b = r_field(text, R_BASIS)
    if b:
        return b
    if text.startswith("本年") and r_field(text[2:], R_BASIS) in ("month", "ytd"):
        return r_field(text[2:], R_BASIS)
    if text.startswith("上年同期") and r_field(text[4:], R_BASIS) in ("ytd",):
        return "base_ytd"
    return None


def r_indicator_col(h):
    for ind, aliases in R_IND.items():
        for a in sorted((r_norm(x) for x in aliases), key=len, reverse=True):
            if h.startswith(a):
                rest = h[len(a):]
                if rest and rest[0] in "_-: ":
                    rest = rest[1:]
                if rest == "":
                    return ind, "month"
                b = r_basis(rest)
                if b:
                    return ind, b
    return None


class Quarantine(Exception):
    pass


def r_period(cell):
    s = unicodedata.normalize("NFKC", cell).strip()
    pats = [r"^(\d{4})-(\d{1,2})$", r"^(\d{4})/(\d{1,2})$", r"^(\d{4})(\d{2})$", r"^(\d{4})\.(\d{2})$",
            r"^(\d{4})年(\d{1,2})月$", r"^(\d{4})年1[-—](\d{1,2})月$", r"^(\d{4})-(\d{2})-\d{2}$"]
    for p in pats:
        m = re.match(p, s)
        if m:
            return int(m.group(1)), int(m.group(2))
    if re.match(r"^\d{5}$", s):
        d = date(1899, 12, 30) + timedelta(days=int(s))
        return d.year, d.month
    raise Quarantine(f"period {cell!r}")


def r_number(cell):
    s = unicodedata.normalize("NFKC", cell).strip().replace(",", "")
    if s in ("", "—", "--", "-", "…", "/"):
        return None
    if re.search(r"[eE][+-]?\d", s):
        raise Quarantine(f"scientific notation {cell!r}")
    if not re.match(r"^-?\d+(\.\d+)?$", s):
        raise Quarantine(f"not a number {cell!r}")
    return Decimal(s)


def r_code(cell, warnings, fname):
    s = cell.replace(" ", "").upper()
    if re.search(r"E\+\d+$", s) or not re.match(r"^[0-9A-Z]{18}$", s):
        raise Quarantine(f"credit code {cell!r}")
    if not uscc_valid(s):
        if s.isdigit() and s.endswith("000"):
            raise Quarantine(f"credit code {cell!r} looks like an Excel number")
        warnings.append((fname, "check character", s))
    return s


def r_to_yuan(v, unit):
    y = v * FACTOR[unit]
    assert y == y.to_integral_value(), (v, unit)
    return int(y)


def r_decode(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le"), "utf-16le-bom"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def r_read_xlsx(data):
    """The first worksheet's rows as Excel shows the cells: shared strings, numbers as the
    shortest decimal that round-trips, date-formatted serials as dates."""
    import xml.etree.ElementTree as ET
    ns = {"m": XLSX_NS}
    archive = zipfile.ZipFile(io.BytesIO(data))
    strings = ["".join(t.text or "" for t in si.iter(f"{{{XLSX_NS}}}t"))
               for si in ET.fromstring(archive.read("xl/sharedStrings.xml")).findall("m:si", ns)]
    date_styles = [xf.get("numFmtId") == "14" for xf in
                   ET.fromstring(archive.read("xl/styles.xml")).find("m:cellXfs", ns).findall("m:xf", ns)]
    rows = []
    for row in ET.fromstring(archive.read("xl/worksheets/sheet1.xml")).iter(f"{{{XLSX_NS}}}row"):
        number = int(row.get("r"))
        while len(rows) < number - 1:
            rows.append([])
        cells = []
        for c in row.findall("m:c", ns):
            col = ord(c.get("r")[0]) - 65
            v = c.find("m:v", ns).text
            if c.get("t") == "s":
                text = strings[int(v)]
            elif date_styles[int(c.get("s", "0"))]:
                text = (date(1899, 12, 30) + timedelta(days=int(float(v)))).isoformat()
            else:
                text = repr(float(v))
                text = text[:-2] if text.endswith(".0") else text
            cells += [""] * (col - len(cells)) + [text]
        rows.append(cells)
    return rows


def r_read(path, declared):
    data = open(path, "rb").read()
    if declared["encoding"] == "xlsx":
        return r_read_xlsx(data)
    text, enc = r_decode(data)
    assert enc == declared["encoding"], (path, enc, declared["encoding"])
    first = next(ln for ln in text.splitlines() if ln.strip(",;\t ") and not ln.startswith("单位"))
    delim = max([",", "\t", ";"], key=first.count)
    assert delim == declared["delimiter"], path
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))


def r_flatten(rows):
    """inputs.md: an empty header cell takes the text of the nearest non-empty cell to its left in
    the same row, within the span of its parent above; texts are joined top to bottom."""
    width = max(len(r) for r in rows)
    grid = [r + [""] * (width - len(r)) for r in rows]
    filled = []
    for lv, row in enumerate(grid):
        out = list(row)
        for j in range(1, width):
            if out[j].strip():
                continue
            if lv == 0 or (not grid[lv - 1][j].strip() and filled[lv - 1][j].strip()):
                out[j] = out[j - 1]
        filled.append(out)
    return ["".join(filled[lv][j] for lv in range(len(filled))) for j in range(width)]


R_FOOTER_WORDS = ("单位负责人", "统计负责人", "报出日期", "联系电话", "填报人", "填表人", "审核人", "负责人", "制表",
                  "说明", "备注", "电话", "日期", "注")


def r_strip_form(rows):
    """A form's title line (one cell ending in a bracketed period) and its footer (notes, their
    numbered continuations and the signature line below the data), as inputs.md reads them."""
    while rows and len([c for c in rows[0] if c.strip()]) == 1 and re.search(r"[（(][^（(]*月[）)]$", rows[0][0].strip()):
        rows = rows[1:]

    def first(r):
        return next((c.strip() for c in r if c.strip()), "")

    def kind(r):
        text = first(r)
        if text.startswith(R_FOOTER_WORDS):
            return "opening"
        if re.match(r"^(\d{1,2}[.．、]|[（(]\d{1,2}[）)])\D", text):
            return "numbered"
        return "other"

    start = len(rows)
    while start > 0 and kind(rows[start - 1]) != "other":
        start -= 1
    opening = next((i for i in range(start, len(rows)) if kind(rows[i]) == "opening"), None)
    return rows if opening is None else rows[:opening]


def r_ingest(files):
    """Ingest files in order; return the store and everything needed for the figures."""
    store = {}       # (code, ind, basis, (y, m)) → 元
    industry = {}    # code → last reported industry code
    names = {}
    targets = []
    warnings = []
    quarantined = []
    all_warnings = warnings
    for meta in files:
        fname = meta["name"]
        path = os.path.join(INBOX, fname)
        warnings = []
        try:
            rows = r_strip_form([r for r in r_read(path, meta) if any(c.strip() for c in r)])
            unit_default = None
            while rows and len([c for c in rows[0] if c.strip()]) == 1:
                if r_norm(rows[0][0]).startswith("单位"):
                    unit_default = re.split(r"[:：]", unicodedata.normalize("NFKC", rows[0][0]))[1].strip()
                rows = rows[1:]  # the unit line, or a title above the table
            head = [r_norm(c) for c in rows[0]]
            hfields = [r_field(r_split_unit(h)[0], R_IDENT) for h in head]
            tfields = [r_field(r_split_unit(h)[0], R_TARGET) for h in head]
            lfields = [r_field(h, {**R_IDENT, **R_LONG}) for h in head]
            if {"year", "indicator"} <= set(tfields) and ("target_value" in tfields or "target_growth_pct" in tfields):
                for r in rows[1:]:
                    targets.append(dict(zip([f for f in tfields], r)))
                continue
            if {"period", "credit_code", "name", "indicator", "basis", "value"} <= set(lfields):
                kind = 2
            elif {"period", "credit_code", "name"} <= set(hfields):
                kind = 1
            else:
                raise Quarantine("header matches no kind")
            staged = {}
            file_ind = {}
            if kind == 2:
                col = {f: i for i, f in enumerate(lfields) if f}
                for r in rows[1:]:
                    code = r_code(r[col["credit_code"]], warnings, fname)
                    per = r_period(r[col["period"]])
                    ind = next(k for k, a in R_IND.items() if r_norm(r[col["indicator"]]) in [r_norm(x) for x in a])
                    basis = r_field(r_norm(r[col["basis"]]), R_BASIS)
                    v = r_number(r[col["value"]])
                    key = (code, ind, basis, per)
                    assert key not in staged, key
                    if v is not None:
                        staged[key] = r_to_yuan(v, r[col["unit"]].strip())
                    if "industry" in col and r[col["industry"]].strip():
                        file_ind[code] = r[col["industry"]].strip()
                    names[code] = r[col["name"]]
            else:
                # header rows: the first, plus rows whose identity cells are empty and hold no numbers
                nh = 1
                id_cols = [j for j, f in enumerate(hfields) if f]
                while nh < len(rows):
                    r = rows[nh] + [""] * (len(rows[0]) - len(rows[nh]))
                    if all(not r[j].strip() for j in id_cols) and all(
                            not re.match(r"^[\d.,\s]+$", c) for c in r if c.strip()):
                        nh += 1
                    else:
                        break
                flat = r_flatten(rows[:nh]) if nh > 1 else list(rows[0])
                cols = {}
                for j, h in enumerate(flat):
                    hn, unit = r_split_unit(r_norm(h))
                    f = r_field(hn, R_IDENT) if j in id_cols else None
                    if f:
                        cols[f] = j
                        continue
                    ic = r_indicator_col(hn)
                    if ic:
                        cols[ic] = (j, unit or unit_default)
                if unit_default is None and any(isinstance(v, tuple) and v[1] is None for v in cols.values()):
                    raise AssertionError("no unit")
                sums = {}
                for r in rows[nh:]:
                    r = r + [""] * (len(flat) - len(r))
                    code_cell = r[cols["credit_code"]].strip()
                    if not code_cell and r[cols["name"]].strip() in ("合计", "总计", "小计"):
                        for k, (j, unit) in ((k, v) for k, v in cols.items() if isinstance(k, tuple)):
                            v = r_number(r[j])
                            if v is not None and r_to_yuan(v, unit) != sums.get(k, 0):
                                warnings.append((fname, "totals row", k))
                        continue
                    code = r_code(code_cell, warnings, fname)
                    per = r_period(r[cols["period"]])
                    for k, (j, unit) in ((k, v) for k, v in cols.items() if isinstance(k, tuple)):
                        v = r_number(r[j])
                        if v is None:
                            continue
                        y = r_to_yuan(v, unit)
                        key = (code, k[0], k[1], per)
                        assert key not in staged, key
                        staged[key] = y
                        sums[k] = sums.get(k, 0) + y
                    if "industry" in cols and r[cols["industry"]].strip():
                        file_ind[code] = r[cols["industry"]].strip()
                    names[code] = r[cols["name"]]
            store.update(staged)     # later file wins; empty cells were never staged
            industry.update(file_ind)
            all_warnings += warnings
        except Quarantine as e:
            quarantined.append((fname, str(e)))
    return store, industry, names, targets, all_warnings, quarantined


def r_division(code):
    s = re.sub(r"^[A-Z]", "", code.strip().upper())
    if len(s) == 3:
        s = "0" + s
    return s[:2]


def r_figures(store, industry):
    """Zone, industry and roster figures by statistics.md, from the store alone."""
    def ytd(code, ind, per):
        return store.get((code, ind, "ytd", per))
    codes = sorted({k[0] for k in store})
    res = {}
    for n in (1, 2, 3, 4):
        for ind in INDICATORS:
            if MERGED[ind] and n == 1:
                continue
            scope = [c for c in codes if ytd(c, ind, (2023, n)) is not None]
            tot = sum(ytd(c, ind, (2023, n)) for c in scope)
            base = 0
            for c in scope:
                b = store.get((c, ind, "base_ytd", (2023, n)))
                if b is None:
                    b = ytd(c, ind, (2022, n))
                base += b or 0
            res[(f"2023-{n:02d}", ind)] = (len(scope), tot, base)
    div = {}
    for ind in INDICATORS:
        for c in codes:
            v = ytd(c, ind, (2023, 4))
            if v is None:
                continue
            b = store.get((c, ind, "base_ytd", (2023, 4)))
            b = ytd(c, ind, (2022, 4)) if b is None else b
            d = r_division(industry[c])
            acc = div.setdefault((d, ind), [0, 0, 0])
            acc[0] += 1
            acc[1] += v
            acc[2] += b or 0
    rep = lambda per: {c for c in codes if any(ytd(c, i, per) is not None for i in INDICATORS)}
    last, now = rep((2022, 12)), rep((2023, 4))
    roster = (len(now), len(now - last), len(last - now), len(last))
    rr = {}
    for ind in INDICATORS:
        dec_ = sum(ytd(c, ind, (2022, 12)) or 0 for c in codes)
        apr = sum(ytd(c, ind, (2022, 4)) or 0 for c in codes)
        rr[ind] = dec_ - apr
    return res, div, roster, rr


def verify(units, expected):
    files = sorted(WRITTEN, key=lambda w: w["name"])
    store, industry, names, targets, warnings, quarantined = r_ingest(files)
    res, div, roster, rr = r_figures(store, industry)
    for (per, ind), (n, tot, base) in res.items():
        e = expected["periods"][per][ind]
        assert (n, dec(tot), dec(base)) == (e["units"], e["ytd"], e["ytd_base"]), (per, ind, n, tot, base, e)
    for ind, rows in expected["industries_2023_04"].items():
        for row in rows:
            n, tot, base = div[(row["scope_id"], ind)]
            assert (n, dec(tot), dec(base)) == (row["units"], row["ytd"], row["ytd_base"]), (ind, row)
        assert len(rows) == len([k for k in div if k[1] == ind])
    r4 = expected["roster"]["2023-04"]
    assert roster == (r4["units"], r4["new_units"], r4["exited_units"], r4["base_roster_2022_12"]), roster
    for t in expected["targets_2023"]:
        if "last_year_rest_R" in t:
            assert dec(rr[t["indicator"]]) == t["last_year_rest_R"], t
    # the document's figures
    for ind, (yi, places, g) in DOC.items():
        n, tot, base = res[("2023-04", ind)]
        ytd_yi = Fraction(tot, 10 ** 8)
        growth = Fraction(tot, base) * 100 - 100
        assert round_half_away(ytd_yi, places) == yi, (ind, ytd_yi)
        assert round_half_away(growth, 1) == g, (ind, float(growth))
        # well inside the rounding intervals: at least 15 % of the interval from each edge
        gi = Fraction(Decimal(g))
        assert abs(growth - gi) <= Fraction(35, 1000), (ind, float(growth))
        yv = Fraction(Decimal(yi))
        assert abs(ytd_yi - yv) <= Fraction(35, 100) * Fraction(1, 10 ** places), (ind, float(ytd_yi))
    assert roster[1] == 16 and roster[1] - roster[2] == 12 and roster[0] == 125 and roster[3] == 113
    # tech ≤ fixed for every unit and period in the files
    for (c, ind, b, per), v in store.items():
        if ind == "tech_investment":
            fv = store.get((c, "fixed_investment", b, per))
            assert fv is not None and v <= fv, (c, b, per)
    # the month columns agree with the ytd, except where designed (units entering mid-year)
    month_warn = []
    for (c, ind, b, (y, m)), v in sorted(store.items()):
        if b != "month":
            continue
        cur = store[(c, ind, "ytd", (y, m))]
        first = 2 if MERGED[ind] else 1
        prev = store.get((c, ind, "ytd", (y, m - 1)), 0) if m > first else 0
        if v != cur - prev:
            month_warn.append((c, ind, y, m))
    for (c, ind, b, (y, m)), v in sorted(store.items()):
        if b == "base_month" and m > 2:
            if v != store[(c, ind, "base_ytd", (y, m))] - store[(c, ind, "base_ytd", (y, m - 1))]:
                month_warn.append((c, ind, "base", y, m))
    return {"quarantined": quarantined, "warnings": warnings, "month_warnings": month_warn,
            "targets": targets, "store_size": len(store)}


# ---------------------------------------------------------------------------

README = """# zonestat sample data

Generated by `scripts/generate_sample_data.py` (Python 3 standard library, fixed seed {seed}, same
bytes every run). Do not edit by hand: change the script and run it again
(`python3 scripts/generate_sample_data.py`), which deletes and rewrites `inbox/`, `expected.json`
and this file.

## The world

{zone} (马鞍山, region codes 3405xx), three areas 东区, 西区 and 南区; the above-scale (规上)
industrial enterprises of the zone, their monthly reports for 2022 and January–April 2023, as the
zone's statistics analysts receive them. Amounts are in 元 internally; the forms carry 千元 (the
enterprise form B204-1), 万元 (investment projects, tax) or 元 (some tax exports).

* **{n_all} units** in all; industry divisions of GB/T 4754-2017, 汽车制造业 (36) dominant:
{div_table}
* **Roster.** 2022-12: {r_last} units (the base roster). 2023-04: {r_now} units = {r_cont} continuing +
  {r_new} new ({r_sg} 升规: grew into scope, not in any 2022 file, they report their 上年同期 on the 2023 form;
  {r_nb} 新建投产: newly built, no base; they start reporting in 2023-02 (2), 2023-03 (2) and 2023-04 (1)).
  {r_exit} units reported in 2022-12 and are absent in 2023 (exited). Net +{r_net}. During 2022, two
  units entered the scope in 2022-07 (升规 mid-year: they report 1-7月 ytd covering the whole year,
  and report their 2022 Jan–Apr on the 2023 form) and one newly built unit in 2022-09 (its 2023 base is 0: it
  had no 2022 Jan–Apr).
* **Indicators.** output_value 工业总产值 and value_added 工业增加值 (enterprise form, 千元), tax 税收
  (long files, 万元 or 元, January reported), fixed_investment 固定资产投资 and tech_investment 技改投资
  (project form, 万元; {n_inv} units invest at 2023-04; tech ≤ fixed for every unit and period; units
  whose project is not a 技术改造 leave the tech cells empty and are not in the tech scope).
  1-2月 are merged for all but tax: there is no January file for them.
* **上年同期 on the 2023 forms.** Most continuing units write their 2022 figure exactly. A few write a
  revised figure that differs from the 2022 file (rule 1: the reported value wins): enterprise form
  {rev_ent}, tax {rev_tax}, investment {rev_inv}. Some leave it empty, so the pipeline must fall back to
  the warehouse's 2022 ytd of the same month (rule 2): enterprise form {emp_ent} units (one of them
  leaves only value added empty), tax {emp_tax}, investment {emp_inv} (two of these started their first
  project in 2023, so the fallback finds nothing: rule 3, 0). 升规 units report it; new builds
  leave it empty (rule 3: 0). Continuing units that start a project in 2023 write 0 or leave it empty.
* **Investment scope.** Three units finished their projects in 2022 (they report 2022-12 but no 2023
  investment): their 2022 investment is in no 2023 base, because S_N is the units reporting the
  indicator in 2023-N. (If a reader took S_N as "units reporting anything", their 2022-04 investment
  would enter the base; expected.json does not.)
* **Seasonality.** 2022: Spring Festival dip in 1-2月, the April 2022 supply-chain stop in 汽车制造业, and
  the 2022 VAT credit refunds (留抵退税) that depress April–June 2022 tax, which is why tax grows 51.1 %.
* **Designed to reproduce the source document at 2023-04** (statistics.md §2, same caliber):

{doc_table}

  and 新增规上工业企业16家(净增12家). Last year's May–Dec are set so that the worked examples of
  statistics.md §4 hold: fixed investment needs 30.9 % over May–Dec to reach 52亿元; value added needs
  35.4 % to reach +30 % (s = B_N / B_Y = 1/3).

## Deliberate problems

* **Wrong check character**: the new build that starts in 2023-04 ({bad_code}, {bad_name}) has a
  credit code with a wrong check character in the registry; it appears so in `2023-04 规上工业企业月报.csv`
  and `2023-04 税收.csv`. A warning each time; the rows are kept (it is one of the 125 units).
* **Totals row that does not match**: `2022-07 规上工业企业月报.csv` (工业总产值当月 total is 1286 千元 too high). Warning.
* **本月 differing from the derived month**: the two units that entered in 2022-07 report a 1-7月 ytd that
  includes their months below scale, while 本月 is July alone; derived month(7) = ytd(7) − 0. Warning
  (2 units × 2 indicators).
* **Revision**: `2023-03 规上工业企业月报.csv` has three wrong rows (an extra 0 typed in one unit's output of
  the month; late invoices in another; value added halved in a third). `2023-03 规上工业企业月报_更正.csv`
  re-reports them (it sorts after the original; its cells `—` mean "not reported" and must not erase the
  original value). expected.json uses the corrected values.
* **Quarantine** (nothing of these files may be ingested):
  * `2023-04 规上工业企业月报_西区.csv`: a West-area re-export in which Excel turned all-digit credit
    codes into numbers (`9.13405E+17`), one code truncated to 15 significant digits + `000` (fails the
    check), and `待核实` in an amount cell. Its amounts are 4 % above the real ones, so any partial
    ingestion changes the figures.
  * `开发区企业统计联络员名单.csv`: a personnel list; its header matches no kind.

## Files

Names sort into the natural ingestion order (year, month; the original before its 更正); the script
also sets their modification times in that order. `kind` is the kind of inputs.md.

| file | encoding | delim | lines | kind | what it exercises |
|---|---|---|---|---|---|
{file_table}

## expected.json

For every 2023 output period (2023-02..04; tax also 2023-01) and indicator: `units`, `ytd`, `ytd_base`,
`ytd_yoy_pct`, `ytd_increment`, `month`, `month_base`, `month_yoy_pct` and `base_by_rule` (units and
base per rule of statistics.md §2). At 2023-04: the same per industry division and per area (with
`pull_pp` and `share_pct`), the roster (with the lists of new and exited units and breadth on output
value), the 2023 targets (completion, time progress, gap, R and the growth required for May–Dec), and
`units_2023_04`: each unit's ytd, base and the rule its base came from. Amounts are exact decimal
strings in 万元; percentages have 4 decimals, rounded half away from zero.

These figures are computed from the generator's model. Before writing them, the script reads every
file back with its declared encoding and recomputes the zone, industry and roster figures from the
files alone with a separate reader; the two must agree.
"""


def main():
    rng = random.Random(SEED)
    units = build_units(rng)
    assign_styles(rng, units)
    gen_output_value(rng, units)
    gen_value_added(rng, units)
    gen_tax(rng, units)
    gen_investment(rng, units)
    errs = make_revision_errors(rng, units)

    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    for f in ("expected.json", "README.md"):
        p = os.path.join(OUT, f)
        if os.path.exists(p):
            os.remove(p)
    WRITTEN.clear()
    write_enterprise_forms(units, errs)
    write_investment_forms(units)
    write_tax_files(units)
    write_targets()
    write_broken(rng, units)

    expected = build_expected(units, errs)
    check = verify(units, expected)
    assert sorted(q[0] for q in check["quarantined"]) == ["2023-04 规上工业企业月报_西区.csv",
                                                          "开发区企业统计联络员名单.csv"], check["quarantined"]
    bad = next(u for u in units if not uscc_valid(u.code))
    assert sorted({w[0] for w in check["warnings"] if w[1] == "check character"}) == \
        ["2023-04 税收.csv", "2023-04 规上工业企业月报.csv"], check["warnings"]
    assert [w[0] for w in check["warnings"] if w[1] == "totals row"] == ["2022-07 规上工业企业月报.csv"]
    entrants = sorted(u.code for u in units if u.status == "entrant22")
    assert sorted({w[0] for w in check["month_warnings"]}) == entrants and \
        {(w[2], w[3]) for w in check["month_warnings"]} == {(2022, 7)}, check["month_warnings"]
    expected["expected_problems"] = {
        "quarantined": [{"file": f, "first_error": e} for f, e in check["quarantined"]],
        "warnings": [
            {"file": "2023-04 规上工业企业月报.csv", "code": "credit_code_check_character", "credit_code": bad.code},
            {"file": "2023-04 税收.csv", "code": "credit_code_check_character", "credit_code": bad.code},
            {"file": "2022-07 规上工业企业月报.csv", "code": "totals_row_mismatch", "column": "总产值当月"},
        ] + [{"file": "2022-07 规上工业企业月报.csv", "code": "month_differs_from_derived", "credit_code": c,
              "indicator": i} for c in entrants for i in ("output_value", "value_added")],
        "revision": {"file": "2023-03 规上工业企业月报_更正.csv", "supersedes": "2023-03 规上工业企业月报.csv",
                     "units": [u.code for u in errs]},
    }
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

    # README
    divs = {}
    for u in units:
        divs.setdefault(u.div, []).append(u)
    div_table = "  " + "; ".join(f"{d} {DIV_NAME[d]} {len(v)}" for d, v in
                                  sorted(divs.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    p4 = expected["periods"]["2023-04"]
    doc_rows = ["  | indicator | ytd 万元 | base 万元 | growth % | document |", "  |---|---|---|---|---|"]
    for ind in ("tax", "output_value", "value_added", "fixed_investment", "tech_investment"):
        e = p4[ind]
        doc_rows.append(f"  | {IND_NAME[ind]} | {e['ytd']} | {e['ytd_base']} | {e['ytd_yoy_pct']} | "
                        f"{DOC[ind][0]}亿元 +{DOC[ind][2]}% |")
    file_rows = []
    for w in sorted(WRITTEN, key=lambda w: w["name"]):
        data = open(os.path.join(INBOX, w["name"]), "rb").read()
        if w["encoding"] == "xlsx":
            n_lines = len(r_read_xlsx(data))
            delim = "—"
        else:
            n_lines = r_decode(data)[0].count("\n")
            delim = {",": "`,`", "\t": "tab", ";": "`;`"}[w["delimiter"]]
        enc = {"gb18030": "GB18030", "utf-8-sig": "UTF-8 BOM", "utf-8": "UTF-8", "utf-16le-bom": "UTF-16LE BOM",
               "xlsx": "Excel .xlsx"}[w["encoding"]]
        shape = enc if w["encoding"] == "xlsx" else f"{enc}, {w['line_end']}"
        file_rows.append(f"| `{w['name']}` | {shape} | {delim} | {n_lines} | {w['kind']} | "
                         f"{w['note'].replace('|', '/')} |")
    r = expected["roster"]["2023-04"]
    styles = lambda form, st: sum(1 for u in units if u.style.get(form) == st and u.first23 is not None)
    readme = README.format(
        seed=SEED, zone=ZONE, n_all=len(units), div_table=div_table, r_last=r["base_roster_2022_12"],
        r_now=r["units"], r_cont=r["units"] - r["new_units"], r_new=r["new_units"],
        r_sg=sum(1 for u in units if u.status == "shenggui"), r_nb=sum(1 for u in units if u.status == "newbuild"),
        r_exit=r["exited_units"], r_net=r["net_units"], n_inv=p4["fixed_investment"]["units"],
        rev_ent=styles("ent", "revised"), rev_tax=styles("tax", "revised"), rev_inv=styles("inv", "revised"),
        emp_ent=styles("ent", "empty") + sum(1 for u in units if "ent_va" in u.style),
        emp_tax=styles("tax", "empty"), emp_inv=styles("inv", "empty"),
        doc_table="\n".join(doc_rows), bad_code=bad.code, bad_name=bad.name, file_table="\n".join(file_rows))
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(readme)

    # fixed modification times, in name order (older than any settle time)
    t0 = int(datetime(2023, 5, 8, 9, 0, tzinfo=timezone(timedelta(hours=8))).timestamp())
    for i, w in enumerate(sorted(WRITTEN, key=lambda w: w["name"])):
        os.utime(os.path.join(INBOX, w["name"]), (t0 + 60 * i, t0 + 60 * i))

    # summary
    total = sum(os.path.getsize(os.path.join(INBOX, w["name"])) for w in WRITTEN)
    print(f"{len(WRITTEN)} files in {INBOX} ({total / 1024:.0f} KiB)")
    print(f"{'period':8} {'indicator':17} {'units':>5} {'ytd 万元':>14} {'base 万元':>14} {'yoy %':>9}")
    for per, inds in expected["periods"].items():
        for ind, e in inds.items():
            print(f"{per:8} {ind:17} {e['units']:>5} {e['ytd']:>14} {e['ytd_base']:>14} {e['ytd_yoy_pct'] or '—':>9}")
    print("2023-04 document check:")
    for ind, d in expected["document_check_2023_04"].items():
        print(f"  {ind:17} {d['ytd_yi']}亿元 {d['ytd_yoy_pct_1dp']}%   (document {d['document']})")
    print("roster 2023-04:", {k: v for k, v in r.items() if not isinstance(v, (list, dict))})
    for t in expected["targets_2023"]:
        print("target", t["indicator"], t["kind"], t.get("completion_pct") or t.get("gap_pp"),
              "required rest", t.get("required_rest_growth_pct"), t["status"])
    print("quarantined:", [q[0] for q in check["quarantined"]])
    print("warnings:", len(check["warnings"]) + len(check["month_warnings"]), "store values:", check["store_size"])


if __name__ == "__main__":
    main()
