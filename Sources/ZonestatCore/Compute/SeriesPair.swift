/// One indicator's series of a year together with last year's, which bases fall back to.
struct SeriesPair: Sendable {
    let current: UnitYearSeries
    let lastYear: UnitYearSeries?

    /// base(N) (statistics.md §2): the unit's reported 上年同期; else its own ytd of the same
    /// month last year; else 0 (new build). base(0) = 0.
    @inline(__always)
    func base(slot: Int, unit: Int, month: Int) -> Int64 {
        guard month >= 1 else { return 0 }
        if let reported = current.reportedBase(slot: slot, month: month) { return reported }
        return lastYear?.ytd(unit: unit, month: month) ?? 0
    }

    /// The figures of the unit in `slot` for `month`; the slot must have a ytd then.
    func figures(slot: Int, month: Int) -> UnitFigures {
        let unit = Int(current.units[slot])
        let ytd = current.ytd(slot: slot, month: month)
        let startsYear = month == 1 || (current.merged && month == 2)
        let previous: Int64 =
            !startsYear && current.hasYtd(slot: slot, month: month - 1) ? current.ytd(slot: slot, month: month - 1) : 0
        let base = self.base(slot: slot, unit: unit, month: month)
        let monthBase: Int128
        if let reported = current.reportedBaseMonth(slot: slot, month: month) {
            monthBase = Int128(reported)
        } else if startsYear {
            monthBase = Int128(base)
        } else {
            monthBase = Int128(base) - Int128(self.base(slot: slot, unit: unit, month: month - 1))
        }
        return UnitFigures(ytd: ytd, base: base, month: Int128(ytd) - Int128(previous), monthBase: monthBase)
    }
}
