import Foundation

/// The one reader and writer of the fact blocks' BLOBs (little-endian, through ``PackedColumn``;
/// amounts narrowed to 32-bit steps of a power of ten where a block allows):
/// decoding checks every length against the row's count, the unit ids' strict order and, for a
/// current block, that its source runs cover its values; encoding checks the same before writing.
extension FactBlock {
    struct Encoded {
        var count: Int
        var units: Data
        var amounts: Data
        var lines: Data
    }

    func encoded(_ where: BrokenBlock) throws(BrokenBlock) -> Encoded {
        guard amounts.count == count, lines.count == count else {
            throw with(`where`, "columns of unequal length (\(count) units, \(amounts.count) amounts, \(lines.count) lines)")
        }
        try FactBlock.checkAscending(units, `where`)
        return Encoded(
            count: count, units: PackedColumn.encode(units), amounts: PackedColumn.encodeAmounts(amounts),
            lines: PackedColumn.encode(lines))
    }

    static func decode(count: Int, units: Data, amounts: Data, lines: Data, _ where: BrokenBlock) throws(BrokenBlock)
        -> FactBlock
    {
        guard let unitIds = PackedColumn.uint32s(units, count: count),
            let values = PackedColumn.amounts(amounts, count: count),
            let lineNumbers = PackedColumn.uint32s(lines, count: count)
        else { throw with(`where`, "a packed column does not hold \(count) values") }
        try checkAscending(unitIds, `where`)
        return FactBlock(units: unitIds, amounts: values, lines: lineNumbers)
    }

    static func checkAscending(_ units: [UInt32], _ where: BrokenBlock) throws(BrokenBlock) {
        for index in units.indices.dropFirst() where units[index - 1] >= units[index] {
            throw with(`where`, "unit ids not strictly ascending (#\(units[index - 1]) before #\(units[index]))")
        }
    }
}

extension CurrentBlock {
    struct Encoded {
        var count: Int
        var units: Data
        var amounts: Data
        var sources: Data
    }

    func encoded(_ where: BrokenBlock) throws(BrokenBlock) -> Encoded {
        guard amounts.count == count, files.count == count else {
            throw with(`where`, "columns of unequal length (\(count) units, \(amounts.count) amounts, \(files.count) sources)")
        }
        try FactBlock.checkAscending(units, `where`)
        // Runs of (file id, length).
        var runs: [UInt32] = []
        var index = 0
        while index < count {
            let file = files[index]
            var end = index + 1
            while end < count, files[end] == file { end += 1 }
            runs.append(file)
            runs.append(UInt32(end - index))
            index = end
        }
        return Encoded(
            count: count, units: PackedColumn.encode(units), amounts: PackedColumn.encodeAmounts(amounts),
            sources: PackedColumn.encode(runs))
    }

    static func decode(count: Int, units: Data, amounts: Data, sources: Data, _ where: BrokenBlock) throws(BrokenBlock)
        -> CurrentBlock
    {
        guard let unitIds = PackedColumn.uint32s(units, count: count),
            let values = PackedColumn.amounts(amounts, count: count),
            sources.count % 8 == 0, let runs = PackedColumn.uint32s(sources, count: sources.count / 4)
        else { throw with(`where`, "a packed column does not hold \(count) values") }
        try FactBlock.checkAscending(unitIds, `where`)
        var files: [UInt32] = []
        files.reserveCapacity(count)
        for run in stride(from: 0, to: runs.count, by: 2) {
            guard files.count + Int(runs[run + 1]) <= count else { break }
            files.append(contentsOf: repeatElement(runs[run], count: Int(runs[run + 1])))
        }
        guard files.count == count else { throw with(`where`, "source runs do not add up to \(count) values") }
        return CurrentBlock(units: unitIds, amounts: values, files: files)
    }
}

/// `block` saying `problem`.
private func with(_ block: BrokenBlock, _ problem: String) -> BrokenBlock {
    var named = block
    named.problem = problem
    return named
}

extension FactBlock {
    /// The position of `unit` in an encoded `units` column of `count` ids, by binary search on
    /// the bytes (nothing decoded); nil when absent or when the column is not `count` ids long.
    static func position(of unit: UInt32, inEncoded units: Data, count: Int) -> Int? {
        guard count >= 0, units.count == count * 4 else { return nil }
        return units.withUnsafeBytes { raw -> Int? in
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                if UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: middle * 4, as: UInt32.self)) < unit {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            guard low < count else { return nil }
            return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: low * 4, as: UInt32.self)) == unit ? low : nil
        }
    }
}
