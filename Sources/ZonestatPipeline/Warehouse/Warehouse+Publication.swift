import GRDB
import ZonestatCore

/// What the load stage reads besides the results: the files behind a period and their warnings.
extension Warehouse {
    /// A file in the ledger, for manifests and the warnings list.
    public struct LedgerFile: Sendable, Hashable {
        public var name: String
        public var sha256: String
        public var encoding: String
        public var kind: String
        public var rows: Int
        public var periods: [Period]
        public var status: String
        public var storedAs: String
        public var errors: Int
        /// Of its errors, the values that differ from those held (a file held, not rejected).
        public var conflicts: Int
    }

    /// Every ingested or quarantined file, oldest first.
    public func ledgerFiles() throws(WarehouseError) -> [LedgerFile] {
        try read("read the ledger") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT file_name, sha256, COALESCE(encoding, '') AS encoding, COALESCE(kind, '') AS kind, rows,
                           periods, status, stored_as, errors,
                           CASE status WHEN 'quarantined' THEN
                               (SELECT COUNT(*) FROM problems p WHERE p.file_id = ledger.id AND p.code = 'revision_conflict')
                           ELSE 0 END AS conflicts
                    FROM ledger WHERE status IN ('ingested', 'quarantined') ORDER BY id
                    """
            ).map { row in
                let periods = (row["periods"] as String).split(separator: ",").compactMap { Int($0) }.compactMap(Period.init(key:))
                return LedgerFile(
                    name: row["file_name"], sha256: row["sha256"], encoding: row["encoding"], kind: row["kind"],
                    rows: row["rows"], periods: periods, status: row["status"], storedAs: row["stored_as"],
                    errors: row["errors"], conflicts: row["conflicts"])
            }
        }
    }

    /// The extract warnings of ingested files, with the period each concerns (the row's period,
    /// or every period of its file for a file-level warning).
    public func extractWarnings() throws(WarehouseError) -> [(periods: [Period], problem: Problem)] {
        try read("read extract warnings") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l.file_name, l.periods, p.line, p.column_name, p.value, p.code, p.period, p.message,
                           p.credit_code, p.unit_name
                    FROM problems p JOIN ledger l ON l.id = p.file_id
                    WHERE p.severity = 'warning' AND l.status = 'ingested' ORDER BY p.id
                    """
            ).compactMap { row in
                guard let code = ProblemCode(rawValue: row["code"]) else { return nil }
                let period: Int? = row["period"]
                let periods = period.map { [$0] }
                    ?? (row["periods"] as String).split(separator: ",").compactMap { Int($0) }
                let problem = Problem(
                    file: row["file_name"], line: row["line"], column: row["column_name"], value: row["value"], code: code,
                    message: row["message"], period: period, creditCode: row["credit_code"], unitName: row["unit_name"])
                return (periods.compactMap(Period.init(key:)), problem)
            }
        }
    }
}
