import ZonestatCSV

/// JSON strings and cells written byte by byte: the one JSON string encoder (``JSONValue``'s
/// rendering uses it too). Every character it escapes is ASCII except U+2028 and U+2029, whose
/// UTF-8 forms are matched whole.
extension ByteWriter {
    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`,
    /// U+2028 and U+2029 as `\u2028` and `\u2029`; everything else as UTF-8.
    mutating func appendJSONString(_ value: String) {
        let utf8 = value.utf8
        // Nothing to escape, the usual case: one scan and one copy of the string's own bytes.
        let copied = utf8.withContiguousStorageIfAvailable { buffer in
            guard !buffer.contains(where: ByteWriter.mayNeedJSONEscape) else { return false }
            append(UInt8(ascii: "\""))
            append(buffer)
            append(UInt8(ascii: "\""))
            return true
        }
        if copied == true { return }
        append(UInt8(ascii: "\""))
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                append("\\u00")
                append(ByteWriter.hexDigit(byte >> 4))
                append(ByteWriter.hexDigit(byte & 0x0F))
            case 0xE2:
                // U+2028 is E2 80 A8 and U+2029 is E2 80 A9 in UTF-8.
                let second = utf8.index(after: index)
                if second != utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    if third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                        append(utf8[third] == 0xA8 ? "\\u2028" : "\\u2029")
                        index = utf8.index(after: third)
                        continue
                    }
                }
                append(byte)
            default: append(byte)
            }
            index = utf8.index(after: index)
        }
        append(UInt8(ascii: "\""))
    }

    /// A table cell as JSON: text as a string, a number literal as is (other number text as a
    /// string), an empty cell as `null` — ``TableCell/jsonValue``, without building the value.
    mutating func appendJSON(_ cell: TableCell) {
        switch cell {
        case .text(let text): appendJSONString(text)
        case .number(let text):
            if JSONValue.isNumberLiteral(text) { append(text) } else { appendJSONString(text) }
        case .empty: append("null")
        }
    }

    /// Whether a byte is escaped, or may start U+2028 or U+2029.
    private static func mayNeedJSONEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// Lowercase, as `String(_:radix:)` writes it.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
