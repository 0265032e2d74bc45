/// A CSV file as outputs.md says it, record by record: UTF-8 with a BOM by default, the cells
/// encoded by ``ByteWriter/appendCSVRecord(_:)`` (the one CSV encoder).
public struct CSVWriter: ~Copyable {
    private var writer = ByteWriter(capacity: 4096)

    public init(byteOrderMark: Bool = true) {
        if byteOrderMark { writer.append(ByteWriter.byteOrderMark) }
    }

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        writer.appendCSVRecord(fields)
    }

    /// The bytes to write.
    public var bytes: [UInt8] { writer.bytes }

    /// One cell, neutralised and quoted as needed.
    public static func escape(_ field: String) -> String {
        var cell = ByteWriter(capacity: field.utf8.count + 8)
        cell.appendCSVField(field)
        return String(decoding: cell.written, as: UTF8.self)
    }

    /// A plain decimal number (`-3.5`, `+2`), which is safe to leave as it is.
    public static func isNumber(_ text: String) -> Bool { ByteWriter.isNumber(text.utf8) }
}
