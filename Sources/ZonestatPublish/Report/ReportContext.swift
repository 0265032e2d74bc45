import ZonestatCore

/// Everything the written report of one period is written from: the period's figures, the
/// zone's history for the charts, and the warnings an analyst must look at.
public struct ReportContext: Sendable, Hashable {
    /// The zone's name, as in the report's title (`XX经济开发区`).
    public var zoneName: String
    /// The period reported on.
    public var period: Period
    /// The indicators in report order, with their display units and precision.
    public var indicators: [IndicatorDefinition]
    /// The period's rows (rows of other periods are ignored).
    public var result: ComputeResult
    /// The zone rows of this year and last year, every period, for the growth charts.
    public var series: [IndicatorRow]
    /// The warnings raised by the data behind the period.
    public var warnings: [PublishedWarning]
    /// A date line for the report's header (`2023年5月10日`), when the caller wants one; the
    /// renderers never read the clock, so identical contexts give identical bytes.
    public var issuedOn: String?

    public init(
        zoneName: String, period: Period, indicators: [IndicatorDefinition], result: ComputeResult,
        series: [IndicatorRow] = [], warnings: [PublishedWarning] = [], issuedOn: String? = nil
    ) {
        self.zoneName = zoneName
        self.period = period
        self.indicators = indicators
        self.result = result
        self.series = series
        self.warnings = warnings
        self.issuedOn = issuedOn
    }

    /// The catalog of ``indicators``.
    var catalog: IndicatorCatalog { IndicatorCatalog(indicators) }

    /// The zone row of `indicator` for the period, if any.
    func zoneRow(_ indicator: String) -> IndicatorRow? {
        result.indicators.first { $0.period == period && $0.scope == .zone && $0.indicator == indicator }
    }

    /// The industry rows of `indicator` for the period, in the core's order.
    func industryRows(_ indicator: String) -> [IndicatorRow] {
        result.indicators.filter { $0.period == period && $0.scope == .industry && $0.indicator == indicator }
    }

    /// The period's targets.
    var targets: [TargetRow] {
        result.targets.filter { $0.period == period }
    }

    /// The period's roster rows.
    var roster: [RosterRow] {
        result.roster.filter { $0.period == period }
    }
}
