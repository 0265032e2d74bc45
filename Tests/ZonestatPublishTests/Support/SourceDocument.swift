import ZonestatCore
import ZonestatPublish

/// The source document's 1-4月 2023 figures as compute rows, with industries, targets, a
/// roster, warnings and a two-year zone series, built so that every ratio is known exactly.
enum SourceDocument {
    static let zoneName = "XX经济开发区"

    /// A period that is known to be valid.
    static func period(_ year: Int, _ month: Int) -> Period {
        guard let period = Period(year: year, month: month) else { preconditionFailure("bad test period") }
        return period
    }

    static let april = period(2023, 4)

    /// An amount in 万元 given in hundredths: `wan(2260057)` is 22600.57万元.
    static func wan(_ hundredths: Int128) -> AmountSum {
        AmountSum(raw: hundredths * 1_000_000)
    }

    static let definitions: [IndicatorDefinition] = [
        IndicatorDefinition(id: "tax", name: "一般公共预算收入", mergeJanFeb: false, displayPrecision: 2),
        IndicatorDefinition(id: "output_value", name: "规上工业总产值", mergeJanFeb: true),
        IndicatorDefinition(id: "value_added", name: "规上工业增加值", mergeJanFeb: true),
        IndicatorDefinition(id: "fixed_investment", name: "固定资产投资", mergeJanFeb: true, displayPrecision: 2),
        IndicatorDefinition(
            id: "tech_investment", name: "技改投资", mergeJanFeb: true, subsetOf: "fixed_investment"),
    ]

    /// A zone row with growth, increment and pull computed exactly from `ytd` and `base`.
    static func zoneRow(
        _ indicator: String, _ period: Period, ytd: AmountSum, base: AmountSum, units: Int = 125,
        month: (AmountSum, AmountSum)? = nil, estimate: Bool = false, name: String = zoneName
    ) -> IndicatorRow {
        let growth = Ratio.growthPercent(current: ytd, base: base)
        return IndicatorRow(
            period: period, indicator: indicator, scope: .zone, scopeId: "", scopeName: name, units: units,
            ytd: ytd, ytdBase: base, ytdYoYPercent: growth, ytdIncrement: ytd - base, month: month?.0,
            monthBase: month?.1, monthYoYPercent: month.flatMap { Ratio.growthPercent(current: $0.0, base: $0.1) },
            pullPoints: growth, sharePercent: growth == nil ? nil : Ratio(100), estimate: estimate)
    }

    /// An industry row of a zone total, with its exact pull and share.
    static func industryRow(
        _ indicator: String, division: String, ytd: AmountSum, base: AmountSum, zoneYtd: AmountSum,
        zoneBase: AmountSum, units: Int = 10, name: String? = nil
    ) -> IndicatorRow {
        IndicatorRow(
            period: april, indicator: indicator, scope: .industry, scopeId: division,
            scopeName: name ?? IndustryDivision.name(division) ?? division, units: units, ytd: ytd, ytdBase: base,
            ytdYoYPercent: Ratio.growthPercent(current: ytd, base: base), ytdIncrement: ytd - base, month: nil,
            monthBase: nil, monthYoYPercent: nil,
            pullPoints: Ratio.pullPercent(partCurrent: ytd.raw, partBase: base.raw, totalBase: zoneBase.raw),
            sharePercent: Ratio.shareOfGrowthPercent(
                partCurrent: ytd.raw, partBase: base.raw, totalCurrent: zoneYtd.raw, totalBase: zoneBase.raw),
            estimate: false)
    }

    /// (indicator, ytd, base, estimate) of the zone at 1-4月, as in the source document.
    static let zoneFigures: [(String, AmountSum, AmountSum, Bool)] = [
        ("tax", wan(2260057), wan(1495736), false),  // 2.26亿元, +51.1%
        ("output_value", wan(33287640), wan(28548576), false),  // 33.3亿元, +16.6%
        ("value_added", wan(6800000), wan(5704698), true),  // 6.8亿元, +19.2% (estimate)
        ("fixed_investment", wan(14360000), wan(11245100), false),  // 14.36亿元, +27.7%
        ("tech_investment", wan(7900000), wan(4928200), false),  // 7.9亿元, +60.3%
    ]

    /// Output value by industry: shares of the zone's ytd and base that add up exactly.
    static let outputIndustries: [(String, Int128, Int128)] = [
        ("36", 12_100_000, 9_500_000), ("34", 6_300_000, 5_400_000), ("38", 4_400_000, 3_500_000),
        ("33", 3_100_000, 2_900_000), ("29", 2_600_000, 2_650_000), ("17", 1_700_000, 1_900_000),
        ("39", 1_500_000, 1_300_000), ("35", 1_587_640, 1_398_576),
    ]

    static func zoneRows() -> [IndicatorRow] {
        zoneFigures.map { id, ytd, base, estimate in zoneRow(id, april, ytd: ytd, base: base, estimate: estimate) }
    }

    static func industryRows() -> [IndicatorRow] {
        let zoneYtd = wan(33287640), zoneBase = wan(28548576)
        return outputIndustries.map { division, ytd, base in
            industryRow("output_value", division: division, ytd: wan(ytd), base: wan(base), zoneYtd: zoneYtd, zoneBase: zoneBase)
        }
    }

    static func targets() -> [TargetRow] {
        let progress = Ratio.percent(part: 4, whole: 12)
        let fixedYtd = wan(14360000)
        let fixedCompletion = Ratio.percent(part: fixedYtd.raw, whole: wan(52000000).raw)
        return [
            TargetRow(
                period: april, indicator: "fixed_investment", year: 2023, kind: .level, targetAmount: wan(52000000),
                source: "年度目标.xlsx", ytdAmount: fixedYtd, completionPercent: fixedCompletion,
                timeProgressPercent: progress, aheadPoints: fixedCompletion.flatMap { c in progress.flatMap { c.subtracting($0) } },
                requiredRestGrowthPercent: Ratio(numerator: 8_885_000, denominator: 287_550), status: .behind),
            TargetRow(
                period: april, indicator: "value_added", year: 2023, kind: .rate, targetGrowthPercent: Ratio(30),
                source: "上半年工作总结", ytdAmount: wan(6800000), ytdYoYPercent: Ratio.growthPercent(current: wan(6800000), base: wan(5704698)),
                gapPoints: Ratio(numerator: 108, denominator: 10), requiredRestGrowthPercent: Ratio(numerator: 354, denominator: 10),
                status: .behind),
            TargetRow(
                period: april, indicator: IndicatorCatalog.newUnitsID, year: 2023, kind: .count, targetCount: 23,
                source: "年度目标.xlsx", ytdCount: 16, completionPercent: Ratio.percent(part: 16, whole: 23),
                timeProgressPercent: progress, status: .ahead),
        ]
    }

    static func roster() -> [RosterRow] {
        [
            RosterRow(
                period: april, scope: .zone, scopeId: "", scopeName: zoneName, units: 125, newUnits: 16, exitedUnits: 4,
                netUnits: 12, growingUnits: 80, decliningUnits: 30, unchangedUnits: 3, noBaseUnits: 12,
                growingSharePercent: Ratio.percent(part: 80, whole: 113),
                decliningSharePercent: Ratio.percent(part: 30, whole: 113), indicator: "output_value")
        ]
    }

    static func warnings() -> [PublishedWarning] {
        [
            PublishedWarning(
                source: .extract, file: "2023-04企业月报.csv", line: 17, column: "工业总产值本月", value: "1.2E+5",
                code: "ytd_mismatch", period: april, message: "累计数与1-3月累计加本月不符，相差0.5万元"),
            PublishedWarning(
                source: .extract, file: "2023-04企业月报.csv", line: 42, column: "统一社会信用代码",
                value: "91341122MA2TQ8RC07", code: "check_character", message: "校验位应为6，请核对信用代码"),
        ] + result().warnings.map(PublishedWarning.init)
    }

    static func context(issuedOn: String? = nil) -> ReportContext {
        ReportContext(
            zoneName: zoneName, period: april, indicators: definitions, result: result(), series: series(),
            warnings: warnings(), issuedOn: issuedOn)
    }

    static func result() -> ComputeResult {
        ComputeResult(
            indicators: zoneRows() + industryRows(), targets: targets(), roster: roster(),
            warnings: [
                ComputeWarning(
                    period: april, indicator: "tech_investment", code: "subset_exceeds_total", scope: "91341122MA2TQ8RC06",
                    message: "技改投资大于固定资产投资（项目：汽零二期）")
            ])
    }

    /// The zone's ytd growth by month for every indicator: last year through December, this
    /// year through March (April is in the result), in per mille of the base.
    static func series() -> [IndicatorRow] {
        let lastYear: [String: [Int128]] = [
            "tax": [1210, 1150, 1120, 1090, 1110, 1080, 1060, 1070, 1050, 1040, 1035, 1030],
            "output_value": [1080, 1120, 1150, 1210, 1190, 1230, 1180, 1160, 1140, 1120, 1105],
            "value_added": [1060, 1090, 1120, 1150, 1140, 1160, 1130, 1120, 1110, 1100, 1095],
            "fixed_investment": [1300, 1250, 1220, 1180, 1160, 1150, 1140, 1120, 1100, 1090, 1085],
            "tech_investment": [1500, 1420, 1380, 1350, 1300, 1280, 1260, 1250, 1240, 1230, 1220],
        ]
        let thisYear: [String: [Int128]] = [
            "tax": [1380, 1450, 1490], "output_value": [1120, 1145], "value_added": [1150, 1178],
            "fixed_investment": [1240, 1262], "tech_investment": [1480, 1550],
        ]
        var rows: [IndicatorRow] = []
        for definition in definitions {
            let first = definition.mergeJanFeb ? 2 : 1
            for (offset, perMille) in (lastYear[definition.id] ?? []).enumerated() {
                rows.append(zoneRow(definition.id, period(2022, first + offset), ytd: wan(perMille * 100_000), base: wan(100_000_000)))
            }
            for (offset, perMille) in (thisYear[definition.id] ?? []).enumerated() {
                rows.append(zoneRow(definition.id, period(2023, first + offset), ytd: wan(perMille * 100_000), base: wan(100_000_000)))
            }
        }
        return rows
    }
}
