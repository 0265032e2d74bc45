/// One unit's facts for one indicator and year, as reported: month, ytd, base_month and
/// base_ytd for each month, before anything is derived.
///
/// Scratch storage reused from unit to unit while ``UnitYearSeries`` is built.
struct UnitYearRecord {
    /// `(month − 1) × 4 + basis`.
    var values: [Int64] = Array(repeating: 0, count: 48)
    /// Bit `(month − 1) × 4 + basis` is set when that value was reported.
    var mask: UInt64 = 0

    @inline(__always)
    static func position(month: Int, basis: Basis) -> Int {
        (month - 1) * 4 + basis.rawValue
    }

    @inline(__always)
    func value(month: Int, basis: Basis) -> Int64? {
        let position = UnitYearRecord.position(month: month, basis: basis)
        return mask & (1 << UInt64(position)) != 0 ? values[position] : nil
    }

    /// Cumulative figures by statistics.md §1: the cumulative value where given, else the
    /// previous cumulative value carried forward plus this month's value (so that a unit giving
    /// months only gets the sum of its months), else none. Writes the values into `values`
    /// (index month − 1) and returns their mask and the first month whose sum overflowed, if
    /// any (that month and later ones are left out).
    func cumulative(total: Basis, month single: Basis, into values: inout [Int64]) -> (mask: UInt16, overflow: Int?) {
        var mask: UInt16 = 0
        var carried: Int64 = 0
        for month in 1...12 {
            let value: Int64
            if let given = self.value(month: month, basis: total) {
                value = given
            } else if let monthValue = self.value(month: month, basis: single) {
                let (sum, overflow) = carried.addingReportingOverflow(monthValue)
                if overflow { return (mask, month) }
                value = sum
            } else {
                continue
            }
            values[month - 1] = value
            mask |= UnitYearSeries.bit(month)
            carried = value
        }
        return (mask, nil)
    }

    /// The reported values of `basis`, written into `values` (index month − 1); returns their mask.
    func reported(_ basis: Basis, into values: inout [Int64]) -> UInt16 {
        var mask: UInt16 = 0
        for month in 1...12 {
            if let value = value(month: month, basis: basis) {
                values[month - 1] = value
                mask |= UnitYearSeries.bit(month)
            }
        }
        return mask
    }
}
