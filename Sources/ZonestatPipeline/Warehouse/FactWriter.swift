import GRDB

/// Stores a file's facts. A value for a key (unit, period, indicator, basis) with no current value
/// is inserted; an equal value changes nothing; a different value supersedes the current one
/// (`superseded_by` = this file), which stays as history.
///
/// Keys of a (period, indicator) the warehouse holds nothing current for — a new month, the
/// nightly case — are inserted without looking anything up.
///
/// Facts are written in the order of `facts_current` (period, unit, indicator, basis), so that
/// the index grows at its end or along one path instead of splitting pages all over, and new
/// rows go in multi-row INSERTs, which spend SQLite's fixed cost per statement (step, cursors,
/// halt) once per ``InsertBatch/rows`` rows.
struct FactWriter {
    let db: Database
    let fileId: Int64

    init(_ db: Database, fileId: Int64) {
        self.db = db
        self.fileId = fileId
    }

    /// What ``store(_:order:unitIds:indicatorIds:)`` did.
    struct Stored {
        var new: Int
        var revised: Int
        var unchanged: Int
        /// The facts that superseded a different value.
        var revisedFacts: [Int32]
        /// The facts whose key held a current value (equal or not): none for a new month.
        var heldFacts: [Int32]
    }

    /// Stores `facts`, visiting them in `order` (see ``keyOrder(_:unitIds:indicatorIds:)``).
    func store(_ facts: [ExtractedFact], order: [Int32], unitIds: [Int64], indicatorIds: [Int64]) throws
        -> Stored
    {
        var periods = Set<Int32>(), indicators = Set<Int16>()
        for fact in facts {
            periods.insert(fact.period)
            indicators.insert(fact.indicator)
        }
        let occupied = try FactWriter.occupiedPairs(db, periods, indicators: Set(indicators.map { indicatorIds[Int($0)] }))
        var inserts = try InsertBatch(db, fileId: fileId)
        let lookup = try RawStatement(
            db,
            """
            SELECT id, amount FROM facts
            WHERE unit_id = ? AND period = ? AND indicator_id = ? AND basis = ? AND superseded_by IS NULL
            """)
        let supersede = try RawStatement(db, "UPDATE facts SET superseded_by = ? WHERE id = ?")
        var new = 0, revised = 0, unchanged = 0
        var revisedFacts: [Int32] = [], heldFacts: [Int32] = []
        for index in order {
            let fact = facts[Int(index)]
            let unit = unitIds[Int(fact.unit)], indicator = indicatorIds[Int(fact.indicator)]
            let period = Int64(fact.period), basis = Int64(fact.basis.rawValue)
            if occupied.contains(PairKey(period: period, indicator: indicator)) {
                lookup.bind(unit, at: 1)
                lookup.bind(period, at: 2)
                lookup.bind(indicator, at: 3)
                lookup.bind(basis, at: 4)
                if let (currentId, currentAmount) = try lookup.firstPair() {
                    heldFacts.append(index)
                    if currentAmount == fact.amount.raw {
                        unchanged += 1
                        continue
                    }
                    supersede.bind(fileId, at: 1)
                    supersede.bind(currentId, at: 2)
                    try supersede.run()
                    revised += 1
                    revisedFacts.append(index)
                    new -= 1
                }
            }
            try inserts.append(
                InsertBatch.Row(
                    unit: unit, period: period, indicator: indicator, basis: basis, amount: fact.amount.raw,
                    line: Int64(fact.line)))
            new += 1
        }
        try inserts.flush()
        return Stored(new: new, revised: revised, unchanged: unchanged, revisedFacts: revisedFacts, heldFacts: heldFacts)
    }

    /// The positions of `facts` sorted by the warehouse key (period, unit id, indicator id, basis).
    ///
    /// Any order stores the same rows; this one makes the writes local. (A unit id past 2^44 or
    /// an indicator id past 2^60 would only make the order less local, never wrong.)
    static func keyOrder(_ facts: [ExtractedFact], unitIds: [Int64], indicatorIds: [Int64]) -> [Int32] {
        order(
            count: facts.count,
            row: {
                let fact = facts[$0]
                return UInt64(UInt32(bitPattern: fact.period) & 0xF_FFFF) << 44 | UInt64(bitPattern: unitIds[Int(fact.unit)]) & 0xFFF_FFFF_FFFF
            },
            within: { UInt64(bitPattern: indicatorIds[Int(facts[$0].indicator)]) << 2 | UInt64(facts[$0].basis.rawValue) })
    }

    struct PairKey: Hashable {
        var period: Int64
        var indicator: Int64
    }

    /// The (period, indicator) pairs among `periods` that already hold current facts.
    ///
    /// Asked pair by pair: `facts_current` leads with the period, so the first row of the
    /// indicator ends the search, where a `DISTINCT` would read the whole period.
    static func occupiedPairs(_ db: Database, _ periods: Set<Int32>, indicators: Set<Int64>) throws -> Set<PairKey> {
        var pairs = Set<PairKey>()
        let statement = try RawStatement(
            db, "SELECT EXISTS (SELECT 1 FROM facts WHERE period = ? AND superseded_by IS NULL AND indicator_id = ?), 0")
        let periodHasFacts = try RawStatement(
            db, "SELECT EXISTS (SELECT 1 FROM facts WHERE period = ? AND superseded_by IS NULL), 0")
        for period in periods {
            periodHasFacts.bind(Int64(period), at: 1)
            guard let (any, _) = try periodHasFacts.firstPair(), any != 0 else { continue }
            for indicator in indicators {
                statement.bind(Int64(period), at: 1)
                statement.bind(indicator, at: 2)
                if let (exists, _) = try statement.firstPair(), exists != 0 {
                    pairs.insert(PairKey(period: Int64(period), indicator: indicator))
                }
            }
        }
        return pairs
    }
}
