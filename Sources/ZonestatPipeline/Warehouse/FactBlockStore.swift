import Foundation
import GRDB

/// Reads and writes the fact block tables (`fact_blocks`, `current_blocks`, `fact_revisions`):
/// the one place that knows their SQL. Every BLOB goes through the codec (`FactBlock+Codec.swift`).
enum FactBlockStore {
    /// Where a block is stored, for a ``BrokenBlock`` to name it.
    static func place(_ table: String, _ key: BlockKey, file: Int64? = nil) -> BrokenBlock {
        BrokenBlock(table: table, period: Int(key.period), indicatorId: key.indicator, basis: key.basis, fileId: file, problem: "")
    }

    /// A unit or file id as the blocks store it (32 bits).
    static func narrow(_ id: Int64, _ key: BlockKey, _ what: String) throws -> UInt32 {
        guard let narrow = UInt32(exactly: id) else {
            var broken = place("fact_blocks", key)
            broken.problem = "\(what) id \(id) does not fit 32 bits"
            throw WarehouseError.brokenBlock(broken)
        }
        return narrow
    }

    /// The columns of a current block, whether stored in its row or named by it (`file_id`: the
    /// file block of the same key holds the values): id, period, indicator, basis, count, units,
    /// amounts, sources, file id.
    private static let currentColumns = """
        SELECT c.id, c.period, c.indicator_id, c.basis, c.count,
               CASE WHEN c.file_id IS NULL THEN c.units ELSE f.units END,
               CASE WHEN c.file_id IS NULL THEN c.amounts ELSE f.amounts END,
               c.sources, c.file_id
        FROM current_blocks c
        LEFT JOIN fact_blocks f ON c.file_id IS NOT NULL AND f.period = c.period AND f.indicator_id = c.indicator_id
            AND f.basis = c.basis AND f.file_id = c.file_id
        """

    /// The current block of `key` with its row id, nil when the key holds nothing.
    static func current(_ db: Database, _ key: BlockKey) throws -> (id: Int64, block: CurrentBlock)? {
        guard
            let row = try Row.fetchOne(
                db, sql: currentColumns + " WHERE c.period = ? AND c.indicator_id = ? AND c.basis = ?",
                arguments: [key.period, key.indicator, key.basis])
        else { return nil }
        return (row[0], try decodeCurrent(row, key))
    }

    /// Decodes the current block of a row of ``currentColumns``.
    static func decodeCurrent(_ row: Row, _ key: BlockKey) throws -> CurrentBlock {
        let count: Int = row[4], file: Int64? = row[8]
        var broken = place("current_blocks", key, file: file)
        guard let units = row[5] as Data?, let amounts = row[6] as Data? else {
            broken.problem = "names the block of file #\(file ?? 0), which does not exist"
            throw WarehouseError.brokenBlock(broken)
        }
        var sources: Data = row[7]
        if let file {
            guard let narrow = UInt32(exactly: file), let length = UInt32(exactly: count) else {
                broken.problem = "file id or count out of range"
                throw WarehouseError.brokenBlock(broken)
            }
            sources = PackedColumn.encode([narrow, length])
        }
        do {
            return try CurrentBlock.decode(count: count, units: units, amounts: amounts, sources: sources, broken)
        } catch {
            throw WarehouseError.brokenBlock(error)
        }
    }

    /// Every current block of `period` (all periods when nil), optionally of one indicator and
    /// basis, in key order.
    static func currentBlocks(
        _ db: Database, period: Int32? = nil, indicatorId: Int64? = nil, basis: Int? = nil
    ) throws -> [(BlockKey, CurrentBlock)] {
        var blocks: [(BlockKey, CurrentBlock)] = []
        try forEachCurrentBlock(db, period: period, indicatorId: indicatorId, basis: basis) { blocks.append(($0, $1)) }
        return blocks
    }

    /// The `WHERE` clause (empty when no filter) selecting current blocks by the keys given.
    private static func currentFilter(
        period: Int32?, indicatorId: Int64?, basis: Int?, periods ranges: [ClosedRange<Int32>]? = nil
    ) -> (String, StatementArguments) {
        var filters: [String] = [], arguments: StatementArguments = []
        if let ranges {
            // Ranges of period keys, each an index range on current_blocks_key; none selects nothing.
            filters.append(ranges.isEmpty ? "0" : "(" + ranges.map { _ in "c.period BETWEEN ? AND ?" }.joined(separator: " OR ") + ")")
            for range in ranges { _ = arguments.append(contentsOf: [range.lowerBound, range.upperBound]) }
        }
        if let period {
            filters.append("c.period = ?")
            _ = arguments.append(contentsOf: [period])
        }
        if let indicatorId {
            filters.append("c.indicator_id = ?")
            _ = arguments.append(contentsOf: [indicatorId])
        }
        if let basis {
            filters.append("c.basis = ?")
            _ = arguments.append(contentsOf: [basis])
        }
        return (filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND "), arguments)
    }

    /// ``currentBlocks(_:period:indicatorId:basis:)`` one block at a time; `periods`, when
    /// given, keeps only blocks whose period key lies in one of its ranges.
    static func forEachCurrentBlock(
        _ db: Database, period: Int32? = nil, indicatorId: Int64? = nil, basis: Int? = nil,
        periods ranges: [ClosedRange<Int32>]? = nil, _ body: (BlockKey, CurrentBlock) throws -> Void
    ) throws {
        let (filter, arguments) = currentFilter(period: period, indicatorId: indicatorId, basis: basis, periods: ranges)
        let cursor = try Row.fetchCursor(
            db, sql: currentColumns + filter + " ORDER BY c.period, c.indicator_id, c.basis", arguments: arguments)
        while let row = try cursor.next() {
            let key = BlockKey(period: row[1], indicator: row[2], basis: row[3])
            try body(key, try decodeCurrent(row, key))
        }
    }

    /// The key and value count of every current block whose period key lies in one of
    /// `periods`' ranges (all when nil), without reading the blocks.
    static func currentKeys(_ db: Database, periods ranges: [ClosedRange<Int32>]? = nil) throws -> [(key: BlockKey, count: Int)] {
        let (filter, arguments) = currentFilter(period: nil, indicatorId: nil, basis: nil, periods: ranges)
        var keys: [(key: BlockKey, count: Int)] = []
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT c.period, c.indicator_id, c.basis, c.count FROM current_blocks c" + filter
                + " ORDER BY c.period, c.indicator_id, c.basis", arguments: arguments)
        while let row = try cursor.next() {
            keys.append((BlockKey(period: row[0], indicator: row[1], basis: row[2]), row[3]))
        }
        return keys
    }

    /// How many values the current blocks hold whose period key lies in one of `periods`'
    /// ranges (all blocks when nil).
    static func currentValueCount(_ db: Database, periods ranges: [ClosedRange<Int32>]? = nil) throws -> Int {
        let (filter, arguments) = currentFilter(period: nil, indicatorId: nil, basis: nil, periods: ranges)
        return try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(c.count), 0) FROM current_blocks c" + filter, arguments: arguments) ?? 0
    }

    /// The current value of `unit` in every block of `period` (all when nil) and `indicatorId`
    /// (all when nil) that holds one: a binary search in each block's encoded ids, and only the
    /// found value's amount and source read (what one unit's history needs of millions).
    static func currentValues(_ db: Database, unit: Int64, period: Int32?, indicatorId: Int64?) throws
        -> [(key: BlockKey, amount: Int64, file: Int64)]
    {
        guard let narrow = UInt32(exactly: unit) else { return [] }
        let (filter, arguments) = currentFilter(period: period, indicatorId: indicatorId, basis: nil)
        let cursor = try Row.fetchCursor(db, sql: currentColumns + filter, arguments: arguments)
        var found: [(key: BlockKey, amount: Int64, file: Int64)] = []
        while let row = try cursor.next() {
            let key = BlockKey(period: row[1], indicator: row[2], basis: row[3])
            let count: Int = row[4], file: Int64? = row[8]
            guard let units = row[5] as Data?, let amounts = row[6] as Data?, units.count == count * 4 else {
                _ = try decodeCurrent(row, key)  // names what is broken
                continue
            }
            guard let position = FactBlock.position(of: narrow, inEncoded: units, count: count) else { continue }
            guard let amount = PackedColumn.amount(at: position, in: amounts, count: count) else {
                _ = try decodeCurrent(row, key)
                continue
            }
            if let file {
                found.append((key, amount, file))
                continue
            }
            let sources: Data = row[7]
            var source: Int64?
            if sources.count % 8 == 0, let runs = PackedColumn.uint32s(sources, count: sources.count / 4) {
                var start = 0
                for run in stride(from: 0, to: runs.count, by: 2) {
                    start += Int(runs[run + 1])
                    if position < start {
                        source = Int64(runs[run])
                        break
                    }
                }
            }
            guard let source else {
                _ = try decodeCurrent(row, key)
                continue
            }
            found.append((key, amount, source))
        }
        return found
    }

    /// Writes the current block of `key`: a new row, or the row `id` replaced.
    static func writeCurrent(_ db: Database, _ key: BlockKey, _ block: CurrentBlock, replacing id: Int64?) throws {
        let encoded: CurrentBlock.Encoded
        do { encoded = try block.encoded(place("current_blocks", key)) } catch { throw WarehouseError.brokenBlock(error) }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO current_blocks(id, period, indicator_id, basis, count, file_id, units, amounts, sources)
                VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)
                """,
            arguments: [id, key.period, key.indicator, key.basis, encoded.count, encoded.units, encoded.amounts, encoded.sources])
    }

    /// Makes file `fileId`'s block of `key` (of `count` values) the current block of `key`.
    static func writeCurrent(_ db: Database, _ key: BlockKey, naming fileId: Int64, count: Int) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO current_blocks(id, period, indicator_id, basis, count, file_id, units, amounts, sources)
                VALUES ((SELECT id FROM current_blocks WHERE period = ? AND indicator_id = ? AND basis = ?), ?, ?, ?, ?, ?, x'', x'', x'')
                """,
            arguments: [key.period, key.indicator, key.basis, key.period, key.indicator, key.basis, count, fileId])
    }

    /// Inserts what file `fileId` said for `key`.
    static func insertFileBlock(_ db: Database, _ key: BlockKey, file fileId: Int64, _ block: FactBlock, complete: Bool) throws {
        let encoded: FactBlock.Encoded
        do { encoded = try block.encoded(place("fact_blocks", key, file: fileId)) } catch { throw WarehouseError.brokenBlock(error) }
        try db.execute(
            sql: """
                INSERT INTO fact_blocks(file_id, period, indicator_id, basis, count, units, amounts, lines, complete)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [fileId, key.period, key.indicator, key.basis, encoded.count, encoded.units, encoded.amounts, encoded.lines,
                        complete])
    }

    /// What file `fileId` said for `key`, nil when it said nothing.
    static func fileBlock(_ db: Database, _ key: BlockKey, file fileId: Int64) throws -> FactBlock? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count, units, amounts, lines FROM fact_blocks
                    WHERE period = ? AND indicator_id = ? AND basis = ? AND file_id = ?
                    """,
                arguments: [key.period, key.indicator, key.basis, fileId])
        else { return nil }
        do {
            return try FactBlock.decode(
                count: row[0], units: row[1], amounts: row[2], lines: row[3], place("fact_blocks", key, file: fileId))
        } catch {
            throw WarehouseError.brokenBlock(error)
        }
    }

    /// A value a file changed: the row of `fact_revisions`.
    struct Revision {
        var key: BlockKey
        var unit: Int64
        var oldFile: Int64
        var oldAmount: Int64
        var oldLine: Int64
        var newFile: Int64
        var newAmount: Int64
        var newLine: Int64
    }

    static func insertRevision(_ statement: Statement, _ revision: Revision) throws {
        try statement.execute(arguments: [
            revision.key.period, revision.key.indicator, revision.key.basis, revision.unit, revision.oldFile, revision.oldAmount,
            revision.oldLine, revision.newFile, revision.newAmount, revision.newLine,
        ])
    }

    static func revisionInsert(_ db: Database) throws -> Statement {
        try db.makeStatement(
            sql: """
                INSERT INTO fact_revisions(period, indicator_id, basis, unit_id, old_file_id, old_amount, old_line,
                                           new_file_id, new_amount, new_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }
}
