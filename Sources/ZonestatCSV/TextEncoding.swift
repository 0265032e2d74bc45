/// The character encoding a file was read in, recorded in the ledger: the pipeline never
/// guesses silently.
public enum TextEncoding: CaseIterable, Hashable, Sendable {
    /// UTF-8 without a byte-order mark.
    case utf8
    /// UTF-8 after the byte-order mark EF BB BF (Excel's "CSV UTF-8").
    case utf8BOM
    /// UTF-16 little-endian after the byte-order mark FF FE (Excel's "Unicode text").
    case utf16LE
    /// UTF-16 big-endian after the byte-order mark FE FF.
    case utf16BE
    /// GB18030, which includes GBK and GB2312 (Excel's "CSV (逗号分隔)" on Chinese Windows).
    case gb18030

    /// The name stored in the ledger.
    public var label: String {
        switch self {
        case .utf8: "utf-8"
        case .utf8BOM: "utf-8-bom"
        case .utf16LE: "utf-16le-bom"
        case .utf16BE: "utf-16be-bom"
        case .gb18030: "gb18030"
        }
    }

    /// The byte-order mark that announces the encoding, empty if it has none.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8BOM: [0xEF, 0xBB, 0xBF]
        case .utf16LE: [0xFF, 0xFE]
        case .utf16BE: [0xFE, 0xFF]
        case .utf8, .gb18030: []
        }
    }

    /// The encoding's name for iconv(3).
    var iconvName: String {
        switch self {
        case .utf8, .utf8BOM: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        }
    }
}
