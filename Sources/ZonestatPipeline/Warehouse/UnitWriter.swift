import GRDB
import ZonestatCore

/// Stores a file's units: new ones inserted, known ones updated only when this file reports a
/// later (or the same) period and something changed — their details follow the latest report.
///
/// The known units are read in one pass, their codes and details compared as bytes, and only
/// those of this file's units are looked at further; new units are inserted many per statement,
/// with the ids SQLite would have given them one by one (one past the largest).
struct UnitWriter {
    let db: Database

    init(_ db: Database) { self.db = db }

    /// A known unit of the file that needs updating, with its merged details.
    private struct Update {
        var position: Int
        var id: Int64
        var industry: String?
        var area: String?
    }

    /// The warehouse id of each unit, in the file's order.
    func store(_ units: [ExtractedUnit], fileId: Int64) throws -> [Int64] {
        var ids = [Int64](repeating: 0, count: units.count)
        var known = [Bool](repeating: false, count: units.count)
        var byKey = UnitKeyIndex()
        var byCode: [String: Int] = [:]
        for (position, unit) in units.enumerated() {
            if let key = CreditCode.packed(unit.creditCode) {
                _ = byKey.position(of: key, orInsert: Int32(position))
            } else {
                byCode[unit.creditCode] = position
            }
        }
        var updates: [Update] = []
        let scan = try RawStatement(
            db, "SELECT id, credit_code, name, industry, area, last_period, check_character_ok FROM units")
        while try scan.step() {
            guard let code = scan.text(1) else { continue }
            let position: Int?
            if let key = CreditCode.packed(utf8: code) {
                position = byKey.position(of: key, orInsert: -1).map(Int.init)
            } else {
                position = byCode[String(decoding: code, as: UTF8.self)]
            }
            guard let position, position >= 0 else { continue }
            let unit = units[position], id = scan.integer(0)
            ids[position] = id
            known[position] = true
            let lastPeriod = Int(scan.integer(5)), checkOK = scan.integer(6) != 0
            guard unit.period >= lastPeriod else { continue }
            let industry = unit.industry ?? scan.text(3).map { String(decoding: $0, as: UTF8.self) }
            let area = unit.area ?? scan.text(4).map { String(decoding: $0, as: UTF8.self) }
            let changed =
                !UnitWriter.same(unit.name, scan.text(2)) || !UnitWriter.same(industry, scan.text(3))
                || !UnitWriter.same(area, scan.text(4)) || unit.checkCharacterOK != checkOK || unit.period != lastPeriod
            if changed { updates.append(Update(position: position, id: id, industry: industry, area: area)) }
        }
        try update(updates, units, fileId: fileId)
        try insert(units, known: known, fileId: fileId, ids: &ids)
        return ids
    }

    /// Whether a unit's text equals a stored one as `String`s compare (canonically equivalent
    /// texts are equal): bytes first, a string only when they differ.
    private static func same(_ text: String?, _ stored: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let text, let stored else { return text == nil && stored == nil }
        if text.utf8.elementsEqual(stored) { return true }
        return text == String(decoding: stored, as: UTF8.self)
    }

    /// Applies the updates ``rows`` to a statement: an UPDATE joined with a VALUES list, as
    /// one statement per unit cost more than the change itself.
    private func update(_ updates: [Update], _ units: [ExtractedUnit], fileId: Int64) throws {
        var start = 0
        var full: RawStatement?
        while start < updates.count {
            let batch = updates[start..<min(start + UnitWriter.rows, updates.count)]
            let statement: RawStatement
            if batch.count == UnitWriter.rows, let full {
                statement = full
            } else {
                statement = try RawStatement(db, UnitWriter.updateSQL(rows: batch.count))
                if batch.count == UnitWriter.rows { full = statement }
            }
            statement.bind(fileId, at: 1)
            for (row, update) in batch.enumerated() {
                let unit = units[update.position], first = Int32(row * 6 + 2)
                statement.bind(update.id, at: first)
                statement.bind(text: unit.name, at: first + 1)
                statement.bind(text: update.industry, at: first + 2)
                statement.bind(text: update.area, at: first + 3)
                statement.bind(unit.checkCharacterOK ? 1 : 0, at: first + 4)
                statement.bind(Int64(unit.period), at: first + 5)
            }
            try statement.run()
            start += batch.count
        }
    }

    private static func updateSQL(rows: Int) -> String {
        """
        UPDATE units SET name = v.column2, industry = v.column3, area = v.column4, check_character_ok = v.column5,
            last_period = v.column6, last_file_id = ?
        FROM (VALUES \(repeatElement("(?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))) AS v
        WHERE units.id = v.column1
        """
    }

    /// Inserts the units not `known`, ``rows`` to a statement, setting their `ids`.
    private func insert(_ units: [ExtractedUnit], known: [Bool], fileId: Int64, ids: inout [Int64]) throws {
        let new = units.indices.filter { !known[$0] }
        guard !new.isEmpty else { return }
        let largest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM units") ?? 0
        // Past this SQLite picks ids at random: leave the choice to it, one row at a time.
        guard largest < Int64.max - Int64(new.count) else {
            let one = try RawStatement(db, UnitWriter.insertSQL(rows: 1, withIds: false))
            for position in new {
                UnitWriter.bind(units[position], id: nil, fileId: fileId, to: one, from: 1)
                try one.run()
                ids[position] = db.lastInsertedRowID
            }
            return
        }
        for (offset, position) in new.enumerated() { ids[position] = largest + 1 + Int64(offset) }
        let full = try RawStatement(db, UnitWriter.insertSQL(rows: UnitWriter.rows, withIds: true))
        var start = 0
        while start < new.count {
            let batch = new[start..<min(start + UnitWriter.rows, new.count)]
            let statement = batch.count == UnitWriter.rows ? full : try RawStatement(db, UnitWriter.insertSQL(rows: batch.count, withIds: true))
            for (row, position) in batch.enumerated() {
                UnitWriter.bind(units[position], id: ids[position], fileId: fileId, to: statement, from: Int32(row * 8 + 1))
            }
            try statement.run()
            start += batch.count
        }
    }

    /// Units per INSERT: 32 × 8 parameters.
    private static let rows = 32

    private static func insertSQL(rows: Int, withIds: Bool) -> String {
        let columns = "credit_code, name, industry, area, check_character_ok, last_period, last_file_id"
        let values = withIds ? "(?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?)"
        return "INSERT INTO units(\(withIds ? "id, " : "")\(columns)) VALUES "
            + repeatElement(values, count: rows).joined(separator: ", ")
    }

    private static func bind(_ unit: ExtractedUnit, id: Int64?, fileId: Int64, to statement: RawStatement, from first: Int32) {
        var parameter = first
        if let id {
            statement.bind(id, at: parameter)
            parameter += 1
        }
        statement.bind(text: unit.creditCode, at: parameter)
        statement.bind(text: unit.name, at: parameter + 1)
        statement.bind(text: unit.industry, at: parameter + 2)
        statement.bind(text: unit.area, at: parameter + 3)
        statement.bind(unit.checkCharacterOK ? 1 : 0, at: parameter + 4)
        statement.bind(Int64(unit.period), at: parameter + 5)
        statement.bind(fileId, at: parameter + 6)
    }
}
