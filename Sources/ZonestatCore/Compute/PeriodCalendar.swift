/// Which periods exist: the output periods of each indicator, the periods to compute, and
/// the month last year's roster is taken from.
///
/// An indicator's output periods are the months in which any unit has a ytd for it, never
/// January of a merged (1-2月) indicator (statistics.md §1).
struct PeriodCalendar: Sendable {
    /// Every output period of each indicator, ascending, whatever the options select.
    let allPeriods: [[Period]]
    /// The periods to compute (selected by the options, with an output row), ascending.
    let periods: [Period]
    /// The indicators with an output at each period to compute, in input order.
    let indicatorsAt: [Period: [Int]]
    /// Per year: the latest month in which any unit reports (for last year's roster).
    let latestReportingMonth: [Int: Int]

    init(index: FactIndex, indicators: [IndicatorDefinition], options: ComputeOptions) {
        var allPeriods = Array(repeating: [Period](), count: indicators.count)
        var indicatorsAt: [Period: [Int]] = [:]
        var latest: [Int: Int] = [:]
        for indicator in indicators.indices {
            for (position, year) in index.years.enumerated() {
                let ytdMonths = index.ytdMonths[indicator][position]
                let months = indicators[indicator].mergeJanFeb ? ytdMonths & ~1 : ytdMonths
                for month in 1...12 where months & UnitYearSeries.bit(month) != 0 {
                    guard let period = Period(year: year, month: month) else { continue }
                    allPeriods[indicator].append(period)
                    latest[year] = max(latest[year] ?? 0, month)
                    if options.includes(period) { indicatorsAt[period, default: []].append(indicator) }
                }
            }
        }
        self.allPeriods = allPeriods
        self.indicatorsAt = indicatorsAt
        periods = indicatorsAt.keys.sorted()
        latestReportingMonth = latest
    }

    /// Whether `indicator` has an output at any period of `year` (options aside).
    func hasOutput(indicator: Int, year: Int) -> Bool {
        allPeriods[indicator].contains { $0.year == year }
    }

    /// Whether any indicator has an output at any period of `year` (options aside).
    func hasOutput(year: Int) -> Bool {
        allPeriods.indices.contains { hasOutput(indicator: $0, year: year) }
    }
}
