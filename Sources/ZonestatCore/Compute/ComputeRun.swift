/// One run of the compute core: the periods planned from the reader's keys, then year by year
/// the series read and built (``SeriesWindow``) and parallel jobs (one per indicator and
/// period, one per period's roster) whose outputs are merged serially in a fixed order (see
/// ComputeRun+Execution.swift).
struct ComputeRun: Sendable {
    let input: ComputeInput
    let options: ComputeOptions
    let catalog: UnitCatalog
    let index: FactIndex
    let calendar: PeriodCalendar
    let deflator: PriceDeflator
    let plan: TargetPlan
    let ordering: ComputeOrdering
    /// Index of the indicator breadth is measured on, nil when there are no indicators.
    let breadthIndicator: Int?
    /// Warnings raised before any period is computed, by period (nil: not tied to one).
    let setupWarnings: [Period?: [ComputeWarning]]

    /// A unit of parallel work.
    enum Job: Sendable {
        case indicator(Int, Period)
        case roster(Period)
    }

    /// What a job produces.
    enum JobOutput: Sendable {
        case indicator(Int, IndicatorPeriodOutput)
        case roster(rows: [RosterRow], newUnits: Int)
    }

    /// `keys` are the reader's; `readerWarnings` what reading raised before any value was used.
    init(input: ComputeInput, keys: [FactColumnKey], readerWarnings: [ComputeWarning] = [], options: ComputeOptions) {
        self.input = input
        self.options = options
        catalog = UnitCatalog(units: input.units)
        index = FactIndex(keys: keys, indicatorCount: input.indicators.count)
        calendar = PeriodCalendar(index: index, indicators: input.indicators, options: options)
        deflator = PriceDeflator(indices: input.priceIndices)
        plan = TargetPlan(targets: input.targets, indicators: input.indicators)
        ordering = ComputeOrdering(indicators: input.indicators)
        let breadthId = options.breadthIndicator
        breadthIndicator = input.indicators.firstIndex { $0.id == breadthId } ?? (input.indicators.isEmpty ? nil : 0)
        var setup: [Period?: [ComputeWarning]] = [:]
        for warning in readerWarnings + deflator.warnings + plan.warnings {
            guard warning.period.map(options.includes) ?? true else { continue }
            setup[warning.period, default: []].append(warning)
        }
        // A conflict no period shows would otherwise go unreported.
        let (entries, calendar) = (plan.entries, calendar)
        for conflict in plan.conflicts {
            let shown =
                entries.first { $0.indicator == conflict.indicator }?.indicatorIndex.map {
                    calendar.hasOutput(indicator: $0, year: conflict.year)
                } ?? calendar.hasOutput(year: conflict.year)
            if !shown {
                setup[nil, default: []].append(
                    .targetConflict(
                        period: nil, year: conflict.year, indicator: conflict.indicator, kind: conflict.kind,
                        listing: conflict.listing))
            }
        }
        setupWarnings = setup
    }

    /// The kernel of an indicator job; nil only if the period had no series (never: the
    /// calendar takes periods from the series).
    func kernel(indicator: Int, period: Period, window: SeriesWindow) -> IndicatorPeriodKernel? {
        guard let pair = window.pair(indicator: indicator, year: period.year) else { return nil }
        let total = input.indicators[indicator].subsetOf.flatMap { id in
            input.indicators.firstIndex { $0.id == id }.flatMap { window.series(indicator: $0, year: period.year) }
        }
        return IndicatorPeriodKernel(
            input: input, catalog: catalog, pair: pair, total: total, deflator: deflator, period: period)
    }

    /// Runs one job.
    func perform(_ job: Job, window: SeriesWindow) -> JobOutput {
        switch job {
        case .indicator(let indicator, let period):
            guard let kernel = kernel(indicator: indicator, period: period, window: window) else {
                let nothing = ZoneFigures(ytd: .zero, base: .zero, growth: nil, comparableYtd: .zero)
                return .indicator(indicator, IndicatorPeriodOutput(warnings: [], zone: nothing))
            }
            return .indicator(indicator, kernel.run())
        case .roster(let period):
            let lastMonth = calendar.latestReportingMonth[period.year - 1]
            let kernel = RosterKernel(
                input: input, catalog: catalog, period: period, reporting: window.reporting(year: period.year),
                lastYearReporting: lastMonth == nil ? [] : window.reporting(year: period.year - 1),
                lastYearMonth: lastMonth,
                breadth: breadthIndicator.flatMap { window.pair(indicator: $0, year: period.year) },
                breadthIndicator: breadthIndicator.map { input.indicators[$0].id } ?? options.breadthIndicator,
                deflator: deflator)
            let (rows, newUnits) = kernel.run()
            return .roster(rows: rows, newUnits: newUnits)
        }
    }
}
