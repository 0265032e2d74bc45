import Dispatch
import Synchronization

/// The series of the years being computed: a period reads its own year and the one before
/// (``ComputeNeeds``), so while the periods of year Y are computed only Y's and Y − 1's series
/// are in memory; each year is built once from the reader's columns and dropped when no
/// period reads it any more.
struct SeriesWindow: Sendable {
    /// `series[year][indicator]`, nil when the indicator has no values that year.
    private var series: [Int: [UnitYearSeries?]] = [:]
    /// Per year: the months each unit has a ytd in, for any indicator (never January of a
    /// merged indicator). statistics.md §5: a unit *reports in* N when it has a ytd in N.
    private var reporting: [Int: [UInt16]] = [:]

    /// Builds the series of every indicator in `year` from `reader`'s columns: the reader is
    /// asked on this thread, one indicator at a time, while the indicator before is built on
    /// another. Returns the warnings building raised (overflowing sums).
    mutating func load(
        year: Int, reader: some CurrentValueReader, input: ComputeInput, indicators: [Int], threads: Int
    ) -> [ComputeWarning] {
        let built = BuiltSeries(count: input.indicators.count)
        let group = DispatchGroup()
        let limit = DispatchSemaphore(value: 1)
        for indicator in indicators {
            let columns = reader.columns(indicator: indicator, year: year)
            guard threads > 1 else {
                built.store(UnitYearSeries.build(indicator: indicator, year: year, columns: columns, input: input), at: indicator)
                continue
            }
            // One indicator's columns being built while the next one's are read: at most two in memory.
            limit.wait()
            DispatchQueue.global().async(group: group) {
                defer { limit.signal() }
                built.store(UnitYearSeries.build(indicator: indicator, year: year, columns: columns, input: input), at: indicator)
            }
        }
        group.wait()
        var yearSeries = [UnitYearSeries?](repeating: nil, count: input.indicators.count)
        var warnings: [ComputeWarning] = []
        var months: [UInt16] = []
        for indicator in indicators {
            guard let (indicatorSeries, indicatorWarnings) = built.take(indicator) else { continue }
            warnings += indicatorWarnings
            // A series with no unit (bases only) is kept: last year's figures are then none, not unknown.
            yearSeries[indicator] = indicatorSeries
            guard !indicatorSeries.units.isEmpty else { continue }
            if months.isEmpty { months = Array(repeating: 0, count: input.units.count) }
            for slot in indicatorSeries.units.indices {
                months[Int(indicatorSeries.units[slot])] |= indicatorSeries.reportingMonths(slot: slot)
            }
        }
        series[year] = yearSeries
        reporting[year] = months
        return warnings
    }

    /// Lets go of the years before `year`.
    mutating func drop(before year: Int) {
        for old in series.keys where old < year { series[old] = nil }
        for old in reporting.keys where old < year { reporting[old] = nil }
    }

    /// The series of `indicator` in `year`, nil when it has no values then (or the year is not loaded).
    func series(indicator: Int, year: Int) -> UnitYearSeries? {
        guard let yearSeries = series[year], yearSeries.indices.contains(indicator) else { return nil }
        return yearSeries[indicator]
    }

    /// This year's series of `indicator` with last year's, for bases.
    func pair(indicator: Int, year: Int) -> SeriesPair? {
        guard let current = series(indicator: indicator, year: year) else { return nil }
        return SeriesPair(current: current, lastYear: series(indicator: indicator, year: year - 1))
    }

    /// The months each unit reports in during `year` (empty when no unit reports).
    func reporting(year: Int) -> [UInt16] {
        reporting[year] ?? []
    }
}

/// The series built on other threads, by indicator: each slot written by one build, read
/// after every build has finished (`DispatchGroup.wait`).
private final class BuiltSeries: Sendable {
    private let slots: Mutex<[(UnitYearSeries, [ComputeWarning])?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func store(_ value: (UnitYearSeries, [ComputeWarning]), at index: Int) {
        slots.withLock { $0[index] = value }
    }

    func take(_ index: Int) -> (UnitYearSeries, [ComputeWarning])? {
        slots.withLock { slots in
            defer { slots[index] = nil }
            return slots[index]
        }
    }
}
