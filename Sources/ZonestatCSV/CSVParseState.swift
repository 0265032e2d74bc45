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
    private var cellStarts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 64)
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
        cellStarts.deallocate()
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
        if fieldCount == cellEnds.count { enlargeCellBounds(toHold: fieldCount + 1) }
        cellStarts[fieldCount] = cellBytesUsed
        if let target = cellBytes.baseAddress, let source = bytes.baseAddress {
            memcpy(target + cellBytesUsed, source, bytes.count)
        }
        cellBytesUsed += bytes.count
        cellEnds[fieldCount] = cellBytesUsed
        fieldCount += 1
    }

    /// libcsv's end-of-record event.
    mutating func endRecord() {
        hand(CSVRawRecord(
            bytes: UnsafeBufferPointer(rebasing: cellBytes[..<cellBytesUsed]),
            starts: UnsafeBufferPointer(rebasing: cellStarts[..<fieldCount]),
            ends: UnsafeBufferPointer(rebasing: cellEnds[..<fieldCount]), line: recordLine, byteOffset: recordOffset))
        cellBytesUsed = 0
        fieldCount = 0
        forgetEarlierLines()
    }

    /// Whether the next byte fed starts a line (a record can start there).
    var atLineStart: Bool { lineStarts.last == offset }

    /// Reads a whole line that libcsv would split at every delimiter and take as it is, in
    /// place, without libcsv and without copying its cells: a line, fed at a line start with
    /// no record begun, holding no quote and no `\r` (but one before its `\n`), whose cells
    /// neither start nor end with a space or tab (libcsv trims those). Hands its record on, or
    /// nothing for an empty line (libcsv skips those); false, having done nothing, for any
    /// other line, which libcsv then reads.
    ///
    /// libcsv (strict or not) reads such a line as the cells between its delimiters: a cell
    /// begun by any byte but a space, tab, quote, delimiter or line end is unquoted, and runs
    /// to the next delimiter or line end, its trailing spaces trimmed.
    ///
    /// A tab or space delimiter is never read here: libcsv skips it where a cell would start,
    /// so that empty cells between two of them vanish.
    mutating func takePlainLine(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8, quote: UInt8) -> Bool {
        guard delimiter != 0x09, delimiter != 0x20 else { return false }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        var end = bytes.count
        if end > 0, base[end - 1] == 0x0A { end -= 1 }
        if end > 0, base[end - 1] == 0x0D { end -= 1 }
        if end == 0 { return true }
        var count = 0
        var start = 0
        var index = 0
        // Eight bytes at a time: a quote or CR anywhere sends the line to libcsv; each
        // delimiter ends a cell.
        let delimiters = Self.ones &* UInt64(delimiter), quotes = Self.ones &* UInt64(quote)
        let carriageReturns = Self.ones &* 0x0D
        let raw = UnsafeRawPointer(base)
        while index + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if Self.zeroBytes(word ^ quotes) | Self.zeroBytes(word ^ carriageReturns) != 0 { return false }
            var found = Self.zeroBytes(word ^ delimiters)
            while found != 0 {
                let at = index + found.trailingZeroBitCount >> 3
                guard record(cell: start, to: at, of: base, count: &count) else { return false }
                start = at + 1
                found &= found &- 1
            }
            index += 8
        }
        while index < end {
            let byte = base[index]
            if byte == delimiter {
                guard record(cell: start, to: index, of: base, count: &count) else { return false }
                start = index + 1
            } else if byte == quote || byte == 0x0D {
                return false
            }
            index += 1
        }
        guard record(cell: start, to: end, of: base, count: &count) else { return false }
        hand(CSVRawRecord(
            bytes: UnsafeBufferPointer(start: base, count: end),
            starts: UnsafeBufferPointer(rebasing: cellStarts[..<count]),
            ends: UnsafeBufferPointer(rebasing: cellEnds[..<count]), line: line, byteOffset: offset))
        forgetEarlierLines()
        return true
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The high bit of each byte of `word` that is zero, and no other bit.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word) & ~low
    }

    /// Notes the bounds of a plain line's cell `count`; false when the cell starts or ends
    /// with a space or tab.
    @inline(__always)
    private mutating func record(cell start: Int, to end: Int, of base: UnsafePointer<UInt8>, count: inout Int) -> Bool {
        if end > start {
            let first = base[start], last = base[end - 1]
            if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return false }
        }
        if count == cellEnds.count { enlargeCellBounds(toHold: count + 1) }
        cellStarts[count] = start
        cellEnds[count] = end
        count += 1
        return true
    }

    private func hand(_ record: CSVRawRecord) {
        if let onRawRecord {
            onRawRecord(record)
        } else {
            onRecord?(record.record)
        }
    }

    private mutating func enlargeCellBounds(toHold count: Int) {
        let used = cellEnds.count
        cellStarts = Self.enlarged(cellStarts, keeping: used, toHold: count)
        cellEnds = Self.enlarged(cellEnds, keeping: used, toHold: count)
    }

    /// Keeps only the current line's start: a record after this one starts on it or later.
    private mutating func forgetEarlierLines() {
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

    /// Takes the next byte fed as the start of physical `line`, at byte `offset`.
    mutating func start(atLine line: Int, offset: Int) {
        self.line = line
        self.offset = offset
        lineStarts = [offset]
        firstListedLine = line
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
