/// Running the jobs of some periods in parallel: each job returns its own rows (a zone, its
/// industries and areas: a few dozen), joined in job order; the units travel as blocks.
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
    func rowsAndOutputs(_ jobs: [Job]) -> (rows: [IndicatorRow], outputs: [JobOutput]) {
        let outputs = ParallelJobs.map(count: jobs.count, threads: options.workerCount) { perform(jobs[$0]) }
        var rows: [IndicatorRow] = []
        rows.reserveCapacity(outputs.reduce(0) { count, output in
            if case .indicator(_, let computed) = output { return count + computed.rows.count }
            return count
        })
        for case .indicator(_, let computed) in outputs { rows += computed.rows }
        return (rows, outputs)
    }

    /// Everything but the indicator rows of one period, from its jobs' outputs: roster,
    /// targets, and the period's warnings, sorted.
    func periodParts(_ period: Period, outputs: ArraySlice<JobOutput>) -> ComputeResult {
        var result = ComputeResult()
        var warnings = setupWarnings[period] ?? []
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
        let targets = TargetEvaluator(plan: self.plan, index: index, period: period, zone: zone, newUnits: newUnits).run()
        result.targets = targets.rows
        result.warnings = ordering.sorted(warnings + targets.warnings)
        return result
    }

    /// Every selected period at once.
    func computeAll() -> ComputeResult {
        let periods = calendar.periods
        let (rows, outputs) = rowsAndOutputs(jobs(periods))
        var result = ComputeResult(indicators: rows)
        var start = 0
        for period in periods {
            let count = (calendar.indicatorsAt[period]?.count ?? 0) + 1
            let parts = periodParts(period, outputs: outputs[start..<start + count])
            start += count
            result.unitBlocks += parts.unitBlocks
            result.targets += parts.targets
            result.roster += parts.roster
            result.warnings += parts.warnings
        }
        result.warnings = ordering.sorted(result.warnings + leftoverWarnings())
        return result
    }

    /// Period by period, each handed to `body` as soon as it is computed.
    func stream(_ body: (Period, ComputeResult) throws -> Void) rethrows -> [ComputeWarning] {
        for period in calendar.periods {
            let (rows, outputs) = rowsAndOutputs(jobs([period]))
            var result = periodParts(period, outputs: outputs[...])
            result.indicators = rows
            try body(period, result)
        }
        return leftoverWarnings()
    }

    /// The setup warnings tied to no computed period.
    func leftoverWarnings() -> [ComputeWarning] {
        let computed = Set(calendar.periods)
        var leftover: [ComputeWarning] = []
        for (period, warnings) in setupWarnings where period.map({ !computed.contains($0) }) ?? true {
            leftover += warnings
        }
        return ordering.sorted(leftover)
    }
}
