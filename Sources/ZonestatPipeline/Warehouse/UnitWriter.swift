import GRDB

/// Stores a file's units: new ones inserted, known ones updated only when this file reports a
/// later (or the same) period and something changed — their details follow the latest report.
struct UnitWriter {
    let db: Database

    init(_ db: Database) { self.db = db }

    private struct Known {
        var id: Int64
        var name: String
        var industry: String?
        var area: String?
        var lastPeriod: Int
        var checkOK: Bool
    }

    /// The warehouse id of each unit, in the file's order.
    func store(_ units: [ExtractedUnit], fileId: Int64) throws -> [Int64] {
        var known: [String: Known] = [:]
        known.reserveCapacity(units.count)
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT id, credit_code, name, industry, area, last_period, check_character_ok FROM units")
        while let row = try cursor.next() {
            known[row[1]] = Known(id: row[0], name: row[2], industry: row[3], area: row[4], lastPeriod: row[5], checkOK: row[6])
        }
        let insert = try RawStatement(
            db,
            """
            INSERT INTO units(credit_code, name, industry, area, check_character_ok, last_period, last_file_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try RawStatement(
            db,
            """
            UPDATE units SET name = ?, industry = ?, area = ?, check_character_ok = ?, last_period = ?, last_file_id = ?
            WHERE id = ?
            """)
        var ids: [Int64] = []
        ids.reserveCapacity(units.count)
        for unit in units {
            guard let current = known[unit.creditCode] else {
                insert.bind(text: unit.creditCode, at: 1)
                insert.bind(text: unit.name, at: 2)
                insert.bind(text: unit.industry, at: 3)
                insert.bind(text: unit.area, at: 4)
                insert.bind([unit.checkCharacterOK ? 1 : 0, Int64(unit.period), fileId], from: 5)
                try insert.run()
                ids.append(db.lastInsertedRowID)
                continue
            }
            ids.append(current.id)
            let industry = unit.industry ?? current.industry, area = unit.area ?? current.area
            guard unit.period >= current.lastPeriod,
                unit.name != current.name || industry != current.industry || area != current.area
                    || unit.checkCharacterOK != current.checkOK || unit.period != current.lastPeriod
            else { continue }
            update.bind(text: unit.name, at: 1)
            update.bind(text: industry, at: 2)
            update.bind(text: area, at: 3)
            update.bind([unit.checkCharacterOK ? 1 : 0, Int64(unit.period), fileId, current.id], from: 4)
            try update.run()
        }
        return ids
    }
}
