import GRDB

/// Moves the rows of the `facts` table (v1–v11) into the fact blocks (v12), period by period.
///
/// `facts` never stored a value equal to the current one, so a migrated file block lists only
/// the values its file added or changed (`complete = 0`); `zonestat rebuild` makes every block
/// complete. The counts are checked before `facts` is dropped.
enum FactBlockMigration {
    private struct Row {
        var unit: Int64
        var indicator: Int64
        var basis: Int
        var amount: Int64
        var file: Int64
        var line: Int64
        /// The file that superseded it; nil while current.
        var supersededBy: Int64?
    }

    private struct VintageKey: Hashable {
        var unit: Int64
        var indicator: Int64
        var basis: Int
        var file: Int64
    }

    static func run(_ db: Database) throws {
        // Every period with superseded rows has current ones (a superseded value was replaced):
        // the periods are walked down the period-led index of the current rows.
        var periods: [Int32] = []
        let before = try db.makeStatement(sql: "SELECT MAX(period) FROM facts WHERE superseded_by IS NULL AND period < ?")
        var bound = Int64.max
        while let period = try Int64.fetchOne(before, arguments: [bound]) {
            periods.append(Int32(truncatingIfNeeded: period))
            bound = period
        }
        var currentValues = 0, revisionRows = 0
        let revisions = try FactBlockStore.revisionInsert(db)
        for period in periods.reversed() {
            var rows: [Row] = []
            for sql in [
                "SELECT unit_id, indicator_id, basis, amount, file_id, line, superseded_by FROM facts WHERE period = ? AND superseded_by IS NULL",
                "SELECT unit_id, indicator_id, basis, amount, file_id, line, superseded_by FROM facts WHERE period = ? AND superseded_by IS NOT NULL",
            ] {
                let cursor = try GRDB.Row.fetchCursor(db, sql: sql, arguments: [period])
                while let row = try cursor.next() {
                    rows.append(Row(unit: row[0], indicator: row[1], basis: row[2], amount: row[3], file: row[4], line: row[5],
                                    supersededBy: row[6]))
                }
            }
            // File blocks: every row, by (indicator, basis, file, unit).
            var fileBlockCounts: [VintageKey: Int] = [:]
            rows.sort { ($0.indicator, $0.basis, $0.file, $0.unit) < ($1.indicator, $1.basis, $1.file, $1.unit) }
            var start = 0
            while start < rows.count {
                var end = start + 1
                while end < rows.count, rows[end].indicator == rows[start].indicator, rows[end].basis == rows[start].basis,
                    rows[end].file == rows[start].file
                { end += 1 }
                let key = BlockKey(period: period, indicator: rows[start].indicator, basis: rows[start].basis)
                var block = FactBlock()
                for row in rows[start..<end] {
                    block.units.append(try FactBlockStore.narrow(row.unit, key, "unit"))
                    block.amounts.append(row.amount)
                    block.lines.append(UInt32(clamping: row.line))
                }
                try FactBlockStore.insertFileBlock(db, key, file: rows[start].file, block, complete: false)
                fileBlockCounts[VintageKey(unit: 0, indicator: key.indicator, basis: key.basis, file: rows[start].file)] = block.count
                start = end
            }
            // Current blocks: the current rows by (indicator, basis, unit), sources from their files.
            let current = rows.filter { $0.supersededBy == nil }
                .sorted { ($0.indicator, $0.basis, $0.unit) < ($1.indicator, $1.basis, $1.unit) }
            currentValues += current.count
            start = 0
            while start < current.count {
                var end = start + 1
                while end < current.count, current[end].indicator == current[start].indicator, current[end].basis == current[start].basis
                { end += 1 }
                let key = BlockKey(period: period, indicator: current[start].indicator, basis: current[start].basis)
                var block = CurrentBlock()
                for row in current[start..<end] {
                    block.units.append(try FactBlockStore.narrow(row.unit, key, "unit"))
                    block.amounts.append(row.amount)
                    block.files.append(try FactBlockStore.narrow(row.file, key, "file"))
                }
                // Values all from one file whose block holds just them: the current block names it.
                let file = current[start].file
                if current[start..<end].allSatisfy({ $0.file == file }),
                    fileBlockCounts[VintageKey(unit: 0, indicator: key.indicator, basis: key.basis, file: file)] == block.count
                {
                    try FactBlockStore.writeCurrent(db, key, naming: file, count: block.count)
                } else {
                    try FactBlockStore.writeCurrent(db, key, block, replacing: nil)
                }
                start = end
            }
            // Revisions: each superseded row with the row of the file that superseded it.
            var byVintage: [VintageKey: (amount: Int64, line: Int64)] = [:]
            var wanted = Set<VintageKey>()
            for row in rows {
                if let newFile = row.supersededBy {
                    wanted.insert(VintageKey(unit: row.unit, indicator: row.indicator, basis: row.basis, file: newFile))
                }
            }
            for row in rows where !wanted.isEmpty {
                let key = VintageKey(unit: row.unit, indicator: row.indicator, basis: row.basis, file: row.file)
                if wanted.contains(key) { byVintage[key] = (row.amount, row.line) }
            }
            for row in rows {
                guard let newFile = row.supersededBy else { continue }
                let key = BlockKey(period: period, indicator: row.indicator, basis: row.basis)
                guard let new = byVintage[VintageKey(unit: row.unit, indicator: row.indicator, basis: row.basis, file: newFile)] else {
                    var broken = FactBlockStore.place("facts", key, file: row.file)
                    broken.problem = "unit #\(row.unit)'s value was superseded by file #\(newFile), which holds no value for it"
                    throw WarehouseError.brokenBlock(broken)
                }
                try FactBlockStore.insertRevision(
                    revisions,
                    FactBlockStore.Revision(
                        key: key, unit: row.unit, oldFile: row.file, oldAmount: row.amount, oldLine: row.line, newFile: newFile,
                        newAmount: new.amount, newLine: new.line))
                revisionRows += 1
            }
        }
        let facts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM facts WHERE superseded_by IS NULL") ?? 0
        let superseded = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM facts WHERE superseded_by IS NOT NULL") ?? 0
        let inBlocks = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM current_blocks") ?? 0
        let revised = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fact_revisions") ?? 0
        guard facts == currentValues, inBlocks == facts, superseded == revisionRows, revised == superseded else {
            throw WarehouseError.sqlite(
                path: db.description, operation: "migrate facts to blocks",
                message: "counts differ: \(facts) current facts, \(inBlocks) values in current blocks; "
                    + "\(superseded) superseded facts, \(revised) revision rows")
        }
    }
}
