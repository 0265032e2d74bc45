/// The producer price indices of the input, checked and grouped by period.
///
/// A period with indices gets a ``DeflationTable``; a period whose indices conflict (two
/// values for one division) or are out of range gets none and a warning, never a silent choice.
struct PriceDeflator: Sendable {
    /// The indicator id deflated when indices are supplied (statistics.md §3).
    static let indicatorId = "value_added"

    private let tables: [Period: DeflationTable]
    /// Conflicting or unusable indices.
    let warnings: [ComputeWarning]

    init(indices: [PriceIndex]) {
        var warnings: [ComputeWarning] = []
        var values: [Period: [Int: Set<Ratio>]] = [:]
        for entry in indices {
            let division: Int
            if let text = entry.division {
                guard let code = IndustryCode.normalize(text), let number = Int(code.division) else {
                    warnings.append(.priceIndexInvalid(entry, reason: "\"\(text)\" is not an industry division"))
                    continue
                }
                division = number
            } else {
                division = 0
            }
            guard entry.index >= Ratio(1), entry.index <= Ratio(10_000), entry.index.denominator <= 1_000_000 else {
                warnings.append(.priceIndexInvalid(entry, reason: "an index must be between 1 and 10000"))
                continue
            }
            values[entry.period, default: [:]][division, default: []].insert(entry.index)
        }
        var tables: [Period: DeflationTable] = [:]
        for (period, byDivision) in values {
            let conflicting = byDivision.filter { $0.value.count > 1 }.keys.sorted()
            guard conflicting.isEmpty else {
                warnings.append(.priceIndexConflict(period: period, divisions: conflicting))
                continue
            }
            var indexOf: [Int: Ratio] = [:]
            for (division, indices) in byDivision where division != 0 {
                indexOf[division] = indices.first
            }
            tables[period] = DeflationTable(allIndustry: byDivision[0]?.first, byDivision: indexOf)
        }
        self.tables = tables
        self.warnings = warnings
    }

    /// The table for value added at `period`, nil when no (usable) indices were supplied for it.
    func table(indicator: IndicatorDefinition, period: Period) -> DeflationTable? {
        guard indicator.id == PriceDeflator.indicatorId else { return nil }
        return tables[period]
    }

    /// The table to use for `series` at `period`: nil when there is none, or when a reporting
    /// unit's division has no index (then nothing is deflated; the kernel warns).
    func usableTable(
        indicator: IndicatorDefinition, series: UnitYearSeries, period: Period, catalog: UnitCatalog
    ) -> (table: DeflationTable?, missing: [Int]) {
        guard let table = table(indicator: indicator, period: period) else { return (nil, []) }
        let missing = table.missingDivisions(series: series, month: period.month, catalog: catalog)
        return missing.isEmpty ? (table, []) : (nil, missing)
    }
}
