import GRDB

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
