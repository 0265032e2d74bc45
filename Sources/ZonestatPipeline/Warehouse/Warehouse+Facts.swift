import GRDB
import ZonestatCore

extension Warehouse {
    /// Stores an accepted file in one transaction: its ledger row, units, facts (as blocks: a
    /// changed value replaces the current one, and the revision keeps both), targets and warnings. `hook` runs
    /// just before commit (tests simulate a crash there). `bytes` gives the file's bytes again,
    /// for a cross-month warning to quote its cell as written (without it, or when the cell cannot
    /// be found, the warning quotes the value as converted).
    public func ingest(
        _ parsed: ParsedFile, entry: LedgerEntry, indicatorIds: [String: Int64], config: PipelineConfig,
        bytes: (() -> [UInt8]?)? = nil, hook: () throws -> Void
    ) throws(WarehouseError) -> (counts: IngestCounts, warnings: [Problem]) {
        try write("ingest \(parsed.name)") { db in
            let fileId = try Warehouse.insertLedger(db, entry, parsed: parsed)
            var counts = IngestCounts()
            let unitIds = try UnitWriter(db).store(parsed.units, fileId: fileId)
            counts.units = unitIds.count
            let indicatorIdByIndex = config.indicators.map { indicatorIds[$0.id] ?? 0 }
            let stored = try FactWriter(db, fileId: fileId).store(
                parsed.facts, unitIds: unitIds, indicatorIds: indicatorIdByIndex)
            counts.factsNew = stored.new
            counts.factsRevised = stored.revised
            counts.factsUnchanged = stored.unchanged
            counts.targets = try Warehouse.storeTargets(db, parsed.targets, fileId: fileId)
            counts.targets += try Warehouse.storePriceIndices(db, parsed.priceIndices, fileId: fileId)
            try db.execute(
                sql: "UPDATE ledger SET columns = ? WHERE id = ?",
                arguments: [CrossMonthRecheck.encode(parsed.columnHeaders), fileId])
            // The file's entries checked against earlier months; entries that held values before
            // (and the months after a revised one) are checked again on the current values,
            // replacing what earlier files' checks said of them.
            let recheck = CrossMonthRecheck.keys(
                parsed.facts, stored: stored, unitIds: unitIds, indicatorIds: indicatorIdByIndex)
            var crossFile = try CrossFileChecks(config: config, file: parsed.problemFile, headers: parsed.columnHeaders)
                .run(db, facts: parsed.facts, unitIds: unitIds, indicatorIds: indicatorIdByIndex, units: parsed.units)
                .filter { found in
                    guard let period = found.problem.period else { return true }
                    return !recheck.contains(CrossMonthRecheck.Key(
                        period: Int32(period), unit: unitIds[Int(found.unit)], indicator: indicatorIdByIndex[Int(found.indicator)]))
                }
            if !crossFile.isEmpty, let bytes, let source = bytes() {
                crossFile = CrossFileChecks.quoting(crossFile, parsed: parsed, config: config, bytes: source)
            }
            try Warehouse.insertProblems(db, parsed.warnings, fileId: fileId)
            try Warehouse.insertProblems(
                db, crossFile, fileId: fileId, unitIds: unitIds, indicatorIds: indicatorIdByIndex)
            // The file's own entries among them quote its cells as written.
            let quote: ([CrossFileChecks.Found]) -> [CrossFileChecks.Found]? = { found in
                guard let bytes, let source = bytes() else { return nil }
                return CrossFileChecks.quoting(found, parsed: parsed, config: config, bytes: source)
            }
            let rechecked = try CrossMonthRecheck(config: config).run(db, keys: recheck, ingesting: (fileId, quote))
            let missingIndustry = try MissingIndustryCheck.run(db, parsed: parsed, unitIds: unitIds, fileId: fileId)
            let own = crossFile.map(\.problem) + rechecked.filter { $0.file == parsed.name } + missingIndustry
            try db.execute(
                sql: "UPDATE ledger SET facts_new = ?, facts_revised = ?, warnings = ? WHERE id = ?",
                arguments: [counts.factsNew, counts.factsRevised, parsed.warnings.count + own.count, fileId])
            try hook()
            return (counts, crossFile.map(\.problem) + rechecked + missingIndustry)
        }
    }

    /// Stores targets: a changed target from the same source supersedes the old one.
    static func storeTargets(_ db: Database, _ targets: [ExtractedTarget], fileId: Int64) throws -> Int {
        var stored = 0
        for target in targets {
            let current = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, target_amount, target_count, target_growth FROM targets
                    WHERE year = ? AND indicator = ? AND source = ? AND superseded_by IS NULL
                    """, arguments: [target.year, target.indicator, target.source])
            if let current {
                let same = (current["target_amount"] as Int64?) == target.amount?.raw
                    && (current["target_count"] as Int?) == target.count
                    && (current["target_growth"] as String?) == target.growth
                if same { continue }
                try db.execute(
                    sql: "UPDATE targets SET superseded_by = ? WHERE id = ?",
                    arguments: [fileId, current["id"] as Int64])
            }
            try db.execute(
                sql: """
                    INSERT INTO targets(year, indicator, target_amount, target_count, target_growth, unit, source,
                                        file_id, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    target.year, target.indicator, target.amount?.raw, target.count, target.growth, target.unit,
                    target.source, fileId, target.line,
                ])
            stored += 1
        }
        return stored
    }

    /// Stores price indices: a changed index for the same period and division supersedes the old one.
    static func storePriceIndices(_ db: Database, _ indices: [ExtractedPriceIndex], fileId: Int64) throws -> Int {
        var stored = 0
        for entry in indices {
            let current = try Row.fetchOne(
                db, sql: "SELECT id, idx FROM price_indices WHERE period = ? AND division = ? AND superseded_by IS NULL",
                arguments: [entry.period, entry.division])
            if let current {
                if (current["idx"] as String) == entry.index { continue }
                try db.execute(
                    sql: "UPDATE price_indices SET superseded_by = ? WHERE id = ?", arguments: [fileId, current["id"] as Int64])
            }
            try db.execute(
                sql: "INSERT INTO price_indices(period, division, idx, file_id, line) VALUES (?, ?, ?, ?, ?)",
                arguments: [entry.period, entry.division, entry.index, fileId, entry.line])
            stored += 1
        }
        return stored
    }
}
