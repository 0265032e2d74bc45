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
        var writer = CSVWriter(byteOrderMark: bom)
        writer.append(columns)
        for row in rows {
            writer.append(row.map(\.csvText))
        }
        return writer.bytes
    }

    /// The JSON file: an array with one object per row, keyed by the column names in column
    /// order, numbers as number literals, undefined as `null`; one row per line.
    public func json() -> [UInt8] {
        let objects = rows.map { row in
            JSONValue.object(zip(columns, row).map { JSONMember($0, $1.jsonValue) })
        }
        return Array((JSONValue.array(objects).rendered() + "\n").utf8)
    }
}
