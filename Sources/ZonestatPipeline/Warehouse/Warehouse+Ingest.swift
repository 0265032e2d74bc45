import Foundation
import GRDB
import ZonestatCore

/// What a file's ingest transaction stored.
public struct IngestCounts: Sendable, Hashable {
    public var factsNew = 0
    public var factsRevised = 0
    public var factsUnchanged = 0
    public var targets = 0
    public var units = 0
}

extension Warehouse {
    /// Makes sure every configured indicator has a row; returns id by indicator code.
    public func registerIndicators(_ indicators: [IndicatorSpec]) throws(WarehouseError) -> [String: Int64] {
        try write("register indicators") { db in
            for spec in indicators {
                try db.execute(
                    sql: "INSERT INTO indicators(code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name",
                    arguments: [spec.id, spec.name])
            }
            var ids: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, code FROM indicators") {
                ids[row["code"]] = row["id"]
            }
            return ids
        }
    }

    /// Indicator id by code, as registered (read only).
    public func indicatorIds() throws(WarehouseError) -> [String: Int64] {
        try read("read indicators") { db in
            var ids: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, code FROM indicators") { ids[row["code"]] = row["id"] }
            return ids
        }
    }

    /// The ledger row of a file already ingested with this content, if any.
    public func ingestedEntry(sha256: String) throws(WarehouseError) -> (id: Int64, fileName: String, storedAs: String)? {
        try read("look up the ledger") { db in
            try Row.fetchOne(
                db, sql: "SELECT id, file_name, stored_as FROM ledger WHERE sha256 = ? AND status = 'ingested'",
                arguments: [sha256]
            ).map { ($0["id"], $0["file_name"], $0["stored_as"]) }
        }
    }

    /// Whether a quarantine ledger row exists for this content and name (a crash before its move).
    public func quarantinedEntry(sha256: String, fileName: String) throws(WarehouseError) -> String? {
        try read("look up the ledger") { db in
            try String.fetchOne(
                db, sql: "SELECT stored_as FROM ledger WHERE sha256 = ? AND file_name = ? AND status = 'quarantined' ORDER BY id DESC",
                arguments: [sha256, fileName])
        }
    }

    /// Where a duplicate ledger row for this content and name says the file went, if any (a
    /// crash between the row and the move leaves it there with the file still in the inbox).
    public func duplicateEntry(sha256: String, fileName: String) throws(WarehouseError) -> String? {
        try read("look up the ledger") { db in
            try String.fetchOne(
                db, sql: "SELECT stored_as FROM ledger WHERE sha256 = ? AND file_name = ? AND status = 'duplicate' ORDER BY id DESC",
                arguments: [sha256, fileName])
        }
    }

    /// Inserts a ledger row and returns its id.
    static func insertLedger(_ db: Database, _ entry: LedgerEntry, parsed: ParsedFile?) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO ledger(id, sha256, file_name, size, modified_at, encoding, delimiter, kind, rows, periods,
                                   errors, warnings, status, stored_as, run_id, recorded_at, footer_lines)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.id, entry.sha256, entry.fileName, entry.size, entry.modifiedAt, parsed?.encoding, parsed?.delimiter,
                parsed?.kind?.rawValue, parsed?.rows ?? 0,
                (parsed?.periods.sorted() ?? []).map(String.init).joined(separator: ","),
                parsed?.errors.count ?? 0, parsed?.warnings.count ?? 0, entry.status, entry.storedAs, entry.runId,
                entry.recordedAt, parsed?.footer.count ?? 0,
            ])
        return db.lastInsertedRowID
    }

    /// Records a file that is only logged (a duplicate of ingested content; in a rebuild, a
    /// quarantined file whose copy is gone).
    public func recordLedger(_ entry: LedgerEntry) throws(WarehouseError) {
        _ = try write("record the ledger") { db in try Warehouse.insertLedger(db, entry, parsed: nil) }
    }

    /// Records a rejected file and all its problems in one transaction.
    public func recordQuarantine(_ entry: LedgerEntry, parsed: ParsedFile) throws(WarehouseError) {
        try write("record a quarantined file") { db in
            let fileId = try Warehouse.insertLedger(db, entry, parsed: parsed)
            try Warehouse.insertProblems(db, parsed.problems, fileId: fileId)
        }
    }

    /// Inserts cross-month warnings with the entry each is about (``CrossMonthRecheck``).
    static func insertProblems(
        _ db: Database, _ found: [CrossFileChecks.Found], fileId: Int64, unitIds: [Int64], indicatorIds: [Int64]
    ) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO problems(file_id, severity, code, line, column_name, value, period, message, unit_id, indicator_id,
                                     credit_code, unit_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for item in found {
            let problem = item.problem
            try statement.execute(arguments: [
                fileId, problem.code.severity, problem.code.rawValue, problem.line, problem.column, problem.value,
                problem.period, problem.message, unitIds[Int(item.unit)], indicatorIds[Int(item.indicator)],
                problem.creditCode, problem.unitName,
            ])
        }
    }

    static func insertProblems(_ db: Database, _ problems: [Problem], fileId: Int64) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO problems(file_id, severity, code, line, column_name, value, period, message, credit_code,
                                     unit_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for problem in problems {
            try statement.execute(arguments: [
                fileId, problem.code.severity, problem.code.rawValue, problem.line, problem.column, problem.value,
                problem.period, problem.message, problem.creditCode, problem.unitName,
            ])
        }
    }
}
