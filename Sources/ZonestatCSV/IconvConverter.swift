#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts whole texts to UTF-8 with iconv(3). The one Swift file that calls iconv.
enum IconvConverter {
    /// Why a conversion failed; offsets count bytes of the input.
    enum Failure: Error, Equatable {
        /// The bytes at the offset are not a character of the source encoding (`EILSEQ`).
        case invalidSequence(at: Int)
        /// The input ends inside a character (`EINVAL`).
        case incompleteSequence(at: Int)
        /// iconv has no converter from the source encoding (`iconv_open` failed).
        case unavailable
    }

    /// Converts `input`, encoded in `sourceEncoding` (an iconv name), to UTF-8. Wraps
    /// `iconv_open`, `iconv` and `iconv_close`.
    static func utf8(from input: UnsafeRawBufferPointer, sourceEncoding: String) throws(Failure)
        -> [UInt8]
    {
        let descriptor = iconv_open("UTF-8", sourceEncoding)
        guard Int(bitPattern: descriptor) != -1 else { throw .unavailable }
        defer { iconv_close(descriptor) }
        guard let inputBase = input.baseAddress, !input.isEmpty else { return [] }

        // UTF-16 and GB18030 take at most 1.5 UTF-8 bytes per input byte; grow if ever short.
        var output = [UInt8](repeating: 0, count: input.count + input.count / 2 + 16)
        var consumed = 0
        var produced = 0
        while true {
            let (status, error) = output.withUnsafeMutableBytes { buffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
                    mutating: (inputBase + consumed).assumingMemoryBound(to: CChar.self))
                var inLeft = input.count - consumed
                var outPointer: UnsafeMutablePointer<CChar>? = buffer.baseAddress.map {
                    ($0 + produced).assumingMemoryBound(to: CChar.self)
                }
                var outLeft = buffer.count - produced
                let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                let error = errno
                consumed = input.count - inLeft
                produced = buffer.count - outLeft
                return (status, error)
            }
            if status != -1 { break }
            switch error {
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            case EINVAL:
                throw .incompleteSequence(at: consumed)
            default:
                throw .invalidSequence(at: consumed)
            }
        }
        output.removeLast(output.count - produced)
        return output
    }
}
