import ZonestatCore

/// Random zones for property tests: entries and exits, 升规 units reporting their own base,
/// new builds with no base, zero and negative bases, months-only units, merged indicators,
/// January files of merged indicators, gaps, duplicates, targets that conflict.
struct ComputeZoneGenerator {
    static let indicators: [IndicatorDefinition] = [
        IndicatorDefinition(id: "output_value", name: "规上工业总产值", mergeJanFeb: true),
        IndicatorDefinition(id: "fixed_investment", name: "固定资产投资", mergeJanFeb: true),
        IndicatorDefinition(id: "tech_investment", name: "技改投资", mergeJanFeb: true, subsetOf: "fixed_investment"),
        IndicatorDefinition(id: "tax", name: "税收", mergeJanFeb: false),
    ]
    static let industries: [String?] = ["3670", "36", "0610", "610", "C3911", nil, "13", "4411", "bogus"]
    static let areas: [String?] = ["东区", "西区", nil, "高新园", ""]

    var units = 40
    var firstYear = 2021
    var lastYear = 2023
    /// The last month with data in `lastYear`.
    var lastMonth = 7

    func make(seed: UInt64) -> ComputeInput {
        var random = ComputeRandom(seed: seed)
        var builder = ComputeZoneBuilder(indicators: ComputeZoneGenerator.indicators)
        for number in 0..<units {
            builder.unit(
                code((number * 7919) % 100_000), industry: ComputeZoneGenerator.industries.randomElement(using: &random) ?? nil,
                area: ComputeZoneGenerator.areas.randomElement(using: &random) ?? nil)
        }
        let months = (firstYear...lastYear).flatMap { year in
            (1...(year == lastYear ? lastMonth : 12)).map { period(year, $0) }
        }
        for unit in 0..<Int32(units) {
            let start = random.chance(50) ? 0 : Int.random(in: 0..<months.count, using: &random)
            let end = random.chance(25) ? Int.random(in: start..<months.count, using: &random) : months.count - 1
            let active = Array(months[start...end])
            var reportsFixed = false
            for indicator in 0..<Int16(4) {
                let odds = [80, 40, reportsFixed ? 60 : 0, 60][Int(indicator)]
                guard random.chance(odds) else { continue }
                if indicator == 1 { reportsFixed = true }
                addSeries(&builder, unit: unit, indicator: indicator, months: active, random: &random)
            }
        }
        // A few duplicates: some agree, some do not.
        for _ in 0..<(builder.facts.count / 50) {
            guard var fact = builder.facts.randomElement(using: &random) else { break }
            if random.chance(50) { fact.amount = Amount(raw: fact.amount.raw + Int64.random(in: 1...9, using: &random)) }
            builder.facts.append(fact)
        }
        builder.facts.shuffle(using: &random)
        builder.targets = targets(random: &random)
        return builder.input
    }

    /// Codes whose order differs from the units' order.
    private func code(_ number: Int) -> String {
        let text = String(number)
        return "91340000MA" + String(repeating: "0", count: max(0, 6 - text.count)) + text
    }

    private func addSeries(
        _ builder: inout ComputeZoneBuilder, unit: Int32, indicator: Int16, months: [Period],
        random: inout ComputeRandom
    ) {
        let style = Int.random(in: 0..<100, using: &random)  // <60 ytd, <80 months only, <90 both, else mixed
        let reportsBase = random.chance(20)
        let reportsBaseMonth = random.chance(10)
        var ytd: Int64 = 0
        var baseYtd: Int64 = Int64.random(in: -50...2000, using: &random)
        var year = 0
        for period in months {
            if period.year != year {
                year = period.year
                ytd = 0
                baseYtd = random.chance(10) ? 0 : Int64.random(in: -50...500, using: &random)
            }
            if random.chance(4) { continue }  // a gap
            let month = random.chance(5) ? -Int64.random(in: 0...100, using: &random) : Int64.random(in: 0...1000, using: &random)
            ytd += month
            let baseMonth = Int64.random(in: -20...600, using: &random)
            baseYtd += baseMonth
            let mixedMonthOnly = style >= 90 && random.chance(40)
            if style < 60 || (style >= 80 && !mixedMonthOnly) {
                builder.fact(unit, period.year, period.month, ytd, indicator: indicator)
            }
            if (style >= 60 && style < 80) || mixedMonthOnly || (style >= 80 && style < 90) {
                let reported = style >= 80 && style < 90 && random.chance(20) ? month + 1 : month
                builder.fact(unit, period.year, period.month, reported, basis: .month, indicator: indicator)
            }
            if reportsBase {
                builder.fact(unit, period.year, period.month, baseYtd, basis: .baseYtd, indicator: indicator)
            }
            if reportsBaseMonth {
                builder.fact(unit, period.year, period.month, baseMonth, basis: .baseMonth, indicator: indicator)
            }
        }
    }

    private func targets(random: inout ComputeRandom) -> [TargetDefinition] {
        var targets: [TargetDefinition] = []
        for year in (firstYear + 1)...lastYear {
            targets.append(
                TargetDefinition(
                    year: year, indicator: "output_value", amount: Amount(raw: Int64.random(in: 50_000...400_000, using: &random)),
                    growthPercent: Ratio(Int128.random(in: 5...30, using: &random)), source: "政府工作报告"))
            targets.append(
                TargetDefinition(
                    year: year, indicator: "fixed_investment", growthPercent: Ratio(numerator: 255, denominator: 10),
                    source: "管委会"))
            targets.append(
                TargetDefinition(
                    year: year, indicator: "tax", amount: Amount(raw: Int64.random(in: 10_000...90_000, using: &random)),
                    source: "财政局"))
            if random.chance(50) {
                targets.append(
                    TargetDefinition(
                        year: year, indicator: "tax", amount: Amount(raw: Int64.random(in: 10_000...90_000, using: &random)),
                        source: "税务局"))
            }
            targets.append(TargetDefinition(year: year, indicator: "new_units", count: Int.random(in: 1...20, using: &random), source: "考核"))
        }
        return targets
    }
}
