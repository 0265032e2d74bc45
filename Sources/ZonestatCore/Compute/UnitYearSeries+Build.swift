/// Building the series of one indicator and year from its facts.
extension UnitYearSeries {
    /// The series of `indicator` in `year` from the facts at `factIndices` (all of that
    /// indicator and year), with the warnings building raised (duplicate facts, overflow).
    ///
    /// Facts are grouped by unit with a counting sort, so the cost is linear and the result
    /// does not depend on the order of the facts.
    static func build(
        indicator: Int, year: Int, factIndices: ArraySlice<Int>, input: ComputeInput
    ) -> (series: UnitYearSeries, warnings: [ComputeWarning]) {
        let definition = input.indicators[indicator]
        let unitCount = input.units.count
        var series = UnitYearSeries(
            indicator: indicator, year: year, merged: definition.mergeJanFeb, unitCount: unitCount)
        var warnings: [ComputeWarning] = []
        let facts = input.facts

        // Counting sort of the fact indices by unit.
        var starts = Array(repeating: 0, count: unitCount + 1)
        for factIndex in factIndices { starts[Int(facts[factIndex].unit) + 1] += 1 }
        for unit in 0..<unitCount { starts[unit + 1] += starts[unit] }
        var fill = starts
        var ordered = Array(repeating: 0, count: factIndices.count)
        for factIndex in factIndices {
            let unit = Int(facts[factIndex].unit)
            ordered[fill[unit]] = factIndex
            fill[unit] += 1
        }

        var record = UnitYearRecord()
        var scratch = Array(repeating: Int64(0), count: 12)
        var baseScratch = Array(repeating: Int64(0), count: 12)
        var baseMonthScratch = Array(repeating: Int64(0), count: 12)
        for unit in 0..<unitCount where starts[unit + 1] > starts[unit] {
            let range = starts[unit]..<starts[unit + 1]
            record.mask = 0
            var collided = false
            for factIndex in ordered[range] {
                let fact = facts[factIndex]
                let position = UnitYearRecord.position(month: fact.period.month, basis: fact.basis)
                let bit: UInt64 = 1 << UInt64(position)
                if record.mask & bit != 0 {
                    collided = true
                    record.values[position] = max(record.values[position], fact.amount.raw)
                } else {
                    record.mask |= bit
                    record.values[position] = fact.amount.raw
                }
            }
            let code = input.units[unit].code
            if collided {
                warnings += duplicateWarnings(
                    ordered[range].map { facts[$0] }, year: year, indicator: definition, code: code)
            }
            let ytd = record.cumulative(total: .ytd, month: .month, into: &scratch)
            let base = record.cumulative(total: .baseYtd, month: .baseMonth, into: &baseScratch)
            let baseMonthMask = record.reported(.baseMonth, into: &baseMonthScratch)
            for (overflowMonth, what) in [(ytd.overflow, "ytd"), (base.overflow, "base")] {
                guard let overflowMonth, let period = Period(year: year, month: overflowMonth) else { continue }
                warnings.append(.amountOverflow(period: period, indicator: definition.id, code: code, what: what))
            }
            guard ytd.mask != 0 else { continue }
            let slot = series.units.count
            series.units.append(Int32(unit))
            series.slotOfUnit[unit] = Int32(slot)
            series.ytd += scratch
            series.ytdMask.append(ytd.mask)
            if base.mask != 0 || baseMonthMask != 0 {
                series.baseRow.append(Int32(series.reportedBaseMask.count))
                series.reportedBase += baseScratch
                series.reportedBaseMask.append(base.mask)
                series.reportedBaseMonth += baseMonthScratch
                series.reportedBaseMonthMask.append(baseMonthMask)
            } else {
                series.baseRow.append(-1)
            }
            for month in 1...12 where ytd.mask & UnitYearSeries.bit(month) != 0 {
                series.zoneYtd[month - 1] += Int128(scratch[month - 1])
            }
            series.zoneMask |= ytd.mask
        }
        return (series, warnings)
    }

    /// One warning per value reported more than once with different amounts (the largest is
    /// used, whatever the order of the facts).
    private static func duplicateWarnings(
        _ facts: [Fact], year: Int, indicator: IndicatorDefinition, code: String
    ) -> [ComputeWarning] {
        var amounts: [Int: [Int64]] = [:]
        for fact in facts {
            amounts[UnitYearRecord.position(month: fact.period.month, basis: fact.basis), default: []]
                .append(fact.amount.raw)
        }
        return amounts.keys.sorted().compactMap { position -> ComputeWarning? in
            guard let values = amounts[position], let low = values.min(), let high = values.max(), low != high,
                let period = Period(year: year, month: position / 4 + 1), let basis = Basis(rawValue: position % 4)
            else { return nil }
            return .duplicateFact(
                period: period, indicator: indicator, code: code, basis: basis, count: values.count,
                lowest: Amount(raw: low), highest: Amount(raw: high))
        }
    }
}
