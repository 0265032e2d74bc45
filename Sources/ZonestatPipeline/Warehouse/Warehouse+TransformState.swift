import Foundation
import GRDB
import ZonestatCore

extension Warehouse {
    /// What the last transform saw.
    public struct TransformState: Sendable, Hashable {
        public var lastFileId: Int64
        public var unitsFingerprint: String
        public var configFingerprint: String
    }

    public func transformState() throws(WarehouseError) -> TransformState? {
        try read("read the transform state") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM transform_state WHERE id = 1").map {
                TransformState(
                    lastFileId: $0["last_file_id"], unitsFingerprint: $0["units_fingerprint"],
                    configFingerprint: $0["config_fingerprint"])
            }
        }
    }

    public func lastFileId() throws(WarehouseError) -> Int64 {
        try read("read the ledger") { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM ledger") ?? 0 }
    }

    static func storeTransformState(_ db: Database, lastFileId: Int64, units: String, config: String) throws {
        try db.execute(
            sql: """
                INSERT INTO transform_state(id, last_file_id, units_fingerprint, config_fingerprint, finished_at)
                VALUES (1, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET last_file_id = excluded.last_file_id,
                    units_fingerprint = excluded.units_fingerprint, config_fingerprint = excluded.config_fingerprint,
                    finished_at = excluded.finished_at
                """, arguments: [lastFileId, units, config, ISO8601DateFormatter().string(from: Date())])
    }

    /// The periods whose results may differ because of files recorded after `fileId`.
    ///
    /// A changed value at (Y, N) changes Y's periods from N on (ytd, derived months), next year's
    /// periods from N on (their base and the rest-of-year figures use it), and all of next year
    /// when N is Y's latest month with data (last year's roster). A changed target or price index
    /// changes its year's or period's results.
    public func changedPeriods(since fileId: Int64) throws(WarehouseError) -> Set<Period> {
        try read("find changed periods") { db in
            // The periods of the files ingested since: a fact such a file superseded has the key,
            // and so the period, of the fact that replaced it. (The ledger lists each file's
            // periods; asking the facts would read them all.)
            var seeds = Set<Int>()
            for list in try String.fetchAll(
                db, sql: "SELECT periods FROM ledger WHERE id > ? AND status = 'ingested'", arguments: [fileId])
            {
                for key in list.split(separator: ",") { if let period = Int(key) { seeds.insert(period) } }
            }
            // Each year's latest month with current values, walking the period-led index downwards.
            var latestMonth: [Int: Int] = [:]
            let before = try db.makeStatement(sql: "SELECT MAX(period) FROM current_blocks WHERE period < ?")
            var bound = Int.max
            while let period = try Int.fetchOne(before, arguments: [bound]) {
                if latestMonth[period / 100] == nil { latestMonth[period / 100] = period % 100 }
                bound = period / 100 * 100
            }
            var dirty = Set<Period>()
            func add(year: Int, from month: Int) {
                for m in month...12 { if let period = Period(year: year, month: m) { dirty.insert(period) } }
            }
            for seed in seeds.sorted() {
                let year = seed / 100, month = seed % 100
                add(year: year, from: month)
                add(year: year + 1, from: month)
                if let latest = latestMonth[year], month >= latest { add(year: year + 1, from: 1) }
            }
            let targetYears = try Int.fetchAll(
                db, sql: "SELECT DISTINCT year FROM targets WHERE file_id > ? OR superseded_by > ?", arguments: [fileId, fileId])
            for year in targetYears { add(year: year, from: 1) }
            let indexPeriods = try Int.fetchAll(
                db, sql: "SELECT DISTINCT period FROM price_indices WHERE file_id > ? OR superseded_by > ?",
                arguments: [fileId, fileId])
            for key in indexPeriods { if let period = Period(key: key) { dirty.insert(period) } }
            return dirty
        }
    }

    /// The periods the units whose details changed since the last transform affect (new units
    /// excluded: their facts mark their periods): every period of each year they report in, and
    /// of the year after (last year's roster by industry).
    func periodsOfChangedUnits(_ db: Database, changes: [UnitDetailChange]) throws -> Set<Period> {
        let changed = changes.filter(\.changed).map(\.code)
        var dirty = Set<Period>()
        guard !changed.isEmpty else { return dirty }
        // The changed units' ids, then one pass over the current blocks' unit ids.
        var changedIds = Set<Int64>()
        let ids = try db.makeStatement(sql: "SELECT id FROM units WHERE credit_code = ?")
        for code in changed {
            if let id = try Int64.fetchOne(ids, arguments: [code]) { changedIds.insert(id) }
        }
        var years = Set<Int>()
        for (key, block) in try FactBlockStore.currentBlocks(db) where !years.contains(Int(key.period) / 100) {
            if block.units.contains(where: { changedIds.contains(Int64($0)) }) { years.insert(Int(key.period) / 100) }
        }
        for year in years {
            for month in 1...12 {
                for y in [year, year + 1] { if let period = Period(year: y, month: month) { dirty.insert(period) } }
            }
        }
        return dirty
    }

    /// Records the units' details as this transform used them.
    static func storeTransformUnits(_ db: Database, _ details: [String: String]) throws {
        let upsert = try db.makeStatement(
            sql: """
                INSERT INTO transform_units(credit_code, details) VALUES (?, ?)
                ON CONFLICT(credit_code) DO UPDATE SET details = excluded.details WHERE details <> excluded.details
                """)
        for (code, text) in details.sorted(by: { $0.key < $1.key }) { try upsert.execute(arguments: [code, text]) }
    }

    /// Marks `periods` as rewritten (a new generation); a full run first forgets every period.
    static func bumpGenerations(_ db: Database, periods: Set<Period>, full: Bool) throws {
        let next = (try Int64.fetchOne(db, sql: "SELECT MAX(generation) FROM out_periods") ?? 0) + 1
        if full { try db.execute(sql: "DELETE FROM out_periods") }
        let upsert = try db.makeStatement(
            sql: "INSERT INTO out_periods(period, generation) VALUES (?, ?) ON CONFLICT(period) DO UPDATE SET generation = excluded.generation")
        for period in periods.sorted() { try upsert.execute(arguments: [period.description, next]) }
    }

    /// The generation of every period's results.
    public func resultGenerations() throws(WarehouseError) -> [Period: Int64] {
        try read("read result generations") { db in
            var generations: [Period: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT period, generation FROM out_periods") {
                if let period = Warehouse.period(row["period"]) { generations[period] = row["generation"] }
            }
            return generations
        }
    }

    /// What each published folder was rendered from.
    public func loadFingerprints() throws(WarehouseError) -> [String: String] {
        try read("read the load state") { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT period, fingerprint FROM load_state").map {
                ($0["period"] as String, $0["fingerprint"] as String)
            })
        }
    }

    /// Records what the published folders were rendered from (after they are in place).
    public func storeLoadFingerprints(_ fingerprints: [String: String]) throws(WarehouseError) {
        try write("store the load state") { db in
            try db.execute(sql: "DELETE FROM load_state")
            let insert = try db.makeStatement(sql: "INSERT INTO load_state(period, fingerprint) VALUES (?, ?)")
            for (period, text) in fingerprints.sorted(by: { $0.key < $1.key }) { try insert.execute(arguments: [period, text]) }
        }
    }
}
