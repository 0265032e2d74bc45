/// Checks that bytes are well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms, no
/// surrogates, nothing above U+10FFFF.
enum UTF8Validator {
    /// The offset of the first byte that does not begin a well-formed sequence, or nil if
    /// all of `bytes` is UTF-8. ASCII runs are skipped eight bytes at a time.
    static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count,
                base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let lead = base.load(fromByteOffset: index, as: UInt8.self)
            if lead < 0x80 {
                index += 1
                continue
            }
            // The usual non-ASCII character of a Chinese form: three bytes led by E1…EC or
            // EE…EF (CJK ideographs, full-width forms), whose two continuation bytes are
            // 80…BF with no further condition.
            if lead &- 0xE1 < 0x0C || lead &- 0xEE < 0x02, index + 3 <= count,
                base.load(fromByteOffset: index + 1, as: UInt8.self) & 0xC0 == 0x80,
                base.load(fromByteOffset: index + 2, as: UInt8.self) & 0xC0 == 0x80
            {
                index += 3
                continue
            }
            guard let length = sequenceLength(base, count, index, lead) else { return index }
            index += length
        }
        return nil
    }

    /// The length of the well-formed sequence starting with `lead` at `index`, or nil.
    private static func sequenceLength(
        _ base: UnsafeRawPointer, _ count: Int, _ index: Int, _ lead: UInt8
    ) -> Int? {
        // The allowed range of the second byte depends on the lead; later bytes are 80...BF.
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= count,
            second.contains(base.load(fromByteOffset: index + 1, as: UInt8.self))
        else { return nil }
        for offset in 2..<length
        where !(0x80...0xBF).contains(base.load(fromByteOffset: index + offset, as: UInt8.self)) {
            return nil
        }
        return length
    }
}
