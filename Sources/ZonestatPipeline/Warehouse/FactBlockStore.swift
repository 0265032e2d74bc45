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

    /// The current block of `key` with its row id, nil when the key holds nothing.
    static func current(_ db: Database, _ key: BlockKey) throws -> (id: Int64, block: CurrentBlock)? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT id, count, units, amounts, sources FROM current_blocks WHERE period = ? AND indicator_id = ? AND basis = ?",
                arguments: [key.period, key.indicator, key.basis])
        else { return nil }
        return (row[0], try decodeCurrent(row, key, from: 1))
    }

    /// Decodes the current block in `row`'s columns from `first` (count, units, amounts, sources).
    static func decodeCurrent(_ row: Row, _ key: BlockKey, from first: Int) throws -> CurrentBlock {
        do {
            return try CurrentBlock.decode(
                count: row[first], units: row[first + 1], amounts: row[first + 2], sources: row[first + 3],
                place("current_blocks", key))
        } catch {
            throw WarehouseError.brokenBlock(error)
        }
    }

    /// Every current block of `period` (all periods when nil), optionally of one indicator and
    /// basis, in key order; with `holding`, only the blocks that hold a value of that unit
    /// (found by a binary search in the encoded ids, the others not decoded).
    static func currentBlocks(
        _ db: Database, period: Int32? = nil, indicatorId: Int64? = nil, basis: Int? = nil, holding unit: Int64? = nil
    ) throws -> [(BlockKey, CurrentBlock)] {
        var filters: [String] = [], arguments: StatementArguments = []
        if let period {
            filters.append("period = ?")
            _ = arguments.append(contentsOf: [period])
        }
        if let indicatorId {
            filters.append("indicator_id = ?")
            _ = arguments.append(contentsOf: [indicatorId])
        }
        if let basis {
            filters.append("basis = ?")
            _ = arguments.append(contentsOf: [basis])
        }
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT period, indicator_id, basis, count, units, amounts, sources FROM current_blocks
                \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
                ORDER BY period, indicator_id, basis
                """, arguments: arguments)
        var blocks: [(BlockKey, CurrentBlock)] = []
        while let row = try cursor.next() {
            let key = BlockKey(period: row[0], indicator: row[1], basis: row[2])
            if let unit, let narrow = UInt32(exactly: unit) {
                let units: Data = row[4], count: Int = row[3]
                // A column of the wrong length is decoded below, which names the broken block.
                if units.count == count * 4, FactBlock.position(of: narrow, inEncoded: units, count: count) == nil { continue }
            }
            blocks.append((key, try decodeCurrent(row, key, from: 3)))
        }
        return blocks
    }

    /// Writes the current block of `key`: a new row, or the row `id` replaced.
    static func writeCurrent(_ db: Database, _ key: BlockKey, _ block: CurrentBlock, replacing id: Int64?) throws {
        let encoded: CurrentBlock.Encoded
        do { encoded = try block.encoded(place("current_blocks", key)) } catch { throw WarehouseError.brokenBlock(error) }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO current_blocks(id, period, indicator_id, basis, count, units, amounts, sources)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, key.period, key.indicator, key.basis, encoded.count, encoded.units, encoded.amounts, encoded.sources])
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

/// Current values looked up one key at a time, each block read and decoded once (a file's line
/// of a value from that file's block, also read once).
struct CurrentLookup {
    let db: Database
    private var blocks: [BlockKey: CurrentBlock?] = [:]
    private var fileBlocks: [FileBlockKey: FactBlock?] = [:]

    private struct FileBlockKey: Hashable {
        var key: BlockKey
        var file: Int64
    }

    init(_ db: Database) { self.db = db }

    /// The current block of `key`, nil when it holds nothing.
    mutating func block(_ key: BlockKey) throws -> CurrentBlock? {
        if let known = blocks[key] { return known }
        let block = try FactBlockStore.current(db, key)?.block
        blocks[key] = block
        return block
    }

    /// The current value of `unit` at `key`: its amount and source file; nil when none.
    mutating func value(_ key: BlockKey, unit: Int64) throws -> (amount: Int64, file: Int64)? {
        guard let narrow = UInt32(exactly: unit), let block = try block(key), let position = block.position(of: narrow)
        else { return nil }
        return (block.amounts[position], Int64(block.files[position]))
    }

    /// The line of the value of `unit` at `key` in file `file`, 0 when that file's block lacks it.
    mutating func line(_ key: BlockKey, unit: Int64, file: Int64) throws -> Int64 {
        let fileKey = FileBlockKey(key: key, file: file)
        let block: FactBlock?
        if let known = fileBlocks[fileKey] {
            block = known
        } else {
            block = try FactBlockStore.fileBlock(db, key, file: file)
            fileBlocks[fileKey] = block
        }
        guard let block, let narrow = UInt32(exactly: unit), let position = block.position(of: narrow) else { return 0 }
        return Int64(block.lines[position])
    }
}
