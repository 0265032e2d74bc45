/// The zone's figures of one indicator and period that targets are measured against.
struct ZoneFigures: Sendable {
    var ytd: AmountSum
    /// B_N, the same-caliber base (statistics.md §4).
    var base: AmountSum
    /// The zone's ytd growth (at comparable prices when deflated), nil when undefined.
    var growth: Ratio?
    /// ytd in raw steps, at comparable prices when deflated: what a rate target's required
    /// rest-of-year growth starts from ((1 + g)·B_N).
    var comparableYtd: Ratio
}

/// What computing one indicator for one period produces besides its rows.
struct IndicatorPeriodOutput: Sendable {
    /// The zone's row, then the industry and area rows, in row order.
    var rows: [IndicatorRow] = []
    var warnings: [ComputeWarning]
    var zone: ZoneFigures
    /// The units' figures (nil for a job without a series).
    var units: UnitResultBlock?
}
