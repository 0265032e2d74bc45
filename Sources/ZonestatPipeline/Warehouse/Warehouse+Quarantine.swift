import Foundation
import GRDB

/// A quarantined file whose notice ended in this run.
public struct SettledQuarantine: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// A file of the same name (a correction marker aside) was ingested after it.
        case resolved
        /// The analyst deleted it from quarantine/.
        case dismissed
    }

    public var fileName: String
    public var outcome: Outcome
    /// The ingested file that resolved it.
    public var by: String?
}

extension Warehouse {
    /// Ends the notices of quarantined files that are settled: `resolved` when a file of the same
    /// name (``QuarantineNames/sameForm(_:_:)``) was ingested later, else `dismissed` when
    /// `present` says the quarantined copy is gone (deleted by the analyst). The ledger rows stay.
    public func settleQuarantine(present: (_ storedAs: String, _ fileName: String) -> Bool)
        throws(WarehouseError) -> [SettledQuarantine]
    {
        try write("settle quarantined files") { db in
            let quarantined = try Row.fetchAll(
                db, sql: "SELECT id, file_name, stored_as FROM ledger WHERE status = 'quarantined' ORDER BY id")
            guard !quarantined.isEmpty else { return [] }
            let ingested = try Row.fetchAll(db, sql: "SELECT id, file_name FROM ledger WHERE status = 'ingested' ORDER BY id")
            let now = ISO8601DateFormatter().string(from: Date())
            var settled: [SettledQuarantine] = []
            for row in quarantined {
                let id: Int64 = row["id"], name: String = row["file_name"], storedAs: String = row["stored_as"]
                if let fixed = ingested.first(where: {
                    ($0["id"] as Int64) > id && QuarantineNames.sameForm($0["file_name"], name)
                }) {
                    try db.execute(
                        sql: "UPDATE ledger SET status = 'resolved', resolved_by = ?, resolved_at = ? WHERE id = ?",
                        arguments: [fixed["id"] as Int64, now, id])
                    settled.append(SettledQuarantine(fileName: name, outcome: .resolved, by: fixed["file_name"]))
                } else if !present(storedAs, name) {
                    try db.execute(
                        sql: "UPDATE ledger SET status = 'dismissed', resolved_at = ? WHERE id = ?", arguments: [now, id])
                    settled.append(SettledQuarantine(fileName: name, outcome: .dismissed, by: nil))
                }
            }
            return settled
        }
    }
}

/// Which file names are one form's: a fixed version keeps the name, or adds a correction marker.
public enum QuarantineNames {
    /// Whether `a` and `b` name the same form: equal once a correction marker (更正, 修订, 修正,
    /// 订正) and the separators around it are taken out of each.
    public static func sameForm(_ a: String, _ b: String) -> Bool {
        a == b || stem(a) == stem(b)
    }

    static func stem(_ name: String) -> String {
        var base = name, ext = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            base = String(name[..<dot])
            ext = String(name[dot...]).lowercased()
        }
        for marker in CorrectionPolicy.markers { base = base.replacingOccurrences(of: marker, with: "") }
        let separators: Set<Character> = ["_", "-", " ", "（", "）", "(", ")", "　", "—"]
        while let last = base.last, separators.contains(last) { base.removeLast() }
        return base + ext
    }
}

extension Warehouse {
    /// After a rebuild replayed the ledger log (statuses already `resolved` or `dismissed`): the
    /// time each was settled (`settledAt`, by ledger id, from the log's status lines) and, for
    /// a resolved file, the ingested file that resolved it, found by the rule that resolved it.
    public func restoreSettlements(settledAt: [Int64: String]) throws(WarehouseError) {
        try write("restore settled quarantined files") { db in
            let settled = try Row.fetchAll(
                db, sql: "SELECT id, file_name, status FROM ledger WHERE status IN ('resolved', 'dismissed') ORDER BY id")
            guard !settled.isEmpty else { return }
            let ingested = try Row.fetchAll(db, sql: "SELECT id, file_name FROM ledger WHERE status = 'ingested' ORDER BY id")
            for row in settled {
                let id: Int64 = row["id"], name: String = row["file_name"]
                let by: Int64? = (row["status"] as String) == "resolved"
                    ? ingested.first { ($0["id"] as Int64) > id && QuarantineNames.sameForm($0["file_name"], name) }?["id"]
                    : nil
                try db.execute(
                    sql: "UPDATE ledger SET resolved_by = ?, resolved_at = ? WHERE id = ?",
                    arguments: [by, settledAt[id], id])
            }
        }
    }
}
