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
/// The state is only ever touched from the thread running `parse` or `finish`, one call at a
/// time, so the hot properties skip dynamic exclusivity checks, which took a sixth of the
/// parse time.
final class CSVParseState {
    let onRecord: (CSVRecord) -> Void

    /// The 1-based line of the bytes being fed: one more than the `\n` bytes fed so far.
    @exclusivity(unchecked) private(set) var line = 1
    /// How many bytes have been fed.
    @exclusivity(unchecked) private(set) var offset = 0
    /// `lineStarts[i]` is the offset of the start of line `firstListedLine + i`; the list runs
    /// from the line the last record ended on to the current line, so it covers every line the
    /// record being assembled can start on.
    @exclusivity(unchecked) private var lineStarts: [Int] = [0]
    @exclusivity(unchecked) private var firstListedLine = 1

    @exclusivity(unchecked) private(set) var fields: [String] = []
    @exclusivity(unchecked) private var recordLine = 1
    @exclusivity(unchecked) private var recordOffset = 0

    init(onRecord: @escaping (CSVRecord) -> Void) {
        self.onRecord = onRecord
    }

    /// Records that `count` more bytes have been fed, the last of which may end the line.
    func advance(by count: Int, endsLine: Bool) {
        offset += count
        if endsLine {
            line += 1
            lineStarts.append(offset)
        }
    }

    /// libcsv's end-of-field event.
    func addField(_ bytes: UnsafeRawBufferPointer) {
        if fields.isEmpty {
            recordLine = line - Self.newlineCount(in: bytes)
            recordOffset = lineStart(of: recordLine)
        }
        // Typed as UInt8 so String takes its contiguous-memory path.
        fields.append(String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self))
    }

    /// libcsv's end-of-record event.
    func endRecord() {
        onRecord(CSVRecord(fields: fields, line: recordLine, byteOffset: recordOffset))
        fields.removeAll(keepingCapacity: true)
        if lineStarts.count > 1, let current = lineStarts.last {
            lineStarts.removeAll(keepingCapacity: true)
            lineStarts.append(current)
            firstListedLine = line
        }
    }

    /// Forgets the input, ready for a new one.
    func reset() {
        line = 1
        offset = 0
        lineStarts = [0]
        firstListedLine = 1
        fields = []
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
