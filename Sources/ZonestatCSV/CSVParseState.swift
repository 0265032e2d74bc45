#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where ``CSVParser`` is in its input and the record being assembled; libcsv's callbacks
/// reach it through their opaque context pointer.
///
/// libcsv reports fields and record ends but no positions. The parser feeds it one physical
/// line at a time, so while a line is fed `line` is that line's number. A record's first field
/// is reported while the line holding the byte that ends it is fed; every `\n` between the
/// record's start and that byte is inside the field (only a quoted field can hold one), so
/// the record starts on `line` minus the `\n` bytes in the field's text.
///
/// The parser keeps the state in memory of its own and hands libcsv a pointer to it, so the
/// callbacks, run for every cell, reach it without reference counting or exclusivity checks
/// (which once took a sixth of the parse time); it is only ever touched from the thread
/// running `parse` or `finish`, one call at a time.
struct CSVParseState {
    /// Where finished records go outside a `parse(_:rows:)` call.
    let onRecord: ((CSVRecord) -> Void)?
    /// Where finished records go during a `parse(_:rows:)` or `finish(rows:)` call: that
    /// call's closure, set for its duration only.
    var onRawRecord: ((CSVRawRecord) -> Void)?

    /// The 1-based line of the bytes being fed: one more than the `\n` bytes fed so far.
    private(set) var line = 1
    /// How many bytes have been fed.
    private(set) var offset = 0
    /// `lineStarts[i]` is the offset of the start of line `firstListedLine + i`; the list runs
    /// from the line the last record ended on to the current line, so it covers every line the
    /// record being assembled can start on.
    private var lineStarts: [Int] = [0]
    private var firstListedLine = 1

    /// The cells of the record being assembled, back to back, and where each ends: copied
    /// into buffers of our own, reused from record to record, instead of a `String` per cell,
    /// which readers of raw records mostly never need. ``releaseBuffers()`` frees them.
    private var cellBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 4096)
    private var cellBytesUsed = 0
    private var cellEnds = UnsafeMutableBufferPointer<Int>.allocate(capacity: 64)
    /// The number of cells of the record being assembled so far.
    private(set) var fieldCount = 0
    private var recordLine = 1
    private var recordOffset = 0

    init(onRecord: ((CSVRecord) -> Void)?) {
        self.onRecord = onRecord
    }

    /// Frees the cell buffers; the state is not used after.
    mutating func releaseBuffers() {
        cellBytes.deallocate()
        cellEnds.deallocate()
    }

    /// Records that `count` more bytes have been fed, the last of which may end the line.
    mutating func advance(by count: Int, endsLine: Bool) {
        offset += count
        if endsLine {
            line += 1
            lineStarts.append(offset)
        }
    }

    /// libcsv's end-of-field event.
    mutating func addField(_ bytes: UnsafeRawBufferPointer) {
        if fieldCount == 0 {
            recordLine = line - Self.newlineCount(in: bytes)
            recordOffset = lineStart(of: recordLine)
        }
        if cellBytesUsed + bytes.count > cellBytes.count {
            cellBytes = Self.enlarged(cellBytes, keeping: cellBytesUsed, toHold: cellBytesUsed + bytes.count)
        }
        if fieldCount == cellEnds.count {
            cellEnds = Self.enlarged(cellEnds, keeping: fieldCount, toHold: fieldCount + 1)
        }
        if let target = cellBytes.baseAddress, let source = bytes.baseAddress {
            memcpy(target + cellBytesUsed, source, bytes.count)
        }
        cellBytesUsed += bytes.count
        cellEnds[fieldCount] = cellBytesUsed
        fieldCount += 1
    }

    /// libcsv's end-of-record event.
    mutating func endRecord() {
        let record = CSVRawRecord(
            bytes: UnsafeBufferPointer(rebasing: cellBytes[..<cellBytesUsed]),
            ends: UnsafeBufferPointer(rebasing: cellEnds[..<fieldCount]), line: recordLine, byteOffset: recordOffset)
        if let onRawRecord {
            onRawRecord(record)
        } else {
            onRecord?(record.record)
        }
        cellBytesUsed = 0
        fieldCount = 0
        if lineStarts.count > 1, let current = lineStarts.last {
            lineStarts.removeAll(keepingCapacity: true)
            lineStarts.append(current)
            firstListedLine = line
        }
    }

    /// A buffer twice as large (or large enough for `count`), with the first `used` elements
    /// of `buffer`, which is freed.
    private static func enlarged<Element>(
        _ buffer: UnsafeMutableBufferPointer<Element>, keeping used: Int, toHold count: Int
    ) -> UnsafeMutableBufferPointer<Element> {
        let larger = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(buffer.count * 2, count))
        if let target = larger.baseAddress, let source = buffer.baseAddress {
            target.moveInitialize(from: source, count: used)
        }
        buffer.deallocate()
        return larger
    }

    /// Forgets the input, ready for a new one.
    mutating func reset() {
        line = 1
        offset = 0
        lineStarts = [0]
        firstListedLine = 1
        cellBytesUsed = 0
        fieldCount = 0
    }

    /// The offset of the start of `line`, which must be one of the listed lines.
    func lineStart(of line: Int) -> Int {
        let index = min(max(line - firstListedLine, 0), lineStarts.count - 1)
        return lineStarts[index]
    }

    /// The number of `\n` bytes in `bytes`, found with memchr.
    static func newlineCount(in bytes: UnsafeRawBufferPointer) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        let end = cursor + bytes.count
        var count = 0
        while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
            count += 1
            cursor = UnsafeRawPointer(found) + 1
        }
        return count
    }
}
