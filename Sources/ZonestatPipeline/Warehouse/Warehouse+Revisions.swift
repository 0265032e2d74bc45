import GRDB
import ZonestatCore
import ZonestatPublish

extension Warehouse {
    /// Every superseded value of `period` (all periods when nil), with the value that
    /// superseded it: by period, then the order the corrections were ingested in, then unit,
    /// indicator and basis.
    ///
    /// (The facts' storage is read here alone, so that a new layout of the facts changes this
    /// function, not its callers.) Each `fact_revisions` row holds both values.
    public func revisions(period: Period? = nil, config: PipelineConfig) throws(WarehouseError) -> [PublishedRevision] {
        try read("read revisions") { db in
            let position = Dictionary(uniqueKeysWithValues: config.indicators.enumerated().map { ($1.id, $0) })
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.period, r.basis, r.old_amount, r.old_line, r.new_file_id, r.new_amount, r.new_line,
                           u.credit_code, u.name AS unit_name, i.code AS indicator, lo.file_name AS old_file,
                           ln.file_name AS new_file, ln.run_id
                    FROM fact_revisions r
                    JOIN units u ON u.id = r.unit_id
                    JOIN indicators i ON i.id = r.indicator_id
                    JOIN ledger lo ON lo.id = r.old_file_id
                    JOIN ledger ln ON ln.id = r.new_file_id
                    \(period == nil ? "" : "WHERE r.period = ?")
                    """,
                arguments: period.map { [$0.key] } ?? [])
            var found: [(order: (Int, Int64, String, Int, Int), revision: PublishedRevision)] = []
            for row in rows {
                let key: Int = row["period"], basisRaw: Int = row["basis"], newFile: Int64 = row["new_file_id"]
                guard let period = Period(key: key), let basis = Basis(rawValue: basisRaw) else { continue }
                let indicator: String = row["indicator"]
                let revision = PublishedRevision(
                    period: period, creditCode: row["credit_code"], unitName: row["unit_name"], indicator: indicator,
                    basis: basis, old: Amount(raw: row["old_amount"]), new: Amount(raw: row["new_amount"]),
                    oldFile: row["old_file"], oldLine: row["old_line"], newFile: row["new_file"], newLine: row["new_line"],
                    runId: row["run_id"])
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
                    SELECT l.file_name, COUNT(*) AS n FROM fact_revisions r JOIN ledger l ON l.id = r.new_file_id
                    WHERE r.period BETWEEN ? AND ? OR r.period BETWEEN ? AND ?
                    GROUP BY r.new_file_id ORDER BY r.new_file_id
                    """,
                arguments: [thisYear.0, thisYear.1, lastYear.0, lastYear.1]
            ).map { RevisingFile(name: $0["file_name"], values: $0["n"]) }
        }
    }
}
