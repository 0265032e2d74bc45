/// Running the jobs of some periods: rows are counted first, then every indicator job writes
/// its rows in place into one pre-sized buffer (no copies of rows between arrays).
extension ComputeRun {
    /// The jobs of some periods, in result order, with where each indicator job writes.
    struct Plan {
        var jobs: [Job]
        /// Rows each job writes (0 for a roster job).
        var rowCounts: [Int]
        /// Where each job's rows start.
        var offsets: [Int]
        var total: Int
    }

    /// The jobs of `periods`: per period, one per indicator with an output (in input order),
    /// then its roster.
    func plan(_ periods: [Period]) -> Plan {
        var jobs: [Job] = []
        for period in periods {
            for indicator in calendar.indicatorsAt[period] ?? [] { jobs.append(.indicator(indicator, period)) }
            jobs.append(.roster(period))
        }
        let frozen = jobs
        let counts = ParallelJobs.map(count: jobs.count, threads: options.workerCount) { offset -> Int in
            guard case .indicator(let indicator, let period) = frozen[offset] else { return 0 }
            return kernel(indicator: indicator, period: period)?.rowCount() ?? 0
        }
        var offsets: [Int] = []
        var total = 0
        for count in counts {
            offsets.append(total)
            total += count
        }
        return Plan(jobs: jobs, rowCounts: counts, offsets: offsets, total: total)
    }

    /// Runs the plan's jobs in parallel, writing indicator rows into `rows` (of capacity
    /// `plan.total`). Returns each job's output and how many rows are initialized, contiguously
    /// from the start.
    func execute(_ plan: Plan, into rows: UnsafeMutableBufferPointer<IndicatorRow>) -> (outputs: [JobOutput], initialized: Int) {
        let address = RowBufferAddress(base: rows.baseAddress)
        let executed = ParallelJobs.map(count: plan.jobs.count, threads: options.workerCount) { offset in
            var writer = address.writer(offset: plan.offsets[offset], count: plan.rowCounts[offset])
            let output = perform(plan.jobs[offset], writer: &writer)
            return (output, writer.written, writer.dropped)
        }
        var outputs: [JobOutput] = []
        var cursor = 0
        for (offset, (output, written, dropped)) in executed.enumerated() {
            // Closes any gap a miscounted job left, so the initialized rows stay contiguous.
            if cursor != plan.offsets[offset], written > 0, let base = rows.baseAddress {
                (base + cursor).moveInitialize(from: base + plan.offsets[offset], count: written)
            }
            cursor += written
            guard written != plan.rowCounts[offset] || dropped > 0, case .indicator(let indicator, var computed) = output,
                case .indicator(_, let period) = plan.jobs[offset]
            else {
                outputs.append(output)
                continue
            }
            computed.warnings.append(
                ComputeWarning(
                    period: period, indicator: input.indicators[indicator].id, code: "row_count_mismatch", scope: "zone",
                    message: "\(written + dropped) rows computed where \(plan.rowCounts[offset]) were counted; "
                        + "\(dropped) dropped — a defect of the compute core"))
            outputs.append(.indicator(indicator, computed))
        }
        return (outputs, cursor)
    }

    /// The rows of `plan`, and its jobs' outputs.
    func rowsAndOutputs(_ plan: Plan) -> (rows: [IndicatorRow], outputs: [JobOutput]) {
        var outputs: [JobOutput] = []
        let rows = [IndicatorRow](unsafeUninitializedCapacity: plan.total) { buffer, initialized in
            let executed = execute(plan, into: buffer)
            outputs = executed.outputs
            initialized = executed.initialized
        }
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

    /// Every selected period at once, rows written straight into the result.
    func computeAll() -> ComputeResult {
        let periods = calendar.periods
        let (rows, outputs) = rowsAndOutputs(plan(periods))
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
            let (rows, outputs) = rowsAndOutputs(plan([period]))
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
