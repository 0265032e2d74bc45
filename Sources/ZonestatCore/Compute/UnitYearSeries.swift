/// One indicator's figures for one year, unit by unit: the compact index the kernels read.
///
/// Built once from the facts (``UnitYearSeries/build(_:)``). Only units with a ytd in some
/// month of the year get a slot. Months are bits 0…11 of a `UInt16` mask (January = bit 0);
/// per-month values are at `slot × 12 + month − 1`. Reported bases are kept apart, for the
/// few units that report them (升规 units), so that the common case stays small.
struct UnitYearSeries: Sendable {
    /// Index into `ComputeInput.indicators`.
    let indicator: Int
    let year: Int
    /// 1-2月合并: January is no output period and month(2) is the 1-2月 figure.
    let merged: Bool

    /// The unit (index into `ComputeInput.units`) of each slot, ascending.
    var units: [Int32] = []
    /// The slot of each unit of the input, −1 when the unit has none.
    var slotOfUnit: [Int32]
    /// ytd, given or derived from months (statistics.md §1), per slot and month.
    var ytd: [Int64] = []
    /// The months each slot has a ytd in.
    var ytdMask: [UInt16] = []
    /// Row in the reported-base arrays of each slot, −1 when the unit reports no base.
    var baseRow: [Int32] = []
    /// Reported 上年同期 (base_ytd, or the sum of reported 上年同月), per base row and month.
    var reportedBase: [Int64] = []
    var reportedBaseMask: [UInt16] = []
    /// Reported 上年同月, per base row and month.
    var reportedBaseMonth: [Int64] = []
    var reportedBaseMonthMask: [UInt16] = []
    /// Σ ytd over the units reporting in each month (index month − 1): last year's own scope,
    /// which the required rest-of-year growth reads (statistics.md §4).
    var zoneYtd: [Int128] = Array(repeating: 0, count: 12)
    /// The months any unit has a ytd in.
    var zoneMask: UInt16 = 0

    init(indicator: Int, year: Int, merged: Bool, unitCount: Int) {
        self.indicator = indicator
        self.year = year
        self.merged = merged
        slotOfUnit = Array(repeating: -1, count: unitCount)
    }

    /// The bit of `month` (1…12) in a month mask.
    @inline(__always)
    static func bit(_ month: Int) -> UInt16 { 1 << UInt16(month - 1) }

    /// The months that are output periods: all months with data, but never January of a merged
    /// indicator (its facts are kept, it produces no period).
    var outputMonths: UInt16 {
        merged ? zoneMask & ~1 : zoneMask
    }

    /// The months in which slot `slot` counts as reporting, for the roster (same rule as ``outputMonths``).
    @inline(__always)
    func reportingMonths(slot: Int) -> UInt16 {
        merged ? ytdMask[slot] & ~1 : ytdMask[slot]
    }

    @inline(__always)
    func hasYtd(slot: Int, month: Int) -> Bool {
        ytdMask[slot] & UnitYearSeries.bit(month) != 0
    }

    @inline(__always)
    func ytd(slot: Int, month: Int) -> Int64 {
        ytd[slot &* 12 &+ month &- 1]
    }

    /// The ytd of `unit` in `month`, nil when it has none.
    @inline(__always)
    func ytd(unit: Int, month: Int) -> Int64? {
        let slot = Int(slotOfUnit[unit])
        guard slot >= 0, hasYtd(slot: slot, month: month) else { return nil }
        return ytd(slot: slot, month: month)
    }

    /// The base the unit reported for `month` (base_ytd, or derived from base months), nil when none.
    @inline(__always)
    func reportedBase(slot: Int, month: Int) -> Int64? {
        let row = Int(baseRow[slot])
        guard row >= 0, reportedBaseMask[row] & UnitYearSeries.bit(month) != 0 else { return nil }
        return reportedBase[row &* 12 &+ month &- 1]
    }

    /// The 上年同月 the unit reported for `month`, nil when none.
    @inline(__always)
    func reportedBaseMonth(slot: Int, month: Int) -> Int64? {
        let row = Int(baseRow[slot])
        guard row >= 0, reportedBaseMonthMask[row] & UnitYearSeries.bit(month) != 0 else { return nil }
        return reportedBaseMonth[row &* 12 &+ month &- 1]
    }

    /// Σ ytd over the units reporting in `month`, nil when none reported.
    func zoneYtd(month: Int) -> Int128? {
        zoneMask & UnitYearSeries.bit(month) != 0 ? zoneYtd[month - 1] : nil
    }
}
