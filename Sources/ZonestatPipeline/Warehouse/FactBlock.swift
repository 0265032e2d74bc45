/// The key of a block: one (period, indicator, basis).
struct BlockKey: Hashable, Comparable, Sendable {
    var period: Int32
    var indicator: Int64
    var basis: Int

    static func < (a: BlockKey, b: BlockKey) -> Bool { (a.period, a.indicator, a.basis) < (b.period, b.indicator, b.basis) }
}

/// What one ingested file said for one (period, indicator, basis): its values by strictly
/// ascending unit id, with the file's line of each (`fact_blocks`).
struct FactBlock: Sendable, Hashable {
    var units: [UInt32] = []
    var amounts: [Int64] = []
    var lines: [UInt32] = []

    var count: Int { units.count }

    /// The position of `unit`, nil when the block has no value for it (binary search).
    func position(of unit: UInt32) -> Int? { FactBlock.position(of: unit, in: units) }

    static func position(of unit: UInt32, in units: [UInt32]) -> Int? {
        var low = 0, high = units.count
        while low < high {
            let middle = (low + high) / 2
            if units[middle] < unit { low = middle + 1 } else { high = middle }
        }
        return low < units.count && units[low] == unit ? low : nil
    }
}

/// The current values of one (period, indicator, basis) by strictly ascending unit id, with the
/// ledger id of the file each value came from (`current_blocks`; stored as runs of one file).
struct CurrentBlock: Sendable, Hashable {
    var units: [UInt32] = []
    var amounts: [Int64] = []
    /// The source file of each value (one entry per value in memory, runs when stored).
    var files: [UInt32] = []

    var count: Int { units.count }

    func position(of unit: UInt32) -> Int? { FactBlock.position(of: unit, in: units) }
}

/// A block that breaks the codec's rules, named by where it is stored.
public struct BrokenBlock: Error, Sendable, Hashable, CustomStringConvertible {
    /// `fact_blocks` or `current_blocks`.
    public var table: String
    public var period: Int
    public var indicatorId: Int64
    public var basis: Int
    /// The file of a `fact_blocks` row; nil for a current block.
    public var fileId: Int64?
    public var problem: String

    public var description: String {
        "\(table) block of period \(period), indicator #\(indicatorId), basis \(basis)"
            + (fileId.map { ", file #\($0)" } ?? "") + ": \(problem) — the warehouse is damaged; run `zonestat rebuild`"
    }
}
