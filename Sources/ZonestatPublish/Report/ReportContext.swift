import ZonestatCore

/// Everything the written report of one period is written from: the period's figures, the
/// zone's history for the charts, and the warnings an analyst must look at.
public struct ReportContext: Sendable, Hashable {
    /// The zone's name, as in the report's title (`XX经济开发区`).
    public var zoneName: String
    /// The period reported on.
    public var period: Period {
        didSet { rows = PeriodRows(result, period: period) }
    }
    /// The indicators in report order, with their display units and precision.
    public var indicators: [IndicatorDefinition]
    /// The period's rows (rows of other periods are ignored).
    public var result: ComputeResult {
        didSet { rows = PeriodRows(result, period: period) }
    }
    /// The zone rows of this year and last year, every period, for the growth charts.
    public var series: [IndicatorRow]
    /// The warnings raised by the data behind the period.
    public var warnings: [PublishedWarning]
    /// The period's values superseded by corrections (revisions.csv).
    public var revisions: [PublishedRevision] = []
    /// The period's published figures that moved when it was published again (changes.csv),
    /// oldest publication first.
    public var changes: [PublishedChange] = []
    /// The correction files behind the period's figures (this year to the period, and last
    /// year's same months), with the number of values each revised, in ingestion order.
    public var revisingFiles: [RevisingFile] = []
    /// Each reporting unit's details (name, industry, area) by ``UnitInfo/id``: the unit
    /// blocks' rows are named from here, and the units the report names (``units(codes:)``).
    public var unitsById: [Int64: UnitInfo] = [:]
    /// How many of the largest units the report names per indicator (the pipeline file's
    /// `key_units`); an indicator not listed gets none.
    public var keyUnits: [String: Int] = ReportContext.defaultKeyUnits
    /// Whether the warehouse holds last year's data: without it there are no new units, no
    /// increments, no growth and no breadth to report (a zone's first year).
    public var hasPreviousYear = true
    /// A date line for the report's header (`2023年5月10日`), when the caller wants one; the
    /// renderers never read the clock, so identical contexts give identical bytes.
    public var issuedOn: String?
    /// Where the period's rows are in ``result``: kept in step with it and ``period``.
    private(set) var rows: PeriodRows

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
        self.rows = PeriodRows(result, period: period)
    }

    /// `key_units` when the pipeline file says nothing: 10 for output value and tax.
    public static let defaultKeyUnits = ["output_value": 10, "tax": 10]

    /// The catalog of ``indicators``.
    var catalog: IndicatorCatalog { IndicatorCatalog(indicators) }

    /// The zone row of `indicator` for the period, if any.
    func zoneRow(_ indicator: String) -> IndicatorRow? {
        rows.zone[indicator].map { result.indicators[$0] }
    }

    /// The industry rows of `indicator` for the period, in the core's order.
    func industryRows(_ indicator: String) -> [IndicatorRow] {
        (rows.industries[indicator] ?? []).map { result.indicators[$0] }
    }

    /// The area rows of `indicator` for the period, in the core's order.
    func areaRows(_ indicator: String) -> [IndicatorRow] {
        (rows.areas[indicator] ?? []).map { result.indicators[$0] }
    }

    /// The units of `codes` (credit codes) by code: the few the report names, found in one
    /// pass over ``unitsById`` rather than a second dictionary of every unit.
    func units(codes: some Sequence<String>) -> [String: UnitInfo] {
        let wanted = Set(codes)
        var found: [String: UnitInfo] = [:]
        guard !wanted.isEmpty else { return found }
        for unit in unitsById.values where wanted.contains(unit.code) {
            // The lowest id when two share a code (none do: credit codes are unique).
            if let kept = found[unit.code], kept.id < unit.id { continue }
            found[unit.code] = unit
        }
        return found
    }

    /// The unit rows of `indicator` for the period, in the core's order, derived from its
    /// block: the one place the report reads unit rows from.
    func unitRows(_ indicator: String) -> [IndicatorRow] {
        rows.units[indicator].map { result.unitBlocks[$0].rows(unitsById) } ?? []
    }

    /// The period's unit blocks, in the core's order (units.csv, the workbook's unit sheet).
    var periodUnitBlocks: [UnitResultBlock] {
        rows.unitBlocks.map { result.unitBlocks[$0] }
    }

    /// The zone row of `indicator` for the period before this one in the same year (the
    /// series, or the result), if any.
    func previousZoneRow(_ indicator: String) -> IndicatorRow? {
        guard let previous = Period(year: period.year, month: period.month - 1) else { return nil }
        return series.first { $0.scope == .zone && $0.indicator == indicator && $0.period == previous }
            ?? result.indicators.first { $0.scope == .zone && $0.indicator == indicator && $0.period == previous }
    }

    /// The period's indicator rows, in the core's order.
    var periodIndicators: [IndicatorRow] {
        rows.onlyThisPeriod ? result.indicators : result.indicators.filter { $0.period == period }
    }

    /// The period's targets.
    var targets: [TargetRow] { rows.targets }

    /// The period's roster rows.
    var roster: [RosterRow] { rows.roster }
}
