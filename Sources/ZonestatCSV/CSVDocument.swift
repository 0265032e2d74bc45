/// A whole CSV file read into records, with the encoding and delimiter it was read with.
public struct CSVDocument: Equatable, Sendable {
    /// The encoding the file was read in.
    public let encoding: TextEncoding
    /// The delimiter found by ``DelimiterSniffer``.
    public let delimiter: UInt8
    /// Every record, in file order; blank rows such as `,,,` included (see
    /// ``CSVRecord/isBlank``), empty lines not.
    public let records: [CSVRecord]

    public init(encoding: TextEncoding, delimiter: UInt8, records: [CSVRecord]) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.records = records
    }

    /// How many bytes ``read(bytes:strict:)`` hands the parser at a time.
    static let chunkSize = 64 * 1024

    /// Reads a file's bytes: decodes them (``EncodingDetector``), finds the delimiter
    /// (``DelimiterSniffer``) and parses them (``CSVParser``).
    ///
    /// Record and error byte offsets count bytes of the decoded UTF-8 text, after the
    /// byte-order mark; line numbers are the file's.
    ///
    /// - Throws: ``TextDecodingError`` or ``CSVError``.
    public static func read(bytes: [UInt8], strict: Bool = true) throws -> CSVDocument {
        let text = try EncodingDetector.decode(bytes)
        let delimiter = DelimiterSniffer.sniff(text.utf8)
        var records: [CSVRecord] = []
        let parser = try CSVParser(delimiter: delimiter, strict: strict) { records.append($0) }
        try text.utf8.withUnsafeBytes { raw in
            for start in stride(from: 0, to: raw.count, by: chunkSize) {
                let end = min(start + chunkSize, raw.count)
                try parser.parse(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
            }
        }
        try parser.finish()
        return CSVDocument(encoding: text.encoding, delimiter: delimiter, records: records)
    }
}
