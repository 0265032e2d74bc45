import ZonestatCore
import ZonestatPublish

/// A mid-size period built from a seeded generator: every scope, two periods mixed in one result,
/// targets with a conflict, a roster, warnings, and names that exercise quoting, the CSV-injection
/// guard and JSON escaping. Same seed, same rows: its rendered bytes are pinned in tests, so that
/// faster renderers are held to the bytes the straightforward ones wrote.
struct GeneratedResult {
    static let period = SourceDocument.april
    static let other = SourceDocument.period(2023, 3)

    /// Unit names the renderers must escape: CSV quoting, the `'` guard, JSON control characters.
    static let awkwardNames = [
        "华鑫汽车零部件有限公司", "Acme, Inc.", "\"Quoted\" 工厂", "=SUM(A1:A2)", "-3.5", "+86 电子",
        "@home 科技", "\ttabbed", "line\nbreak", "cr\rreturn", "crlf\r\nboth", "sep\u{2028}line\u{2029}para",
        "bell\u{07}back\u{08}form\u{0C}", "back\\slash", "<script>alert(1)</script>", "*bold* _x_ [l](u) |p| #h &a !b",
        "emoji 🏭 工厂", "e\u{301} combining", "\"\r\n\"", "",
    ]

    private var state: UInt64

    init(seed: UInt64 = 20_231) {
        state = seed
    }

    /// xorshift64*: deterministic on every platform.
    private mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }

    private mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// An amount of up to `scale` 万元 with up to four decimals of 万元 and sometimes negative.
    private mutating func amount(_ scale: Int, negative: Bool = false) -> AmountSum {
        let raw = Int128(below(scale * 10_000)) * 100 + Int128(below(4) == 0 ? below(100) : 0)
        return AmountSum(raw: (negative && below(9) == 0 ? -raw : raw))
    }

    private mutating func row(
        _ period: Period, _ indicator: String, _ scope: ScopeKind, _ id: String, _ name: String, zoneBase: AmountSum
    ) -> IndicatorRow {
        let ytd = amount(50_000, negative: true)
        let base = below(7) == 0 ? AmountSum.zero : amount(45_000, negative: true)
        let month: AmountSum? = below(5) == 0 ? nil : amount(9_000)
        let monthBase: AmountSum? = month == nil ? nil : amount(8_000)
        return IndicatorRow(
            period: period, indicator: indicator, scope: scope, scopeId: id, scopeName: name, units: below(300),
            ytd: ytd, ytdBase: base, ytdYoYPercent: Ratio.growthPercent(current: ytd, base: base),
            ytdIncrement: ytd - base, month: month, monthBase: monthBase,
            monthYoYPercent: month.flatMap { m in monthBase.flatMap { Ratio.growthPercent(current: m, base: $0) } },
            pullPoints: Ratio.pullPercent(partCurrent: ytd.raw, partBase: base.raw, totalBase: zoneBase.raw),
            sharePercent: below(3) == 0 ? nil : Ratio(numerator: Int128(below(20_000)) - 5_000, denominator: Int128(1 + below(997))),
            estimate: indicator == "value_added")
    }

    /// The rows of `period`: per indicator the zone, 12 industries and 4 areas; and its unit
    /// block of `units` units (about four in five report), figures drawn as the other rows'.
    mutating func indicatorRows(_ period: Period, units: Int) -> (rows: [IndicatorRow], blocks: [UnitResultBlock]) {
        let divisions = ["36", "34", "38", "33", "29", "17", "39", "35", "13", "44", "30", "unknown"]
        let areas = ["东区", "西区", "南区", "北区,\"旧\""]
        var rows: [IndicatorRow] = []
        var blocks: [UnitResultBlock] = []
        for definition in SourceDocument.definitions {
            let zoneBase = amount(40_000_000)
            let zone = row(period, definition.id, .zone, "", SourceDocument.zoneName, zoneBase: zoneBase)
            rows.append(zone)
            for division in divisions {
                rows.append(row(period, definition.id, .industry, division, IndustryDivision.name(division) ?? "", zoneBase: zoneBase))
            }
            for area in areas { rows.append(row(period, definition.id, .area, area, area, zoneBase: zoneBase)) }
            var ids: [Int64] = [], ytd: [Int64] = [], base: [Int64] = [], month: [Int128] = [], monthBase: [Int128] = []
            for unit in 0..<units where below(5) != 0 {
                let drawn = row(period, definition.id, .unit, "", "", zoneBase: zoneBase)
                ids.append(Int64(unit + 1))
                ytd.append(Int64(drawn.ytd.raw))
                base.append(Int64(drawn.ytdBase.raw))
                month.append(drawn.month?.raw ?? 0)
                monthBase.append(drawn.monthBase?.raw ?? 0)
            }
            blocks.append(UnitResultBlock(
                period: period, indicator: definition.id, deflated: false, zoneYtd: zone.ytd.raw, zoneBase: zoneBase.raw,
                zoneReal: 0, unitIds: ids, ytd: ytd, base: base, month: month, monthBase: monthBase))
        }
        return (rows, blocks)
    }

    /// The units the blocks name, by id: awkward names first, in the generated industries and
    /// areas (one without either).
    static func units(_ count: Int) -> [Int64: UnitInfo] {
        let industries = ["3670", "3484", "C3824", "3311", "2929", "1713", "3990", "3560", "1391", "4411", "3039", nil]
        let areas = ["东区", "西区", "南区", "北区,\"旧\"", nil]
        var units: [Int64: UnitInfo] = [:]
        for unit in 0..<count {
            let name = unit < awkwardNames.count ? awkwardNames[unit] : "企业\(unit)号有限公司"
            units[Int64(unit + 1)] = UnitInfo(
                code: "91341100MA\(String(100_000_000 + unit))", name: name, industry: industries[unit % industries.count],
                area: areas[unit % areas.count], id: Int64(unit + 1))
        }
        return units
    }

    mutating func targets(_ period: Period) -> [TargetRow] {
        let progress = Ratio.percent(part: Int128(period.month), whole: 12)
        return [
            TargetRow(
                period: period, indicator: "fixed_investment", year: 2023, kind: .level, targetAmount: amount(60_000_000),
                source: "年度目标.xlsx", ytdAmount: amount(14_000_000), completionPercent: Ratio(numerator: 2_761, denominator: 100),
                timeProgressPercent: progress, aheadPoints: Ratio(numerator: -57, denominator: 10),
                requiredRestGrowthPercent: Ratio(numerator: 309, denominator: 10), status: .behind),
            TargetRow(
                period: period, indicator: "output_value", year: 2023, kind: .level, targetAmount: amount(90_000_000),
                source: "区委, \"年度\"目标", ytdAmount: amount(33_000_000), status: .notApplicable),
            TargetRow(
                period: period, indicator: "output_value", year: 2023, kind: .level, targetAmount: amount(95_000_000),
                source: "=管委会", ytdAmount: amount(33_000_000), status: .notApplicable),
            TargetRow(
                period: period, indicator: "value_added", year: 2023, kind: .rate, targetGrowthPercent: Ratio(30),
                source: "上半年工作总结", ytdAmount: amount(6_800_000), ytdYoYPercent: Ratio(numerator: 1_919, denominator: 100),
                gapPoints: Ratio(numerator: 108, denominator: 10), requiredRestGrowthPercent: Ratio(numerator: -354, denominator: 10),
                status: .behind),
            TargetRow(
                period: period, indicator: IndicatorCatalog.newUnitsID, year: 2023, kind: .count, targetCount: 23,
                source: "年度目标.xlsx", ytdCount: 16, completionPercent: Ratio.percent(part: 16, whole: 23),
                timeProgressPercent: progress, status: .ahead),
        ]
    }

    mutating func roster(_ period: Period) -> [RosterRow] {
        let scopes: [(ScopeKind, String, String)] =
            [(.zone, "", SourceDocument.zoneName)] + ["36", "34", "38", "unknown"].map { (.industry, $0, IndustryDivision.name($0) ?? "") }
        return scopes.map { scope, id, name in
            let growing = below(200), declining = below(100), unchanged = below(5)
            let based = Int128(growing + declining + unchanged)
            return RosterRow(
                period: period, scope: scope, scopeId: id, scopeName: name, units: below(400), newUnits: below(30),
                exitedUnits: below(10), netUnits: below(30) - 10, growingUnits: growing, decliningUnits: declining,
                unchangedUnits: unchanged, noBaseUnits: below(20), growingSharePercent: Ratio.percent(part: Int128(growing), whole: based),
                decliningSharePercent: Ratio.percent(part: Int128(declining), whole: based), indicator: "output_value")
        }
    }

    mutating func warnings(_ period: Period) -> [ComputeWarning] {
        (0..<40).map { index in
            ComputeWarning(
                period: below(4) == 0 ? nil : period, indicator: below(3) == 0 ? nil : SourceDocument.definitions[below(5)].id,
                code: ["ytd_fell", "subset_exceeds_total", "target_conflict", "month_jump"][below(4)],
                scope: Self.awkwardNames[index % Self.awkwardNames.count], message: "第\(index)条：\(Self.awkwardNames[below(Self.awkwardNames.count)])")
        }
    }

    /// The context of ``period`` with `units` units per indicator (and March's rows mixed in).
    static func context(units: Int = 400) -> ReportContext {
        var generator = GeneratedResult()
        var result = ComputeResult()
        for period in [other, period] {
            let (rows, blocks) = generator.indicatorRows(period, units: period == other ? units / 4 : units)
            result.indicators += rows
            result.unitBlocks += blocks
            result.targets += generator.targets(period)
            result.roster += generator.roster(period)
            result.warnings += generator.warnings(period)
        }
        let published = result.warnings.map(PublishedWarning.init) + (0..<30).map { index in
            PublishedWarning(
                source: .extract, file: "2023-0\(1 + index % 4)企业月报.csv", line: 1 + generator.below(500),
                column: index % 3 == 0 ? nil : "工业总产值本月", value: index % 2 == 0 ? "=1+1" : "1,2",
                code: ["check_character", "ytd_mismatch", "default_unit"][index % 3], period: period,
                message: awkwardNames[index % awkwardNames.count])
        }
        var context = ReportContext(
            zoneName: SourceDocument.zoneName, period: period, indicators: SourceDocument.definitions, result: result,
            series: SourceDocument.series(), warnings: published, issuedOn: "2023年5月10日")
        context.unitsById = Self.units(units)
        return context
    }
}
