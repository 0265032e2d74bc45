/// Finds a wide file's repeated (unit, period) rows, whose values may repeat keys — without
/// a key per value for every row.
///
/// A row's values are all of one unit and period, so a key can only repeat in a row whose
/// (unit, period) an earlier row had: the first row of each is remembered with the facts it
/// gave, and only a repeated one goes through a ``DuplicateDetector``, seeded with those
/// facts — the keys a detector fed with every value would hold by then.
struct UnitPeriodRows {
    /// A first row: its period and its facts (start in `ParsedFile.facts`, count).
    private struct FirstRow {
        var period: Int32
        var start: Int32
        var count: Int32
    }

    /// The first row of each unit, by unit index: the only row of most units, found without
    /// hashing.
    private var firstOfUnit: [FirstRow] = []
    /// The first rows of a unit's other periods (files of several months).
    private var firstOfOtherPeriods: [UInt64: FirstRow] = [:]
    private var repeated: [UInt64: DuplicateDetector] = [:]

    private static func key(unit: Int32, period: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: unit)) << 32 | UInt64(UInt32(bitPattern: period))
    }

    /// Records that a row of (unit, period) gives `count` facts from `start`, if it is the
    /// first row of them; false when an earlier row had them (nothing is recorded then).
    /// Units are indexed in order of first appearance, so a new unit is the next index.
    mutating func claim(unit: Int32, period: Int32, start: Int, count: Int) -> Bool {
        let row = FirstRow(period: period, start: Int32(start), count: Int32(count))
        let position = Int(unit)
        if position == firstOfUnit.count {
            firstOfUnit.append(row)
            return true
        }
        if position < firstOfUnit.count, firstOfUnit[position].period == period { return false }
        let key = UnitPeriodRows.key(unit: unit, period: period)
        guard let earlier = firstOfOtherPeriods.updateValue(row, forKey: key) else { return true }
        firstOfOtherPeriods[key] = earlier
        return false
    }

    /// The detector for a repeated (unit, period), knowing every key its earlier rows gave.
    mutating func detector(unit: Int32, period: Int32, facts: [ExtractedFact]) -> DuplicateDetector {
        let key = UnitPeriodRows.key(unit: unit, period: period)
        if let detector = repeated[key] { return detector }
        var detector = DuplicateDetector()
        let position = Int(unit)
        let first =
            position < firstOfUnit.count && firstOfUnit[position].period == period
            ? firstOfUnit[position] : firstOfOtherPeriods[key]
        if let first {
            for fact in facts[Int(first.start)..<Int(first.start + first.count)] {
                _ = detector.firstLine(
                    unit: fact.unit, period: fact.period, indicator: fact.indicator, basis: fact.basis.rawValue,
                    line: fact.line)
            }
        }
        return detector
    }

    /// Keeps a repeated (unit, period)'s detector for its next row.
    mutating func store(_ detector: DuplicateDetector, unit: Int32, period: Int32) {
        repeated[UnitPeriodRows.key(unit: unit, period: period)] = detector
    }
}
