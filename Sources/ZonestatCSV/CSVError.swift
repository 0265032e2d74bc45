/// A CSV syntax problem found by ``CSVParser``, with the place in the input it was found.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Equatable, Sendable {
        /// A quote inside a cell that does not start with a quote (`ab"c`), in strict mode.
        case quoteInUnquotedField
        /// Text after the closing quote of a quoted cell (`"ab"c`, or `"ab" "`), in strict mode.
        case textAfterClosingQuote
        /// A quoted cell still open at the end of the input, in strict mode.
        case unterminatedQuotedField
        /// libcsv could not grow its buffer for one cell (`CSV_ENOMEM`, `CSV_ETOOBIG`).
        case fieldTooLarge
        /// libcsv refused to initialise its parser (`csv_init`).
        case parserUnavailable
    }

    /// What is wrong.
    public let kind: Kind
    /// The 1-based physical line of the offending byte; for an unterminated quoted cell, the
    /// line of its opening quote.
    public let line: Int
    /// The 1-based position of the offending cell in its record.
    public let column: Int
    /// The offset of the offending byte (for an unterminated cell, its opening quote) in the
    /// UTF-8 bytes fed to the parser.
    public let byteOffset: Int

    public init(kind: Kind, line: Int, column: Int, byteOffset: Int) {
        self.kind = kind
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    public var description: String {
        let place = "line \(line), column \(column) (byte \(byteOffset))"
        let reexport = "re-export the sheet from Excel as CSV"
        switch kind {
        case .quoteInUnquotedField:
            return "\(place): a quote (\") inside a cell that does not start with a quote; "
                + "a cell containing quotes must be enclosed in quotes with each inner quote doubled "
                + "(\"\") — \(reexport)"
        case .textAfterClosingQuote:
            return "\(place): text after the closing quote of a quoted cell; a quote inside a "
                + "quoted cell must be doubled (\"\") — \(reexport)"
        case .unterminatedQuotedField:
            return "\(place): the quoted cell opened here is never closed before the end of the file "
                + "(the file may be truncated) — \(reexport)"
        case .fieldTooLarge:
            return "\(place): a cell is too large to read into memory — check that the file is a "
                + "CSV table, or \(reexport)"
        case .parserUnavailable:
            return "the CSV parser (libcsv) could not be initialised"
        }
    }
}
