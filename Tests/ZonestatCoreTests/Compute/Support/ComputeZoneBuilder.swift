import ZonestatCore

/// Builds compute inputs for tests: units and facts by name, amounts as plain integers of raw
/// steps (ratios do not care about the unit).
struct ComputeZoneBuilder {
    var zoneName = "测试开发区"
    var indicators: [IndicatorDefinition]
    var units: [UnitInfo] = []
    var facts: [Fact] = []
    var targets: [TargetDefinition] = []
    var priceIndices: [PriceIndex] = []

    init(indicators: [IndicatorDefinition]) {
        self.indicators = indicators
    }

    /// One indicator, not merged, for the simple examples.
    static func single(_ id: String = "output_value", merged: Bool = false) -> ComputeZoneBuilder {
        ComputeZoneBuilder(indicators: [IndicatorDefinition(id: id, name: id, mergeJanFeb: merged)])
    }

    /// Adds a unit and returns its index.
    @discardableResult
    mutating func unit(_ code: String, industry: String? = nil, area: String? = nil) -> Int32 {
        units.append(UnitInfo(code: code, name: "单位" + code, industry: industry, area: area, id: Int64(units.count + 1)))
        return Int32(units.count - 1)
    }

    /// Adds a fact.
    mutating func fact(
        _ unit: Int32, _ year: Int, _ month: Int, _ value: Int64, basis: Basis = .ytd, indicator: Int16 = 0
    ) {
        guard let period = Period(year: year, month: month) else { return }
        facts.append(Fact(unit: unit, period: period, indicator: indicator, basis: basis, amount: Amount(raw: value)))
    }

    var input: ComputeInput {
        ComputeInput(
            zoneName: zoneName, indicators: indicators, units: units, facts: facts, targets: targets,
            priceIndices: priceIndices)
    }

    /// The result with the unit rows among the indicator rows (see ``ComputeResult/withUnitRows(_:)``).
    func compute(threads: Int = 1, periods: Set<Period>? = nil, breadth: String = "output_value") -> ComputeResult {
        ComputeCore.compute(input, options: ComputeOptions(threads: threads, periods: periods, breadthIndicator: breadth))
            .withUnitRows(units)
    }
}

/// `Period` from year and month, for tests.
func period(_ year: Int, _ month: Int) -> Period {
    guard let value = Period(year: year, month: month) else { preconditionFailure("no period \(year)-\(month)") }
    return value
}

extension ComputeResult {
    /// The result with each block's unit rows among the indicator rows, where the naive
    /// reference has them (the blocks stay).
    func withUnitRows(_ units: [UnitInfo]) -> ComputeResult {
        var result = self
        result.indicators = indicatorRowsWithUnits(units)
        return result
    }

    /// The indicator row of a scope, if any.
    func row(_ period: Period, _ indicator: String = "output_value", _ scope: ScopeKind = .zone, _ id: String = "")
        -> IndicatorRow?
    {
        indicators.first { $0.period == period && $0.indicator == indicator && $0.scope == scope && $0.scopeId == id }
    }

    /// The rows of one period only (warnings without a period kept), as a selection would give them.
    func restricted(to periods: Set<Period>) -> ComputeResult {
        ComputeResult(
            indicators: indicators.filter { periods.contains($0.period) },
            unitBlocks: unitBlocks.filter { periods.contains($0.period) },
            targets: targets.filter { periods.contains($0.period) },
            roster: roster.filter { periods.contains($0.period) },
            warnings: warnings.filter { $0.period.map(periods.contains) ?? true })
    }

    /// Every period that has a row or a warning.
    var periods: Set<Period> {
        Set(indicators.map(\.period) + targets.map(\.period) + roster.map(\.period) + warnings.compactMap(\.period))
    }
}

extension Ratio {
    /// Rounded to one decimal, as text: what the source document prints.
    var oneDecimal: String { rounded(decimals: 1).description }
}

/// The exact fraction `numerator / denominator` (denominator ≠ 0), for tests.
func exact(_ numerator: Int128, _ denominator: Int128) -> Ratio {
    guard let value = Ratio(numerator: numerator, denominator: denominator) else { preconditionFailure("zero denominator") }
    return value
}
