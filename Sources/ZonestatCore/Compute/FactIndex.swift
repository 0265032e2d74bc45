/// What the current values hold, known before any value is read: the years with values and,
/// per indicator and year, the months in which some unit has a ytd (given, or summed from a
/// month: statistics.md §1), which the periods are planned from (``PeriodCalendar``).
///
/// Built from the reader's keys alone; the values themselves are read a year at a time
/// (``SeriesWindow``).
struct FactIndex: Sendable {
    /// The years with values, ascending.
    let years: [Int]
    /// `ytdMonths[indicator][year position]`: the months in which some unit has a ytd.
    let ytdMonths: [[UInt16]]
    /// Per year: the indicators with values of any basis, ascending.
    let indicatorsIn: [Int: [Int]]

    init(keys: [FactColumnKey], indicatorCount: Int) {
        let withValues = keys.filter { $0.count > 0 && (0..<indicatorCount).contains($0.indicator) }
        years = Set(withValues.map(\.period.year)).sorted()
        var months = Array(repeating: Array(repeating: UInt16(0), count: years.count), count: indicatorCount)
        var positions: [Int: Int] = [:]
        for (position, year) in years.enumerated() { positions[year] = position }
        for key in withValues where key.basis == .ytd || key.basis == .month {
            guard let position = positions[key.period.year] else { continue }
            months[key.indicator][position] |= UnitYearSeries.bit(key.period.month)
        }
        ytdMonths = months
        var indicatorsIn: [Int: Set<Int>] = [:]
        for key in withValues { indicatorsIn[key.period.year, default: []].insert(key.indicator) }
        self.indicatorsIn = indicatorsIn.mapValues { $0.sorted() }
    }
}
