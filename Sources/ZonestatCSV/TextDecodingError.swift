/// A file whose bytes could not be read as text, with where reading failed.
public struct TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Equatable, Sendable {
        /// The file starts with a byte-order mark but the bytes after it are not text in that
        /// encoding (a broken UTF-8 or UTF-16 sequence, or a file cut in the middle of one).
        case invalidAfterByteOrderMark(TextEncoding)
        /// The file is neither UTF-8 nor GB18030. `byteOffset` and `line` give where the likelier
        /// of the two (the one that read further) broke; the other is given here.
        case neitherUTF8NorGB18030(utf8Offset: Int, gb18030Offset: Int)
        /// The file has NUL bytes: UTF-16 without a byte-order mark, or not a text file.
        case nulBytes
        /// The C library has no converter for the encoding (iconv_open failed).
        case converterUnavailable(TextEncoding)
    }

    /// What is wrong.
    public let kind: Kind
    /// The offset of the first offending byte in the file, byte-order mark included.
    public let byteOffset: Int
    /// The 1-based line of that byte.
    public let line: Int
    /// Up to four bytes from `byteOffset`, to quote in the message.
    public let found: [UInt8]

    public init(kind: Kind, byteOffset: Int, line: Int, found: [UInt8]) {
        self.kind = kind
        self.byteOffset = byteOffset
        self.line = line
        self.found = found
    }

    public var description: String {
        let place = "line \(line) (byte \(byteOffset))"
        let hex = found.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        let resave = "save the sheet from Excel as \"CSV UTF-8 (逗号分隔)\" and drop it into the inbox again"
        switch kind {
        case .invalidAfterByteOrderMark(let encoding):
            return "\(place): the file starts with a \(encoding.label) byte-order mark, but \(hex) "
                + "is not \(encoding.label) text (the file may be damaged or cut short) — \(resave)"
        case .neitherUTF8NorGB18030(let utf8Offset, let gb18030Offset):
            return "\(place): cannot tell the file's encoding: \(hex) is neither UTF-8 nor GB18030 "
                + "(UTF-8 fails at byte \(utf8Offset), GB18030 at byte \(gb18030Offset)) — \(resave)"
        case .nulBytes:
            return "\(place): the file contains NUL bytes, so it is not a UTF-8 or GB18030 text "
                + "(perhaps UTF-16 without a byte-order mark) — \(resave)"
        case .converterUnavailable(let encoding):
            return "cannot read \(encoding.label): the system's iconv has no converter for it"
        }
    }
}
