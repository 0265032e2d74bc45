/// A file's text as UTF-8 bytes, without byte-order mark, and the encoding it was read in.
public struct DecodedText: Equatable, Sendable {
    /// The encoding the file was read in.
    public let encoding: TextEncoding
    /// The text in UTF-8, without byte-order mark.
    public let utf8: [UInt8]

    public init(encoding: TextEncoding, utf8: [UInt8]) {
        self.encoding = encoding
        self.utf8 = utf8
    }
}
