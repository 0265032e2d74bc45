/// One record as ``CSVParser`` assembled it, its cells still UTF-8 bytes: for readers that
/// look at every cell of millions of rows and need a `String` of few of them.
///
/// It views the parser's buffers, so it is valid only inside the closure it is handed to;
/// ``record`` copies it out.
public struct CSVRawRecord {
    /// The bytes the cells are in: back to back (cells libcsv assembled), or the line itself
    /// (a plain line read in place, the delimiters between the cells).
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where each cell starts in `bytes`.
    private let starts: UnsafeBufferPointer<Int>
    /// Where each cell ends in `bytes`.
    private let ends: UnsafeBufferPointer<Int>
    /// The 1-based physical line the record starts on (see ``CSVRecord/line``).
    public let line: Int
    /// The offset of the start of that line (see ``CSVRecord/byteOffset``).
    public let byteOffset: Int

    init(
        bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<Int>, line: Int,
        byteOffset: Int
    ) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.line = line
        self.byteOffset = byteOffset
    }

    /// The number of cells.
    public var count: Int { ends.count }

    /// The bytes of cell `index`, unquoted and unescaped; empty past the last cell.
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < ends.count, let base = bytes.baseAddress else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        let start = starts[index]
        return UnsafeBufferPointer(start: base + start, count: ends[index] - start)
    }

    /// Cell `index` as text; empty past the last cell.
    public func string(_ index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }

    /// The record, copied out of the parser's buffers.
    public var record: CSVRecord {
        CSVRecord(fields: (0..<count).map(string), line: line, byteOffset: byteOffset)
    }

    /// Whether cell `index` is empty or whitespace only (``isBlank``'s test); true past the
    /// last cell.
    public func isCellEmpty(at index: Int) -> Bool {
        CSVRawRecord.isEmptyCell(self[index])
    }

    /// ``CSVRecord/isBlank``, without making strings of ASCII cells.
    public var isBlank: Bool {
        (0..<count).allSatisfy { CSVRawRecord.isEmptyCell(self[$0]) }
    }

    /// Whether a cell is empty or whitespace only, as `Character.isWhitespace` has it. ASCII
    /// is decided on the bytes (every ASCII character is its own grapheme, but CR LF, which is
    /// whitespace too); anything else asks the characters.
    static func isEmptyCell(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in cell {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case 0x80...: return CSVRecord.isEmptyCell(String(decoding: cell, as: UTF8.self))
            default: return false
            }
        }
        return true
    }
}

extension CSVRecord {
    /// Hands the record to `body` as a ``CSVRawRecord``, for readers that take those: the
    /// records a layout was decided on are kept as ``CSVRecord``s.
    public func withRawRecord<Result>(_ body: (CSVRawRecord) throws -> Result) rethrows -> Result {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(fields.count)
        ends.reserveCapacity(fields.count)
        for field in fields {
            starts.append(bytes.count)
            bytes.append(contentsOf: field.utf8)
            ends.append(bytes.count)
        }
        return try bytes.withUnsafeBufferPointer { bytes in
            try starts.withUnsafeBufferPointer { starts in
                try ends.withUnsafeBufferPointer { ends in
                    try body(CSVRawRecord(bytes: bytes, starts: starts, ends: ends, line: line, byteOffset: byteOffset))
                }
            }
        }
    }
}
