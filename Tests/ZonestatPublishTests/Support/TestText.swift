/// Decoding published bytes for assertions.
enum TestText {
    /// The bytes as UTF-8 text (BOM kept).
    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The CSV's records, split on CRLF, BOM stripped (cells with line breaks are not split
    /// apart correctly: use only where there are none).
    static func csvLines(_ bytes: [UInt8]) -> [String] {
        var text = string(bytes)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
