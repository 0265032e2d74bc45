/// Building the series of one indicator and year from its columns, month by month.
extension UnitYearSeries {
    /// The series of `indicator` in `year` from `columns` (every column of that indicator and
    /// year, at most one value per unit each), with the warnings building raised (overflow).
    ///
    /// statistics.md §1, month by month in ascending order, each unit carrying its last ytd: a
    /// given ytd is taken as is, else the carried ytd plus the month's value; a sum that
    /// overflows ends the unit's ytds for the year (a warning says from when). Reported bases
    /// are derived the same way from base_ytd and base_month. Slots are the units with a ytd,
    /// ascending, so the result does not depend on the order of the columns or their values.
    static func build(
        indicator: Int, year: Int, columns: [FactColumn], input: ComputeInput
    ) -> (series: UnitYearSeries, warnings: [ComputeWarning]) {
        let definition = input.indicators[indicator]
        let unitCount = input.units.count
        var series = UnitYearSeries(indicator: indicator, year: year, merged: definition.mergeJanFeb, unitCount: unitCount)
        // Columns by month (0…11) and basis; unit positions outside the input are skipped, and
        // so is a column whose two arrays differ in length (a reader's defect, never a crash).
        var byMonth = Array(repeating: [FactColumn?](repeating: nil, count: 4), count: 12)
        for column in columns
        where column.period.year == year && column.indicator == indicator && column.units.count == column.amounts.count {
            byMonth[column.period.month - 1][column.basis.rawValue] = column
        }
        let valid = 0..<Int32(unitCount)

        // A slot per unit with a ytd or month value (its first one always makes a ytd), ascending.
        for month in byMonth {
            for basis in [Basis.ytd, Basis.month] {
                guard let column = month[basis.rawValue] else { continue }
                for unit in column.units where valid.contains(unit) { series.slotOfUnit[Int(unit)] = .max }
            }
        }
        for unit in 0..<unitCount where series.slotOfUnit[unit] == .max {
            series.slotOfUnit[unit] = Int32(series.units.count)
            series.units.append(Int32(unit))
        }
        let slots = series.units.count
        series.ytd = Array(repeating: 0, count: slots * 12)
        series.ytdMask = Array(repeating: 0, count: slots)
        var ytd = CumulativeColumns(count: slots)
        var overflows: [(unit: Int32, month: Int, what: Int)] = []
        let slotOfUnit = series.slotOfUnit
        for month in 1...12 {
            let given = byMonth[month - 1][Basis.ytd.rawValue]
            let single = byMonth[month - 1][Basis.month.rawValue]
            ytd.apply(month: month, given: given, single: single, slotOf: { valid.contains($0) ? Int(slotOfUnit[Int($0)]) : -1 }) { slot, value in
                series.ytd[slot &* 12 &+ month &- 1] = value
                series.ytdMask[slot] |= UnitYearSeries.bit(month)
            } overflow: { slot in
                overflows.append((series.units[slot], month, 0))
            }
        }

        // Reported bases: only the few units that report them get a row.
        var baseRowOfUnit: [Int32: Int] = [:]
        var baseUnits: [Int32] = []
        for month in byMonth {
            for basis in [Basis.baseYtd, Basis.baseMonth] {
                guard let column = month[basis.rawValue] else { continue }
                for unit in column.units where valid.contains(unit) && baseRowOfUnit[unit] == nil {
                    baseRowOfUnit[unit] = baseUnits.count
                    baseUnits.append(unit)
                }
            }
        }
        var base = Array(repeating: Int64(0), count: baseUnits.count * 12)
        var baseMask = Array(repeating: UInt16(0), count: baseUnits.count)
        var baseMonth = Array(repeating: Int64(0), count: baseUnits.count * 12)
        var baseMonthMask = Array(repeating: UInt16(0), count: baseUnits.count)
        if !baseUnits.isEmpty {
            var cumulative = CumulativeColumns(count: baseUnits.count)
            let rowOf: (Int32) -> Int = { baseRowOfUnit[$0] ?? -1 }
            for month in 1...12 {
                let given = byMonth[month - 1][Basis.baseYtd.rawValue]
                let single = byMonth[month - 1][Basis.baseMonth.rawValue]
                cumulative.apply(month: month, given: given, single: single, slotOf: rowOf) { row, value in
                    base[row &* 12 &+ month &- 1] = value
                    baseMask[row] |= UnitYearSeries.bit(month)
                } overflow: { row in
                    overflows.append((baseUnits[row], month, 1))
                }
                if let single {
                    for (position, unit) in single.units.enumerated() {
                        let row = rowOf(unit)
                        guard row >= 0 else { continue }
                        baseMonth[row &* 12 &+ month &- 1] = single.amounts[position]
                        baseMonthMask[row] |= UnitYearSeries.bit(month)
                    }
                }
            }
        }
        // Base rows in slot order, for the units with a ytd.
        series.baseRow = Array(repeating: -1, count: slots)
        for (slot, unit) in series.units.enumerated() {
            guard let row = baseRowOfUnit[unit], baseMask[row] != 0 || baseMonthMask[row] != 0 else { continue }
            series.baseRow[slot] = Int32(series.reportedBaseMask.count)
            series.reportedBase += base[row * 12..<row * 12 + 12]
            series.reportedBaseMask.append(baseMask[row])
            series.reportedBaseMonth += baseMonth[row * 12..<row * 12 + 12]
            series.reportedBaseMonthMask.append(baseMonthMask[row])
        }
        for slot in 0..<slots {
            let mask = series.ytdMask[slot]
            series.zoneMask |= mask
            for month in 1...12 where mask & UnitYearSeries.bit(month) != 0 {
                series.zoneYtd[month - 1] += Int128(series.ytd[slot &* 12 &+ month &- 1])
            }
        }
        // By unit, the ytd's before the base's (as the facts' order never mattered).
        overflows.sort { ($0.unit, $0.what) < ($1.unit, $1.what) }
        let warnings = overflows.compactMap { overflow -> ComputeWarning? in
            guard let period = Period(year: year, month: overflow.month) else { return nil }
            return .amountOverflow(
                period: period, indicator: definition.id, code: input.units[Int(overflow.unit)].code,
                what: overflow.what == 0 ? "ytd" : "base")
        }
        return (series, warnings)
    }
}

/// The running state of statistics.md §1's cumulative figures, one entry per slot: the ytd
/// carried from the unit's last month, whether this month's total was given, and whether a sum
/// overflowed (the unit's figures end there).
struct CumulativeColumns {
    private var carried: [Int64]
    private var givenAt: [UInt8]
    private var stopped: [Bool]

    init(count: Int) {
        carried = Array(repeating: 0, count: count)
        givenAt = Array(repeating: 0, count: count)
        stopped = Array(repeating: false, count: count)
    }

    /// One month: the given totals, then the months' values added to the carried totals of
    /// the slots without one; `set` receives each slot's total, `overflow` each slot whose sum
    /// overflowed.
    mutating func apply(
        month: Int, given: FactColumn?, single: FactColumn?, slotOf: (Int32) -> Int,
        set: (Int, Int64) -> Void, overflow: (Int) -> Void
    ) {
        if let given {
            for (position, unit) in given.units.enumerated() {
                let slot = slotOf(unit)
                guard slot >= 0, !stopped[slot] else { continue }
                let value = given.amounts[position]
                givenAt[slot] = UInt8(month)
                carried[slot] = value
                set(slot, value)
            }
        }
        if let single {
            for (position, unit) in single.units.enumerated() {
                let slot = slotOf(unit)
                guard slot >= 0, !stopped[slot], givenAt[slot] != UInt8(month) else { continue }
                let (sum, overflowed) = carried[slot].addingReportingOverflow(single.amounts[position])
                if overflowed {
                    stopped[slot] = true
                    overflow(slot)
                    continue
                }
                carried[slot] = sum
                set(slot, sum)
            }
        }
    }
}
