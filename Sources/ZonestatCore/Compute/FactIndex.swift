/// The facts indexed once: one ``UnitYearSeries`` per indicator and year, and the months each
/// unit reports in (for any indicator) per year, for the roster.
///
/// Facts are bucketed by (indicator, year) with a counting sort and each bucket is built on
/// its own thread; nothing is keyed by strings and no dictionary is made per fact.
struct FactIndex: Sendable {
    /// The years with facts, ascending.
    let years: [Int]
    /// `series[indicator][year position]`, nil when the indicator has no facts that year or
    /// the year is not needed.
    let series: [[UnitYearSeries?]]
    /// `ytdMonths[indicator][year position]`: the months in which some unit has a ytd (given,
    /// or derived from a month), for every year, needed or not.
    let ytdMonths: [[UInt16]]
    /// Per year position: the months each unit has a ytd in, for any indicator (never January
    /// of a merged indicator). statistics.md §5: a unit *reports in* N when it has a ytd in N.
    let reporting: [[UInt16]]
    /// Duplicate facts, facts pointing at no unit or indicator, sums that overflowed.
    let warnings: [ComputeWarning]

    /// Indexes the facts of `input`; series are built only for `years` (all when nil), the
    /// rest of the history only tells which months have data.
    init(input: ComputeInput, threads: Int, years needed: Set<Int>? = nil) {
        let indicatorCount = input.indicators.count
        let unitCount = input.units.count
        var warnings: [ComputeWarning] = []
        var valid = Array(repeating: false, count: input.facts.count)
        var minYear = Int.max
        var maxYear = Int.min
        for (offset, fact) in input.facts.enumerated() {
            guard (0..<unitCount).contains(Int(fact.unit)), (0..<indicatorCount).contains(Int(fact.indicator)) else {
                warnings.append(.factOutOfRange(fact, units: unitCount, indicators: input.indicators))
                continue
            }
            valid[offset] = true
            minYear = min(minYear, fact.period.year)
            maxYear = max(maxYear, fact.period.year)
        }
        guard minYear <= maxYear else {
            years = []
            series = Array(repeating: [], count: indicatorCount)
            ytdMonths = Array(repeating: [], count: indicatorCount)
            reporting = []
            self.warnings = warnings
            return
        }
        var yearPosition = Array(repeating: -1, count: maxYear - minYear + 1)
        for (offset, fact) in input.facts.enumerated() where valid[offset] {
            yearPosition[fact.period.year - minYear] = 0
        }
        var years: [Int] = []
        for offset in yearPosition.indices where yearPosition[offset] == 0 {
            yearPosition[offset] = years.count
            years.append(minYear + offset)
        }
        let yearCount = years.count

        // Bucket the fact indices by (indicator, year), facts of unneeded years left out.
        let bucketCount = indicatorCount * yearCount
        let wanted = years.map { needed?.contains($0) ?? true }
        var months = Array(repeating: Array(repeating: UInt16(0), count: yearCount), count: indicatorCount)
        var starts = Array(repeating: 0, count: bucketCount + 1)
        for (offset, fact) in input.facts.enumerated() where valid[offset] {
            let position = yearPosition[fact.period.year - minYear]
            if fact.basis == .ytd || fact.basis == .month {
                months[Int(fact.indicator)][position] |= UnitYearSeries.bit(fact.period.month)
            }
            guard wanted[position] else {
                valid[offset] = false
                continue
            }
            starts[Int(fact.indicator) * yearCount + position + 1] += 1
        }
        for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
        var fill = starts
        var bucketed = Array(repeating: 0, count: starts[bucketCount])
        for (offset, fact) in input.facts.enumerated() where valid[offset] {
            let bucket = Int(fact.indicator) * yearCount + yearPosition[fact.period.year - minYear]
            bucketed[fill[bucket]] = offset
            fill[bucket] += 1
        }

        let bucketStarts = starts
        let bucketFacts = bucketed
        let bucketYears = years
        let built = ParallelJobs.map(count: bucketCount, threads: threads) { bucket -> (UnitYearSeries, [ComputeWarning])? in
            let range = bucketStarts[bucket]..<bucketStarts[bucket + 1]
            guard !range.isEmpty else { return nil }
            return UnitYearSeries.build(
                indicator: bucket / yearCount, year: bucketYears[bucket % yearCount],
                factIndices: bucketFacts[range], input: input)
        }
        var series: [[UnitYearSeries?]] = Array(repeating: Array(repeating: nil, count: yearCount), count: indicatorCount)
        var reporting = Array(repeating: [UInt16](), count: yearCount)
        for (bucket, result) in built.enumerated() {
            guard let (bucketSeries, bucketWarnings) = result else { continue }
            warnings += bucketWarnings
            let year = bucket % yearCount
            if reporting[year].isEmpty { reporting[year] = Array(repeating: 0, count: unitCount) }
            for slot in bucketSeries.units.indices {
                reporting[year][Int(bucketSeries.units[slot])] |= bucketSeries.reportingMonths(slot: slot)
            }
            series[bucket / yearCount][year] = bucketSeries
        }
        self.years = years
        self.series = series
        ytdMonths = months
        self.reporting = reporting
        self.warnings = warnings
    }

    /// The position of `year` in ``years``.
    func position(of year: Int) -> Int? {
        guard let first = years.first, year >= first, year <= years[years.count - 1] else { return nil }
        var low = 0
        var high = years.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if years[middle] == year { return middle }
            if years[middle] < year { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The series of `indicator` in `year`, nil when it has no facts then.
    func series(indicator: Int, year: Int) -> UnitYearSeries? {
        guard let position = position(of: year), indicator < series.count else { return nil }
        return series[indicator][position]
    }

    /// This year's series of `indicator` with last year's, for bases.
    func pair(indicator: Int, year: Int) -> SeriesPair? {
        guard let current = series(indicator: indicator, year: year) else { return nil }
        return SeriesPair(current: current, lastYear: series(indicator: indicator, year: year - 1))
    }

    /// The months each unit reports in during `year` (empty when no unit reports).
    func reporting(year: Int) -> [UInt16] {
        guard let position = position(of: year) else { return [] }
        return reporting[position]
    }
}
