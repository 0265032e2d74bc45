/// One unit's figures for one indicator and period: what every scope sums (statistics.md §1–2).
struct UnitFigures {
    /// ytd(N), given or derived.
    var ytd: Int64
    /// base(N), same caliber.
    var base: Int64
    /// ytd(N) − ytd(N−1), with ytd(N−1) = 0 when the unit did not report in N−1; for `YYYY-02`
    /// of a merged indicator, ytd(2).
    var month: Int128
    /// The reported 上年同月, else base(N) − base(N−1); for a merged indicator at 2, base(2).
    var monthBase: Int128
}
