/// CSV as outputs.md says, byte by byte: RFC 4180 quoting, CRLF line ends, and a `'` before a
/// cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR, not a number: CSV injection).
/// The one CSV encoder: ``CSVWriter`` and every published table write through it. Every
/// character the rules look at is ASCII, so a UTF-8 byte stands for it.
extension ByteWriter {
    /// The UTF-8 byte order mark that outputs.md's CSV starts with.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One record: the cells, comma separated, then CRLF.
    public mutating func appendCSVRecord(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            appendCSVField(field)
        }
        append(UInt8(ascii: "\r"))
        append(UInt8(ascii: "\n"))
    }

    /// One cell: `'` before text a spreadsheet would evaluate, quoted when it holds a comma, a
    /// quote or a line break, quotes doubled.
    public mutating func appendCSVField(_ field: String) {
        let utf8 = field.utf8
        // Neither guarded nor quoted, the usual case: one scan and one copy of the string's own bytes.
        let copied = utf8.withContiguousStorageIfAvailable { buffer in
            if let first = buffer.first, ByteWriter.isFormulaStart(first) { return false }
            guard !buffer.contains(where: ByteWriter.needsQuoting) else { return false }
            append(buffer)
            return true
        }
        if copied == true { return }
        var guarded = false
        if let first = utf8.first, ByteWriter.isFormulaStart(first), !ByteWriter.isNumber(utf8) {
            guarded = true
        }
        guard utf8.contains(where: ByteWriter.needsQuoting) else {
            if guarded { append(UInt8(ascii: "'")) }
            append(utf8)
            return
        }
        append(UInt8(ascii: "\""))
        if guarded { append(UInt8(ascii: "'")) }
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { append(byte) }
            append(byte)
        }
        append(UInt8(ascii: "\""))
    }

    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"):
            true
        default: false
        }
    }

    private static func needsQuoting(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// A plain decimal number (`-3.5`, `+2`), which is safe to leave as it is.
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
