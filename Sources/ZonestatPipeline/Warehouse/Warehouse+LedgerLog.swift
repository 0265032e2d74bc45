import GRDB
import ZonestatCore

/// What the ledger log and the consistency check read of the ledger.
extension Warehouse {
    /// What the ledger knows, to compare with archive/ and out/.
    public struct LedgerKnowledge: Sendable, Hashable {
        /// The SHA-256 of each ingested file, by ledger id.
        public var ingested: [Int64: String] = [:]
        /// The content of every file recorded, whatever its status.
        public var hashes: Set<String> = []
        /// The periods of the ingested files.
        public var periods: Set<Period> = []
    }

    public func ledgerKnowledge() throws(WarehouseError) -> LedgerKnowledge {
        try read("read the ledger") { db in
            var knowledge = LedgerKnowledge()
            for row in try Row.fetchAll(db, sql: "SELECT id, sha256, status, periods FROM ledger") {
                let sha256: String = row["sha256"]
                knowledge.hashes.insert(sha256)
                guard (row["status"] as String) == "ingested" else { continue }
                knowledge.ingested[row["id"]] = sha256
                for key in (row["periods"] as String).split(separator: ",") {
                    if let period = Int(key).flatMap(Period.init(key:)) { knowledge.periods.insert(period) }
                }
            }
            return knowledge
        }
    }

    /// The ledger rows after `id`, in id order, as log lines.
    public func ledgerLines(after id: Int64) throws(WarehouseError) -> [LedgerLog.Line] {
        try read("read the ledger") { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Warehouse.lineColumns), recorded_at AS at FROM ledger WHERE id > ? ORDER BY id",
                arguments: [id]
            ).map(Warehouse.line)
        }
    }

    /// The ledger columns a log line holds (its time comes as `at`).
    static let lineColumns = "id, sha256, file_name, size, COALESCE(modified_at, '') AS modified_at, status, stored_as, run_id"

    /// A ledger row of ``lineColumns`` and `at` as a log line.
    static func line(_ row: Row) -> LedgerLog.Line {
        LedgerLog.Line(
            id: row["id"], sha256: row["sha256"], fileName: row["file_name"], size: row["size"],
            modifiedAt: row["modified_at"], status: row["status"], storedAs: row["stored_as"], runId: row["run_id"],
            recordedAt: row["at"])
    }
}

extension Warehouse {
    /// Appends to `log` the ledger rows after `logged` (the last id it holds; read from the log
    /// when nil), and returns the last id it holds now. Extract runs it at its start — catching up
    /// rows a crash recorded but kept from the log — and after each file.
    @discardableResult
    public func catchUp(_ log: LedgerLog, logged: Int64? = nil) throws -> Int64 {
        let last = try logged ?? (log.lines().map(\.id).max() ?? 0)
        let missing = try ledgerLines(after: last)
        try log.append(missing)
        return missing.last?.id ?? last
    }
}

extension Warehouse {
    /// Appends to `log` a line for every ledger row whose status differs from the log's latest
    /// for it (a quarantined file later `resolved` or `dismissed`), stamped with the time of the
    /// change. Extract runs it after settling quarantined files, and at its start, so a status a
    /// crash kept from the log is caught up too.
    public func catchUpStatuses(_ log: LedgerLog) throws {
        let logged = Dictionary(
            LedgerLog.latest(try log.lines()).map { ($0.id, $0.status) }, uniquingKeysWith: { _, later in later })
        let changed: [LedgerLog.Line] = try read("read ledger statuses") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Warehouse.lineColumns), COALESCE(resolved_at, recorded_at) AS at FROM ledger ORDER BY id"
            ).compactMap { row in
                guard let status = logged[row["id"]], status != (row["status"] as String) else { return nil }
                return Warehouse.line(row)
            }
        }
        try log.append(changed)
    }
}
