/// One CSV record, with where it starts in the input so problems can point at it.
public struct CSVRecord: Equatable, Hashable, Sendable {
    /// The record's cells, unquoted and unescaped, in column order.
    ///
    /// libcsv removes spaces and tabs around unquoted cells (unless tab is the delimiter);
    /// quoted cells are kept exactly as written.
    public var fields: [String]
    /// The 1-based physical line the record starts on, counting every `\n` in the input,
    /// including those inside quoted cells of earlier records.
    public var line: Int
    /// The offset, in the UTF-8 bytes fed to the parser, of the start of the line the record
    /// starts on (the BOM, if any, is not part of these bytes).
    public var byteOffset: Int

    public init(fields: [String], line: Int, byteOffset: Int) {
        self.fields = fields
        self.line = line
        self.byteOffset = byteOffset
    }

    /// Whether every cell is empty or whitespace only, such as `,,,` or `" ", ,`: callers
    /// treat such a row as blank.
    public var isBlank: Bool {
        fields.allSatisfy(Self.isEmptyCell)
    }

    /// Whether cell `index` is empty or whitespace only (``isBlank``'s test); true past the
    /// last cell.
    public func isCellEmpty(at index: Int) -> Bool {
        index >= fields.count || Self.isEmptyCell(fields[index])
    }

    /// The record without the empty or whitespace-only cells at its end, which Excel leaves
    /// when a sheet once had more columns.
    public func trimmingTrailingEmptyFields() -> CSVRecord {
        var copy = self
        while let last = copy.fields.last, Self.isEmptyCell(last) {
            copy.fields.removeLast()
        }
        return copy
    }

    static func isEmptyCell(_ cell: String) -> Bool {
        cell.allSatisfy(\.isWhitespace)
    }
}
