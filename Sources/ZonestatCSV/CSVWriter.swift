/// Writes CSV as outputs.md says: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM by default,
/// and cells that a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR, not a number)
/// prefixed with `'` (CSV injection).
public struct CSVWriter: Sendable {
    public var byteOrderMark: Bool
    public private(set) var text: String

    public init(byteOrderMark: Bool = true) {
        self.byteOrderMark = byteOrderMark
        self.text = byteOrderMark ? "\u{FEFF}" : ""
    }

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",")
        text += "\r\n"
    }

    /// The bytes to write.
    public var bytes: [UInt8] { Array(text.utf8) }

    /// One cell, neutralised and quoted as needed.
    public static func escape(_ field: String) -> String {
        var cell = field
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isNumber(cell) {
            cell = "'" + cell
        }
        // By scalar, not Character: "\r\n" is one Character equal to neither "\r" nor "\n", and a
        // quote followed by a combining mark is one Character that is not "\"".
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return cell
        }
        var quoted = "\""
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted += "\""
        return quoted
    }

    /// A plain decimal number (`-3.5`, `+2`), which is safe to leave as it is.
    public static func isNumber(_ text: String) -> Bool { isNumber(text.utf8) }

    /// ``isNumber(_:)`` of the text's UTF-8.
    public static func isNumber(_ utf8: String.UTF8View) -> Bool {
        var digits = 0, points = 0
        for (offset, byte) in utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if offset != 0 { return false }
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
