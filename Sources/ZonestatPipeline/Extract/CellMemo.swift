/// What was read from each distinct text of a column whose cells repeat — a file's period on
/// every row, a dozen industry codes or areas — so each text is read once, and no string is
/// made of a cell seen before.
///
/// The texts seen are compared as bytes, the last one found first: such a column has a few
/// values, and a scan of them costs less than making the cell's string to look it up. Past
/// ``capacity`` texts, new ones are read every time, and once many were, the column is free
/// text and the scan is skipped.
struct CellMemo<Value> {
    private struct Entry {
        var bytes: [UInt8]
        var value: Value
    }

    private var entries: [Entry] = []
    /// The entry found last: a file's period repeats row after row.
    private var last: Int?
    private let capacity = 64
    /// Cells read since the memo was full.
    private var missesWhenFull = 0

    /// The value of `cell`, from `read` on its text the first time.
    mutating func value(of cell: UnsafeBufferPointer<UInt8>, _ read: (String) -> Value) -> Value {
        if missesWhenFull > 4 * capacity { return read(String(decoding: cell, as: UTF8.self)) }
        if let last, CellMemo.equal(entries[last].bytes, cell) { return entries[last].value }
        for position in entries.indices where CellMemo.equal(entries[position].bytes, cell) {
            last = position
            return entries[position].value
        }
        let value = read(String(decoding: cell, as: UTF8.self))
        if entries.count < capacity {
            last = entries.count
            entries.append(Entry(bytes: Array(cell), value: value))
        } else {
            missesWhenFull += 1
        }
        return value
    }

    private static func equal(_ bytes: [UInt8], _ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == cell.count else { return false }
        // Cells here are a few bytes: a loop costs less than a call to memcmp.
        for index in 0..<cell.count where bytes[index] != cell[index] { return false }
        return true
    }
}
