import ZonestatCSV

/// A table as published: named columns in contract order and typed cells.
///
/// Every data file of outputs.md (`indicators`, `targets`, `roster`, `warnings`, `series`) is
/// one of these, written as CSV and, where the contract asks, as JSON with the same keys.
public struct PublishedTable: Sendable, Hashable {
    /// The column names, exactly as outputs.md spells them, in its order.
    public var columns: [String]
    /// The rows; each has one cell per column.
    public var rows: [[TableCell]]

    /// A table of `columns` and `rows`; every row must have one cell per column.
    public init(columns: [String], rows: [[TableCell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one cell per column")
        self.columns = columns
        self.rows = rows
    }

    /// The CSV file: header row, RFC 4180 quoting, CRLF, CSV-injection guard, with a UTF-8
    /// byte order mark unless `bom` is false (outputs.md, "CSV conventions").
    public func csv(bom: Bool = true) -> [UInt8] {
        var file: [UInt8] = []
        file.reserveCapacity(estimatedBytes)
        if bom { file += ByteWriter.byteOrderMark }
        var writer = ByteWriter(capacity: 1024)
        writer.appendCSVRecord(columns)
        writer.flush(into: &file)
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { writer.append(UInt8(ascii: ",")) }
                writer.appendCSVField(cell.csvText)
            }
            writer.append(UInt8(ascii: "\r"))
            writer.append(UInt8(ascii: "\n"))
            writer.flush(into: &file)
        }
        return file
    }

    /// The JSON file: an array with one object per row, keyed by the column names in column
    /// order, numbers as number literals, undefined as `null`; one row per line.
    public func json() -> [UInt8] {
        // What `JSONValue.rendered()` writes for an array of flat objects, written directly:
        // building a JSONValue per cell cost more than the bytes.
        guard !rows.isEmpty else { return Array("[]\n".utf8) }
        var keys: [[UInt8]] = []
        for (index, column) in columns.enumerated() {
            var key = ByteWriter(capacity: column.utf8.count + 4)
            if index > 0 { key.append(", ") }
            key.appendJSONString(column)
            key.append(": ")
            keys.append(key.bytes)
        }
        var file: [UInt8] = []
        file.reserveCapacity(estimatedBytes + rows.count * keys.reduce(4) { $0 + $1.count })
        var writer = ByteWriter(capacity: 1024)
        writer.append("[\n")
        for (rowIndex, row) in rows.enumerated() {
            writer.append("  {")
            for (index, cell) in row.enumerated() {
                writer.append(keys[index])
                writer.appendJSON(cell)
            }
            writer.append(rowIndex + 1 < rows.count ? "},\n" : "}\n")
            writer.flush(into: &file)
        }
        writer.append("]\n")
        writer.flush(into: &file)
        return file
    }

    /// About the bytes of the cells, to reserve the buffer once.
    private var estimatedBytes: Int {
        (rows.count + 1) * columns.count * 12 + 64
    }
}
