#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds how a file's bytes are encoded and turns them into UTF-8 for the CSV parser.
public enum EncodingDetector {
    /// Decodes `bytes`: a byte-order mark decides first (UTF-8, UTF-16LE, UTF-16BE; the mark
    /// is removed), then well-formed UTF-8 is taken as is (without copying), then GB18030.
    ///
    /// - Throws: ``TextDecodingError`` when the bytes fit none of these, naming the offending
    ///   byte and line, or when text without a byte-order mark contains NUL bytes.
    public static func decode(_ bytes: [UInt8]) throws -> DecodedText {
        for encoding in [TextEncoding.utf8BOM, .utf16LE, .utf16BE]
        where bytes.starts(with: encoding.byteOrderMark) {
            return try decode(bytes, after: encoding)
        }
        return try bytes.withUnsafeBytes { raw throws -> DecodedText in
            if let base = raw.baseAddress, let nul = memchr(base, 0, raw.count) {
                throw error(.nulBytes, at: UnsafeRawPointer(nul) - base, in: raw)
            }
            guard let utf8Failure = UTF8Validator.firstInvalidOffset(in: raw) else {
                return DecodedText(encoding: .utf8, utf8: bytes)
            }
            do throws(IconvConverter.Failure) {
                let utf8 = try IconvConverter.utf8(from: raw, sourceEncoding: "GB18030")
                return DecodedText(encoding: .gb18030, utf8: utf8)
            } catch .unavailable {
                throw error(.converterUnavailable(.gb18030), at: 0, in: raw)
            } catch .invalidSequence(let offset), .incompleteSequence(let offset) {
                let kind = TextDecodingError.Kind.neitherUTF8NorGB18030(
                    utf8Offset: utf8Failure, gb18030Offset: offset)
                throw error(kind, at: max(utf8Failure, offset), in: raw)
            }
        }
    }

    /// Decodes the bytes after the byte-order mark of `encoding`.
    private static func decode(_ bytes: [UInt8], after encoding: TextEncoding) throws -> DecodedText {
        let markLength = encoding.byteOrderMark.count
        return try bytes.withUnsafeBytes { raw throws -> DecodedText in
            let text = UnsafeRawBufferPointer(rebasing: raw[markLength...])
            if encoding == .utf8BOM {
                if let offset = UTF8Validator.firstInvalidOffset(in: text) {
                    throw error(.invalidAfterByteOrderMark(encoding), at: markLength + offset, in: raw)
                }
                return DecodedText(encoding: encoding, utf8: Array(text))
            }
            do throws(IconvConverter.Failure) {
                let utf8 = try IconvConverter.utf8(from: text, sourceEncoding: encoding.iconvName)
                return DecodedText(encoding: encoding, utf8: utf8)
            } catch .unavailable {
                throw error(.converterUnavailable(encoding), at: 0, in: raw)
            } catch .invalidSequence(let offset), .incompleteSequence(let offset) {
                let kind = TextDecodingError.Kind.invalidAfterByteOrderMark(encoding)
                throw error(kind, at: markLength + offset, in: raw, utf16: encoding)
            }
        }
    }

    /// The error of `kind` at `offset` in the file `raw`, with its line and the bytes there.
    private static func error(
        _ kind: TextDecodingError.Kind, at offset: Int, in raw: UnsafeRawBufferPointer,
        utf16 encoding: TextEncoding? = nil
    ) -> TextDecodingError {
        let before = UnsafeRawBufferPointer(rebasing: raw[..<offset])
        let newlines: Int
        switch encoding {
        case .utf16LE?, .utf16BE?:
            // Count the code units 0x000A, in the file's byte order, after the mark.
            let bigEndian = encoding == .utf16BE
            newlines = stride(from: 2, to: before.count - 1, by: 2).count { index in
                let (high, low) =
                    bigEndian
                    ? (before[index], before[index + 1]) : (before[index + 1], before[index])
                return high == 0 && low == 0x0A
            }
        default:
            newlines = CSVParseState.newlineCount(in: before)
        }
        let found = Array(raw[offset..<min(offset + 4, raw.count)])
        return TextDecodingError(kind: kind, byteOffset: offset, line: newlines + 1, found: found)
    }
}
