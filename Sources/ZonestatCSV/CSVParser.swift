import CLibCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads CSV bytes as they arrive, in chunks of any size, and hands each record to a handler
/// with the line and byte offset it starts at. The one Swift file that calls libcsv.
///
/// Chunk boundaries may fall anywhere (inside a quoted cell, a CRLF or a multi-byte
/// character): libcsv keeps partial cells in its own buffer, and a cell is handed on only
/// once complete, so every chunking gives the same records.
///
/// Lines that are empty or hold only spaces are skipped (libcsv reports no record for them);
/// a line such as `,,` is a record of empty cells. Records end at `\n`, `\r\n` or `\r`, but
/// line numbers count `\n` only.
public final class CSVParser {
    /// libcsv's parser, on the heap: libcsv keeps pointers into it between calls.
    private let parser: UnsafeMutablePointer<csv_parser>
    /// libcsv's context: the state its callbacks update, in memory of our own (see
    /// ``CSVParseState``).
    private let state: UnsafeMutablePointer<CSVParseState>
    private let quote: UInt8
    private let delimiter: UInt8
    private let strict: Bool
    /// The first error; the parser refuses further input after it.
    private var failure: CSVError?
    /// Whether plain lines are split in place (always, but in the tests that compare the two
    /// ways of reading a line).
    var readsPlainLines = true

    /// Creates a parser that hands each record to `onRecord`. Wraps `csv_init`,
    /// `csv_set_delim` and `csv_set_quote`.
    ///
    /// - Parameters:
    ///   - delimiter: the byte between cells: `,`, `\t` or `;`.
    ///   - quote: the byte that encloses cells.
    ///   - strict: reject quotes in unquoted cells, text after a closing quote and a quoted
    ///     cell left open at the end (`CSV_STRICT | CSV_STRICT_FINI`); otherwise libcsv
    ///     reads them leniently as literal text.
    ///   - onRecord: called with each record, in input order, from `parse` and `finish`.
    public convenience init(
        delimiter: UInt8, quote: UInt8 = 0x22, strict: Bool = true,
        onRecord: @escaping (CSVRecord) -> Void
    ) throws {
        try self.init(delimiter: delimiter, quote: quote, strict: strict, handler: onRecord)
    }

    /// Creates a parser whose records are read as ``CSVRawRecord``s by the closures passed to
    /// ``parse(_:rows:)`` and ``finish(rows:)``. The parameters are those of
    /// ``init(delimiter:quote:strict:onRecord:)``.
    public convenience init(delimiter: UInt8, quote: UInt8 = 0x22, strict: Bool = true) throws {
        try self.init(delimiter: delimiter, quote: quote, strict: strict, handler: nil)
    }

    private init(delimiter: UInt8, quote: UInt8, strict: Bool, handler: ((CSVRecord) -> Void)?) throws {
        precondition(delimiter != quote, "the delimiter and the quote must differ")
        precondition(![0x0A, 0x0D].contains(delimiter), "a line break cannot be the delimiter")
        let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        let options = strict ? UInt8(CSV_STRICT | CSV_STRICT_FINI) : 0
        guard csv_init(parser, options) == 0 else {
            parser.deallocate()
            throw CSVError(kind: .parserUnavailable, line: 1, column: 1, byteOffset: 0)
        }
        csv_set_delim(parser, delimiter)
        csv_set_quote(parser, quote)
        self.parser = parser
        self.quote = quote
        self.delimiter = delimiter
        self.strict = strict
        state = UnsafeMutablePointer<CSVParseState>.allocate(capacity: 1)
        state.initialize(to: CSVParseState(onRecord: handler))
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        state.pointee.releaseBuffers()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Feeds the next bytes of the input. Wraps `csv_parse`.
    ///
    /// The chunk is fed one physical line at a time (lines found with memchr) so that every
    /// record's start line is known; see ``CSVParseState``. A whole line without quotes or
    /// cells padded with spaces — almost every line of a form — is split in place instead
    /// (``CSVParseState/takePlainLine(_:delimiter:quote:)``), as libcsv would split it.
    public func parse(_ chunk: UnsafeRawBufferPointer) throws {
        if let failure { throw failure }
        guard let base = chunk.baseAddress else { return }
        let end = base + chunk.count
        var segment = base
        while segment < end {
            let newline = memchr(segment, 0x0A, end - segment)
            let segmentEnd = newline.map { UnsafeRawPointer($0) + 1 } ?? end
            let length = segmentEnd - segment
            // A plain line read in place, without libcsv: see CSVParseState.takePlainLine.
            if readsPlainLines, newline != nil, parser.pointee.pstate == 0, parser.pointee.entry_pos == 0, state.pointee.atLineStart,
                state.pointee.takePlainLine(UnsafeRawBufferPointer(start: segment, count: length), delimiter: delimiter, quote: quote)
            {
                state.pointee.advance(by: length, endsLine: true)
                segment = segmentEnd
                continue
            }
            let consumed = csv_parse(
                parser, segment, length, csvFieldEnded, csvRecordEnded, context)
            if consumed != length {
                let offending = segment.load(fromByteOffset: consumed, as: UInt8.self)
                let error = parseError(at: state.pointee.offset + consumed, offending: offending)
                failure = error
                throw error
            }
            state.pointee.advance(by: length, endsLine: newline != nil)
            segment = segmentEnd
        }
    }

    /// Takes the input as starting at physical `line` and byte `offset` of a larger text, for
    /// reading a part of it that starts at a record boundary: records and errors then carry
    /// the line and offset they have in the whole text. Call before any input.
    public func start(atLine line: Int, offset: Int) {
        state.pointee.start(atLine: line, offset: offset)
    }

    /// Feeds the next bytes of the input, handing each record they complete to `rows` (not
    /// to the parser's `onRecord`). See ``parse(_:)``.
    public func parse(_ chunk: UnsafeRawBufferPointer, rows: (CSVRawRecord) -> Void) throws {
        try withoutActuallyEscaping(rows) { rows in
            state.pointee.onRawRecord = rows
            defer { state.pointee.onRawRecord = nil }
            try parse(chunk)
        }
    }

    /// Ends the input, handing the last record, if the input does not end with a line break,
    /// to `rows`. See ``finish()``.
    public func finish(rows: (CSVRawRecord) -> Void) throws {
        try withoutActuallyEscaping(rows) { rows in
            state.pointee.onRawRecord = rows
            defer { state.pointee.onRawRecord = nil }
            try finish()
        }
    }

    /// Ends the input: reports the last record if the input does not end with a line break,
    /// and checks that no quoted cell is left open. Wraps `csv_fini`.
    ///
    /// Afterwards the parser is ready for a new input, starting again at line 1, byte 0.
    public func finish() throws {
        if let failure { throw failure }
        let openQuote = openQuotedField()
        guard csv_fini(parser, csvFieldEnded, csvRecordEnded, context) == 0 else {
            let error =
                openQuote
                ?? CSVError(
                    kind: .unterminatedQuotedField, line: state.pointee.line,
                    column: state.pointee.fieldCount + 1, byteOffset: state.pointee.offset)
            failure = error
            throw error
        }
        state.pointee.reset()
    }

    private var context: UnsafeMutableRawPointer { UnsafeMutableRawPointer(state) }

    /// The error for a `csv_parse` that stopped at `offset`, on the byte `offending`.
    private func parseError(at offset: Int, offending: UInt8) -> CSVError {
        let column = state.pointee.fieldCount + 1
        switch csv_error(parser) {
        case Int32(CSV_EPARSE):
            // libcsv stops on the offending byte; whether the cell began with a quote tells
            // which rule it broke.
            let kind: CSVError.Kind =
                parser.pointee.quoted == 0 && offending == quote
                ? .quoteInUnquotedField : .textAfterClosingQuote
            return CSVError(kind: kind, line: state.pointee.line, column: column, byteOffset: offset)
        default:
            return CSVError(
                kind: .fieldTooLarge, line: state.pointee.line, column: column, byteOffset: offset)
        }
    }

    /// Where the quoted cell libcsv is still reading began, if it is in one; computed before
    /// `csv_fini`, which reports the open cell as an error in strict mode.
    ///
    /// libcsv's buffer holds the cell's text so far: every byte after the opening quote,
    /// except that each doubled quote is kept once (strict mode rejects any other quote), and
    /// every `\n` since the opening quote.
    private func openQuotedField() -> CSVError? {
        let fieldBegun: Int32 = 2  // libcsv's FIELD_BEGUN state
        guard strict, parser.pointee.pstate == fieldBegun, parser.pointee.quoted != 0 else {
            return nil
        }
        let text = UnsafeRawBufferPointer(
            start: parser.pointee.entry_buf, count: parser.pointee.entry_pos)
        var quotes = 0
        for byte in text where byte == quote {
            quotes += 1
        }
        let line = state.pointee.line - CSVParseState.newlineCount(in: text)
        return CSVError(
            kind: .unterminatedQuotedField, line: line, column: state.pointee.fieldCount + 1,
            byteOffset: state.pointee.offset - text.count - quotes - 1)
    }
}

@available(*, unavailable, message: "a CSVParser holds a mutable libcsv parser")
extension CSVParser: Sendable {}

/// libcsv's end-of-field callback (`cb1`): the field's bytes and the ``CSVParseState``.
private func csvFieldEnded(
    _ bytes: UnsafeMutableRawPointer?, _ count: Int, _ context: UnsafeMutableRawPointer?
) {
    guard let context else { return }
    let field = UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count)
    context.assumingMemoryBound(to: CSVParseState.self).pointee.addField(field)
}

/// libcsv's end-of-record callback (`cb2`): the terminating byte, or -1 at the end of input.
private func csvRecordEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    context.assumingMemoryBound(to: CSVParseState.self).pointee.endRecord()
}
