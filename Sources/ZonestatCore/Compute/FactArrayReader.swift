/// A ``CurrentValueReader`` over facts held in memory (`ComputeInput.facts`: tests, small
/// zones): facts pointing at no unit or indicator are left out with a warning, and a value
/// given more than once keeps its largest amount, with a warning when the amounts differ (so
/// the result does not depend on the facts' order).
struct FactArrayReader: CurrentValueReader {
    struct Bucket: Hashable {
        var indicator: Int
        var year: Int
    }

    let keys: [FactColumnKey]
    private let buckets: [Bucket: [FactColumn]]
    /// Facts out of range, then duplicates (by indicator, year, unit, month and basis).
    let warnings: [ComputeWarning]

    init(input: ComputeInput) {
        let unitCount = input.units.count
        let indicatorCount = input.indicators.count
        var warnings: [ComputeWarning] = []
        var byBucket: [Bucket: [Fact]] = [:]
        for fact in input.facts {
            guard (0..<unitCount).contains(Int(fact.unit)), (0..<indicatorCount).contains(Int(fact.indicator)) else {
                warnings.append(.factOutOfRange(fact, units: unitCount, indicators: input.indicators))
                continue
            }
            byBucket[Bucket(indicator: Int(fact.indicator), year: fact.period.year), default: []].append(fact)
        }
        var buckets: [Bucket: [FactColumn]] = [:]
        var keys: [FactColumnKey] = []
        for bucket in byBucket.keys.sorted(by: { ($0.indicator, $0.year) < ($1.indicator, $1.year) }) {
            let facts = (byBucket[bucket] ?? []).sorted {
                ($0.unit, $0.period.month, $0.basis.rawValue) < ($1.unit, $1.period.month, $1.basis.rawValue)
            }
            let definition = input.indicators[bucket.indicator]
            var columns: [Int: FactColumn] = [:]
            var start = 0
            while start < facts.count {
                let first = facts[start]
                var end = start + 1
                while end < facts.count, facts[end].unit == first.unit, facts[end].period == first.period,
                    facts[end].basis == first.basis
                {
                    end += 1
                }
                let amounts = facts[start..<end].map(\.amount.raw)
                let highest = amounts.max() ?? first.amount.raw
                if let lowest = amounts.min(), lowest != highest {
                    warnings.append(.duplicateFact(
                        period: first.period, indicator: definition, code: input.units[Int(first.unit)].code,
                        basis: first.basis, count: amounts.count, lowest: Amount(raw: lowest), highest: Amount(raw: highest)))
                }
                let position = first.period.month * 4 + first.basis.rawValue
                columns[position, default: FactColumn(
                    period: first.period, indicator: bucket.indicator, basis: first.basis, units: [], amounts: [])]
                    .append(unit: first.unit, amount: highest)
                start = end
            }
            let ordered = columns.keys.sorted().compactMap { columns[$0] }
            keys += ordered.map {
                FactColumnKey(period: $0.period, indicator: $0.indicator, basis: $0.basis, count: $0.units.count)
            }
            buckets[bucket] = ordered
        }
        self.keys = keys
        self.buckets = buckets
        self.warnings = warnings
    }

    func columns(indicator: Int, year: Int) -> [FactColumn] {
        buckets[Bucket(indicator: indicator, year: year)] ?? []
    }
}

extension FactColumn {
    mutating func append(unit: Int32, amount: Int64) {
        units.append(unit)
        amounts.append(amount)
    }
}
