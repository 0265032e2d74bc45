import GRDB
import ZonestatCore

/// One vintage of a unit's value: what a file said for a period, indicator and basis, and whether
/// a later file replaced it.
public struct FactVintage: Sendable, Hashable {
    public var period: Period
    /// The indicator's id (`output_value`).
    public var indicator: String
    public var basis: Basis
    public var amount: Amount
    /// The ledger id of the file that said it, its name, and the line.
    public var fileId: Int64
    public var fileName: String
    public var line: Int
    /// The extract run that recorded the file, and when (ISO 8601, UTC).
    public var runId: String
    public var recordedAt: String
    /// The file whose value replaced this one; nil while this one is current.
    public var supersededBy: String?

    public var isCurrent: Bool { supersededBy == nil }
}

/// A unit as the warehouse knows it.
public struct StoredUnit: Sendable, Hashable {
    public var creditCode: String
    public var name: String
}

extension Warehouse {
    /// The unit with this credit code, if any file ever named it.
    public func unit(creditCode: String) throws(WarehouseError) -> StoredUnit? {
        try read("look up a unit") { db in
            try Row.fetchOne(db, sql: "SELECT credit_code, name FROM units WHERE credit_code = ?", arguments: [creditCode])
                .map { StoredUnit(creditCode: $0["credit_code"], name: $0["name"]) }
        }
    }

    /// Every vintage of the unit's values, optionally of one period and one indicator (by id),
    /// ordered by period, indicator (ledger order of registration), basis, then the order the
    /// files were recorded in — the current vintage last.
    ///
    /// The one place that knows how vintages are stored (`facts` rows with `superseded_by`).
    public func factHistory(creditCode: String, period: Period? = nil, indicator: String? = nil) throws(WarehouseError)
        -> [FactVintage]
    {
        try read("read a unit's history") { db in
            var filters = ["u.credit_code = ?"]
            var arguments: StatementArguments = [creditCode]
            if let period {
                filters.append("f.period = ?")
                _ = arguments.append(contentsOf: [period.key])
            }
            if let indicator {
                filters.append("i.code = ?")
                _ = arguments.append(contentsOf: [indicator])
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT f.period, i.code, f.basis, f.amount, f.file_id, l.file_name, f.line, l.run_id, l.recorded_at,
                           s.file_name AS superseded_by
                    FROM facts f
                    JOIN units u ON u.id = f.unit_id
                    JOIN indicators i ON i.id = f.indicator_id
                    JOIN ledger l ON l.id = f.file_id
                    LEFT JOIN ledger s ON s.id = f.superseded_by
                    WHERE \(filters.joined(separator: " AND "))
                    ORDER BY f.period, f.indicator_id, f.basis, f.file_id
                    """, arguments: arguments
            ).compactMap { row in
                guard let period = Period(key: row["period"]), let basis = Basis(rawValue: row["basis"]) else { return nil }
                return FactVintage(
                    period: period, indicator: row["code"], basis: basis, amount: Amount(raw: row["amount"]),
                    fileId: row["file_id"], fileName: row["file_name"], line: row["line"], runId: row["run_id"],
                    recordedAt: row["recorded_at"], supersededBy: row["superseded_by"])
            }
        }
    }
}
