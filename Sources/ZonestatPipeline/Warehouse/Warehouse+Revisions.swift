import GRDB
import ZonestatCore
import ZonestatPublish

extension Warehouse {
    /// Every superseded value of `period` (all periods when nil), with the value that
    /// superseded it: by period, then the order the corrections were ingested in, then unit,
    /// indicator and basis.
    ///
    /// (The facts' storage is read here alone, so that a new layout of the facts changes this
    /// function, not its callers.)
    public func revisions(period: Period? = nil, config: PipelineConfig) throws(WarehouseError) -> [PublishedRevision] {
        try read("read revisions") { db in
            let position = Dictionary(uniqueKeysWithValues: config.indicators.enumerated().map { ($1.id, $0) })
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.period, o.basis, o.amount, o.line, o.superseded_by, o.unit_id, o.indicator_id,
                           u.credit_code, u.name AS unit_name, i.code AS indicator, lo.file_name AS old_file,
                           ln.file_name AS new_file, ln.run_id
                    FROM facts o
                    JOIN units u ON u.id = o.unit_id
                    JOIN indicators i ON i.id = o.indicator_id
                    JOIN ledger lo ON lo.id = o.file_id
                    JOIN ledger ln ON ln.id = o.superseded_by
                    WHERE o.superseded_by IS NOT NULL \(period == nil ? "" : "AND o.period = ?")
                    """,
                arguments: period.map { [$0.key] } ?? [])
            // The value that superseded each: current (facts_current), or itself superseded later
            // (facts_history).
            let current = try db.makeStatement(
                sql: """
                    SELECT amount, line FROM facts WHERE period = ? AND unit_id = ? AND indicator_id = ? AND basis = ?
                    AND superseded_by IS NULL AND file_id = ?
                    """)
            let later = try db.makeStatement(
                sql: """
                    SELECT amount, line FROM facts WHERE period = ? AND unit_id = ? AND indicator_id = ? AND basis = ?
                    AND superseded_by IS NOT NULL AND file_id = ?
                    """)
            var found: [(order: (Int, Int64, String, Int, Int), revision: PublishedRevision)] = []
            for row in rows {
                let key: Int = row["period"], basisRaw: Int = row["basis"], newFile: Int64 = row["superseded_by"]
                guard let period = Period(key: key), let basis = Basis(rawValue: basisRaw) else { continue }
                let arguments: StatementArguments = [key, row["unit_id"] as Int64, row["indicator_id"] as Int64, basisRaw, newFile]
                guard let new = try Row.fetchOne(current, arguments: arguments) ?? Row.fetchOne(later, arguments: arguments)
                else { continue }
                let indicator: String = row["indicator"]
                let revision = PublishedRevision(
                    period: period, creditCode: row["credit_code"], unitName: row["unit_name"], indicator: indicator,
                    basis: basis, old: Amount(raw: row["amount"]), new: Amount(raw: new["amount"]), oldFile: row["old_file"],
                    oldLine: row["line"], newFile: row["new_file"], newLine: new["line"], runId: row["run_id"])
                found.append(((key, newFile, revision.creditCode, position[indicator] ?? Int.max, basisRaw), revision))
            }
            return found.sorted { $0.order < $1.order }.map(\.revision)
        }
    }

    /// The correction files behind `period`'s figures — those that revised values of its year
    /// up to it, or of last year's same months (the bases) — with the number of values each
    /// revised, in the order they were ingested.
    public func revisingFiles(for period: Period) throws(WarehouseError) -> [RevisingFile] {
        try read("read revising files") { db in
            let thisYear = (period.year * 100 + 1, period.key), lastYear = ((period.year - 1) * 100 + 1, period.key - 100)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT l.file_name, COUNT(*) AS n FROM facts f JOIN ledger l ON l.id = f.superseded_by
                    WHERE f.superseded_by IS NOT NULL AND (f.period BETWEEN ? AND ? OR f.period BETWEEN ? AND ?)
                    GROUP BY f.superseded_by ORDER BY f.superseded_by
                    """,
                arguments: [thisYear.0, thisYear.1, lastYear.0, lastYear.1]
            ).map { RevisingFile(name: $0["file_name"], values: $0["n"]) }
        }
    }
}
