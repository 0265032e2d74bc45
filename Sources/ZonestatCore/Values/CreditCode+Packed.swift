/// Credit codes as compact keys, read straight from a cell's UTF-8 bytes.
///
/// A code's 18 characters are values 0…30, five bits each: 90 bits, a `UInt128` that hashes
/// and compares without touching a `String`. Files of a million rows look up their units by it.
extension CreditCode {
    /// The key of a normalised code (``CreditCodeCheck/code``: 18 characters of the alphabet),
    /// or nil for anything else.
    public static func packed(_ code: String) -> UInt128? {
        var code = code
        return code.withUTF8 { packed(utf8: $0) }
    }

    /// ``packed(_:)`` of a normalised code's UTF-8 bytes (upper case: a lower-case letter is
    /// not a normalised code, so nil).
    public static func packed(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt128? {
        guard let (key, hasLowercase) = packed(utf8: bytes, requireCheck: false), !hasLowercase else { return nil }
        return key
    }

    /// The common case of ``check(_:)`` on a cell's bytes: 18 characters of the alphabet,
    /// either case, whose check character is right. Returns the code's key and whether it has
    /// lower-case letters (its normalised form is then upper-cased); nil for anything else,
    /// which ``check(_:)`` then examines.
    public static func packedIfValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (key: UInt128, hasLowercase: Bool)? {
        packed(utf8: bytes, requireCheck: true)
    }

    private static func packed(utf8 bytes: UnsafeBufferPointer<UInt8>, requireCheck: Bool)
        -> (key: UInt128, hasLowercase: Bool)?
    {
        guard bytes.count == 18, let base = bytes.baseAddress else { return nil }
        // Two 64-bit halves of nine characters each: shifting a UInt128 per character cost more
        // than the rest of the check.
        var high: UInt64 = 0
        var low: UInt64 = 0
        var sum = 0
        var weight = 1
        var lowercase: UInt8 = 0
        for position in 0..<17 {
            let byte = base[position]
            lowercase |= byte & 0x20 & (byte >> 1)  // set by a–z (0x61…0x7A), never by 0–9
            guard let value = packedValue(byte) else { return nil }
            if position < 9 {
                high = high << 5 | UInt64(value)
            } else {
                low = low << 5 | UInt64(value)
            }
            sum &+= value &* weight
            // 3^(i−1) mod 31, kept below 31 by subtraction: 3 × 30 < 3 × 31.
            weight &*= 3
            if weight >= 31 { weight -= 31 }
            if weight >= 31 { weight -= 31 }
        }
        let last = base[17]
        lowercase |= last & 0x20 & (last >> 1)
        guard let check = packedValue(last), !requireCheck || check == (31 - sum % 31) % 31 else { return nil }
        return (UInt128(high) << 45 | UInt128(low << 5 | UInt64(check)), lowercase != 0)
    }

    /// The value 0…30 of a code character, either case, or nil where the alphabet lacks it:
    /// digits are 0…9, letters 10… in order, skipping I, O, S, V and Z.
    @inline(__always)
    private static func packedValue(_ byte: UInt8) -> Int? {
        let digit = byte &- 0x30
        if digit < 10 { return Int(digit) }
        let letter = (byte | 0x20) &- 0x61  // a…z and A…Z alike
        // The letters the alphabet lacks, as bits of their offsets from A: I, O, S, V, Z.
        let missing: UInt32 = 1 << 8 | 1 << 14 | 1 << 18 | 1 << 21 | 1 << 25
        guard letter < 26, byte >= 0x41, missing >> UInt32(letter) & 1 == 0 else { return nil }
        return 10 + Int(letter) - (missing & (1 << UInt32(letter) &- 1)).nonzeroBitCount
    }
}
