/// Running the jobs year by year: the year's series loaded (and the year before kept), then its
/// periods' jobs in parallel, each returning its own rows (a zone, its industries and areas: a
/// few dozen), joined in job order; the units travel as blocks.
extension ComputeRun {
    /// The jobs of `periods`: per period, one per indicator with an output (in input order),
    /// then its roster.
    func jobs(_ periods: [Period]) -> [Job] {
        var jobs: [Job] = []
        for period in periods {
            for indicator in calendar.indicatorsAt[period] ?? [] { jobs.append(.indicator(indicator, period)) }
            jobs.append(.roster(period))
        }
        return jobs
    }

    /// Runs `jobs` in parallel; the rows of their outputs in job order (the result's order,
    /// whatever the thread count), and the outputs.
    func rowsAndOutputs(_ jobs: [Job], window: SeriesWindow) -> (rows: [IndicatorRow], outputs: [JobOutput]) {
        let outputs = ParallelJobs.map(count: jobs.count, threads: options.workerCount) { perform(jobs[$0], window: window) }
        var rows: [IndicatorRow] = []
        rows.reserveCapacity(outputs.reduce(0) { count, output in
            if case .indicator(_, let computed) = output { return count + computed.rows.count }
            return count
        })
        for case .indicator(_, let computed) in outputs { rows += computed.rows }
        return (rows, outputs)
    }

    /// Everything but the indicator rows of one period, from its jobs' outputs and the
    /// warnings raised for it before: roster, targets, and the period's warnings, sorted.
    func periodParts(
        _ period: Period, outputs: ArraySlice<JobOutput>, window: SeriesWindow, warnings before: [ComputeWarning]
    ) -> ComputeResult {
        var result = ComputeResult()
        var warnings = before
        var zone: [Int: ZoneFigures] = [:]
        var newUnits: Int?
        for output in outputs {
            switch output {
            case .indicator(let indicator, let computed):
                warnings += computed.warnings
                zone[indicator] = computed.zone
                if let units = computed.units { result.unitBlocks.append(units) }
            case .roster(let rows, let count):
                result.roster += rows
                newUnits = count
            }
        }
        let targets = TargetEvaluator(plan: self.plan, window: window, period: period, zone: zone, newUnits: newUnits).run()
        result.targets = targets.rows
        result.warnings = ordering.sorted(warnings + targets.warnings)
        return result
    }

    /// The years whose series are built, ascending: every year with values, or, for some
    /// periods, their years and the years before (``ComputeNeeds/seriesYears(_:)``).
    var seriesYears: [Int] {
        let wanted = options.periods.map(ComputeNeeds.seriesYears)
        return index.years.filter { wanted?.contains($0) ?? true }
    }

    /// Year by year: the series of the year loaded from `reader` (the year before kept, older
    /// ones let go), then `body` with the year's periods, in ascending order. Returns the
    /// warnings tied to no computed period.
    func byYear(
        reader: some CurrentValueReader, _ body: (_ periods: [Period], SeriesWindow, inout [Period?: [ComputeWarning]]) throws -> Void
    ) rethrows -> [ComputeWarning] {
        var window = SeriesWindow()
        var pending = setupWarnings
        for year in seriesYears {
            window.drop(before: year - 1)
            let raised = window.load(
                year: year, reader: reader, input: input, indicators: index.indicatorsIn[year] ?? [],
                threads: options.workerCount)
            for warning in raised where warning.period.map(options.includes) ?? true {
                pending[warning.period, default: []].append(warning)
            }
            try body(calendar.periods.filter { $0.year == year }, window, &pending)
        }
        // What is left was raised for no period, or for one not computed.
        return ordering.sorted(pending.values.flatMap { $0 })
    }

    /// Every selected period at once.
    func computeAll(reader: some CurrentValueReader) -> ComputeResult {
        var result = ComputeResult()
        let leftover = byYear(reader: reader) { periods, window, pending in
            let (rows, outputs) = rowsAndOutputs(jobs(periods), window: window)
            result.indicators += rows
            var start = 0
            for period in periods {
                let count = (calendar.indicatorsAt[period]?.count ?? 0) + 1
                let parts = periodParts(
                    period, outputs: outputs[start..<start + count], window: window, warnings: pending[period] ?? [])
                pending[period] = nil
                start += count
                result.unitBlocks += parts.unitBlocks
                result.targets += parts.targets
                result.roster += parts.roster
                result.warnings += parts.warnings
            }
        }
        result.warnings = ordering.sorted(result.warnings + leftover)
        return result
    }

    /// Period by period, each handed to `body` as soon as it is computed.
    func stream(reader: some CurrentValueReader, _ body: (Period, ComputeResult) throws -> Void) rethrows -> [ComputeWarning] {
        try byYear(reader: reader) { periods, window, pending in
            for period in periods {
                let (rows, outputs) = rowsAndOutputs(jobs([period]), window: window)
                var result = periodParts(period, outputs: outputs[...], window: window, warnings: pending[period] ?? [])
                pending[period] = nil
                result.indicators = rows
                try body(period, result)
            }
        }
    }
}
