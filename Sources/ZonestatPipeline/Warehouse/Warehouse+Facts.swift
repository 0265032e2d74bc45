import GRDB
import ZonestatCore

extension Warehouse {
    /// Stores an accepted file in one transaction: its ledger row, units, facts (a changed value
    /// supersedes the current one, which stays as history), targets and warnings. `hook` runs
    /// just before commit (tests simulate a crash there).
    public func ingest(
        _ parsed: ParsedFile, entry: LedgerEntry, indicatorIds: [String: Int64], config: PipelineConfig,
        hook: () throws -> Void
    ) throws(WarehouseError) -> (counts: IngestCounts, warnings: [Problem]) {
        try write("ingest \(parsed.name)") { db in
            let fileId = try Warehouse.insertLedger(db, entry, parsed: parsed)
            var counts = IngestCounts()
            let unitIds = try Warehouse.upsertUnits(db, parsed.units, fileId: fileId)
            counts.units = unitIds.count
            let indicatorIdByIndex = config.indicators.map { indicatorIds[$0.id] ?? 0 }
            try Warehouse.stageFacts(db, parsed.facts, unitIds: unitIds, indicatorIds: indicatorIdByIndex)
            let revised = try Warehouse.supersedeChanged(db, fileId: fileId)
            let inserted = try Warehouse.insertStaged(db, fileId: fileId)
            counts.factsRevised = revised
            counts.factsNew = inserted - revised
            counts.factsUnchanged = parsed.facts.count - inserted
            counts.targets = try Warehouse.storeTargets(db, parsed.targets, fileId: fileId)
            counts.targets += try Warehouse.storePriceIndices(db, parsed.priceIndices, fileId: fileId)
            let crossFile = try CrossFileChecks(config: config, file: parsed.name, headers: parsed.columnHeaders)
                .run(db, indicatorIds: indicatorIdByIndex, units: parsed.units)
            let warnings = parsed.warnings + crossFile
            try Warehouse.insertProblems(db, warnings, fileId: fileId)
            try db.execute(
                sql: "UPDATE ledger SET facts_new = ?, facts_revised = ?, warnings = ? WHERE id = ?",
                arguments: [counts.factsNew, counts.factsRevised, warnings.count, fileId])
            try db.execute(sql: "DELETE FROM staging")
            try hook()
            return (counts, crossFile)
        }
    }

    /// Inserts or updates the file's units (their details follow the latest period reported);
    /// returns the warehouse id of each, in the file's order.
    static func upsertUnits(_ db: Database, _ units: [ExtractedUnit], fileId: Int64) throws -> [Int64] {
        let upsert = try db.makeStatement(
            sql: """
                INSERT INTO units(credit_code, name, industry, area, check_character_ok, last_period, last_file_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(credit_code) DO UPDATE SET
                    name = excluded.name,
                    industry = COALESCE(excluded.industry, units.industry),
                    area = COALESCE(excluded.area, units.area),
                    check_character_ok = excluded.check_character_ok,
                    last_period = excluded.last_period,
                    last_file_id = excluded.last_file_id
                WHERE excluded.last_period >= units.last_period
                RETURNING id
                """)
        let lookup = try db.makeStatement(sql: "SELECT id FROM units WHERE credit_code = ?")
        var ids: [Int64] = []
        ids.reserveCapacity(units.count)
        for unit in units {
            let arguments: StatementArguments = [
                unit.creditCode, unit.name, unit.industry, unit.area, unit.checkCharacterOK, unit.period, fileId,
            ]
            if let id = try Int64.fetchOne(upsert, arguments: arguments) {
                ids.append(id)
            } else if let id = try Int64.fetchOne(lookup, arguments: [unit.creditCode]) {
                ids.append(id)
            } else {
                throw WarehouseError.sqlite(path: "", operation: "upsert unit", message: "no id for \(unit.creditCode)")
            }
        }
        return ids
    }

    /// Loads the file's facts into the temporary staging table with one prepared statement.
    static func stageFacts(_ db: Database, _ facts: [ExtractedFact], unitIds: [Int64], indicatorIds: [Int64]) throws {
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS staging(
                    unit_id INTEGER NOT NULL, period INTEGER NOT NULL, indicator_id INTEGER NOT NULL,
                    basis INTEGER NOT NULL, amount INTEGER NOT NULL, line INTEGER NOT NULL);
                DELETE FROM staging;
                """)
        let insert = try db.makeStatement(
            sql: "INSERT INTO staging(unit_id, period, indicator_id, basis, amount, line) VALUES (?, ?, ?, ?, ?, ?)")
        for fact in facts {
            try insert.execute(arguments: [
                unitIds[Int(fact.unit)], Int64(fact.period), indicatorIds[Int(fact.indicator)], fact.basis.rawValue,
                fact.amount.raw, Int64(fact.line),
            ])
        }
    }

    /// Marks the current facts whose value the staged file changes as superseded by it.
    static func supersedeChanged(_ db: Database, fileId: Int64) throws -> Int {
        try db.execute(
            sql: """
                UPDATE facts SET superseded_by = ?
                WHERE id IN (
                    SELECT f.id FROM staging s
                    JOIN facts f ON f.unit_id = s.unit_id AND f.period = s.period
                        AND f.indicator_id = s.indicator_id AND f.basis = s.basis AND f.superseded_by IS NULL
                    WHERE f.amount <> s.amount)
                """, arguments: [fileId])
        return db.changesCount
    }

    /// Inserts the staged facts that have no current value (new, or just superseded).
    static func insertStaged(_ db: Database, fileId: Int64) throws -> Int {
        try db.execute(
            sql: """
                INSERT INTO facts(unit_id, period, indicator_id, basis, amount, file_id, line)
                SELECT s.unit_id, s.period, s.indicator_id, s.basis, s.amount, ?, s.line FROM staging s
                WHERE NOT EXISTS (
                    SELECT 1 FROM facts f WHERE f.unit_id = s.unit_id AND f.period = s.period
                        AND f.indicator_id = s.indicator_id AND f.basis = s.basis AND f.superseded_by IS NULL)
                """, arguments: [fileId])
        return db.changesCount
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
