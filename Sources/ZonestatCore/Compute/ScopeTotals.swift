/// The sums of one scope (zone, industry, area or unit) over its units for one period.
struct ScopeTotals {
    /// Units of the scope reporting in the period.
    var units = 0
    var ytd: Int128 = 0
    var base: Int128 = 0
    var month: Int128 = 0
    var monthBase: Int128 = 0
    /// Σ ytd at comparable prices, in 1/``DeflationTable/scale`` raw steps (0 unless deflated).
    var real: Int128 = 0

    @inline(__always)
    mutating func add(_ figures: UnitFigures, real: Int128) {
        units += 1
        ytd += Int128(figures.ytd)
        base += Int128(figures.base)
        month += figures.month
        monthBase += figures.monthBase
        self.real += real
    }

    /// The totals of a single unit.
    init(_ figures: UnitFigures, real: Int128) {
        add(figures, real: real)
    }

    init() {}
}
