import GRDB

/// Stores a file's facts. A value for a key (unit, period, indicator, basis) with no current value
/// is inserted; an equal value changes nothing; a different value supersedes the current one
/// (`superseded_by` = this file), which stays as history.
///
/// Keys of a (period, indicator) the warehouse holds nothing current for — a new month, the
/// nightly case — are inserted without looking anything up.
struct FactWriter {
    let db: Database
    let fileId: Int64

    init(_ db: Database, fileId: Int64) {
        self.db = db
        self.fileId = fileId
    }

    func store(_ facts: [ExtractedFact], unitIds: [Int64], indicatorIds: [Int64]) throws
        -> (new: Int, revised: Int, unchanged: Int)
    {
        let occupied = try occupiedPairs(Set(facts.map(\.period)))
        let insert = try RawStatement(
            db, "INSERT INTO facts(unit_id, period, indicator_id, basis, amount, file_id, line) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let lookup = try RawStatement(
            db,
            """
            SELECT id, amount FROM facts
            WHERE unit_id = ? AND period = ? AND indicator_id = ? AND basis = ? AND superseded_by IS NULL
            """)
        let supersede = try RawStatement(db, "UPDATE facts SET superseded_by = ? WHERE id = ?")
        var new = 0, revised = 0, unchanged = 0
        for fact in facts {
            let unit = unitIds[Int(fact.unit)], indicator = indicatorIds[Int(fact.indicator)]
            let period = Int64(fact.period), basis = Int64(fact.basis.rawValue)
            if occupied.contains(PairKey(period: period, indicator: indicator)) {
                lookup.bind([unit, period, indicator, basis])
                if let current = try lookup.firstRow(columns: 2) {
                    if current[1] == fact.amount.raw {
                        unchanged += 1
                        continue
                    }
                    supersede.bind([fileId, current[0]])
                    try supersede.run()
                    revised += 1
                    new -= 1
                }
            }
            insert.bind([unit, period, indicator, basis, fact.amount.raw, fileId, Int64(fact.line)])
            try insert.run()
            new += 1
        }
        return (new, revised, unchanged)
    }

    private struct PairKey: Hashable {
        var period: Int64
        var indicator: Int64
    }

    /// The (period, indicator) pairs among `periods` that already hold current facts.
    private func occupiedPairs(_ periods: Set<Int32>) throws -> Set<PairKey> {
        var pairs = Set<PairKey>()
        let statement = try db.makeStatement(
            sql: "SELECT DISTINCT indicator_id FROM facts WHERE period = ? AND superseded_by IS NULL")
        for period in periods {
            for indicator in try Int64.fetchAll(statement, arguments: [Int64(period)]) {
                pairs.insert(PairKey(period: Int64(period), indicator: indicator))
            }
        }
        return pairs
    }
}
