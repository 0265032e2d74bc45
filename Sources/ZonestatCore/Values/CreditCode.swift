/// The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies a
/// reporting unit (statistics.md §7).
///
/// 18 characters from `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, S, V, Z), each worth its
/// index 0…30: registration authority, category, region (GB/T 2260), organisation code, and
/// a check character C18 = (31 − Σ vᵢ·Wᵢ mod 31) mod 31 with Wᵢ = 3^(i−1) mod 31.
public enum CreditCode {
    /// The 31 characters a code may contain, in the order of their values.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// The weights of the first 17 positions: 3^(i−1) mod 31.
    public static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Checks a code as a cell wrote it, after normalising it (upper case, spaces and
    /// full-width forms removed).
    public static func check(_ raw: String) -> CreditCodeCheck {
        if let valid = validPlainCode(raw) { return .valid(valid) }
        let code = TextNormalization.compactCode(raw)
        if code.isEmpty { return .malformed(.empty) }
        if looksLikeExcelNumber(code) { return .mangledByExcel }
        let characters = Array(code)
        guard characters.count == 18 else { return .malformed(.wrongLength(characters.count)) }
        var values: [Int] = []
        values.reserveCapacity(18)
        for (offset, character) in characters.enumerated() {
            guard let value = value(of: character) else {
                return .malformed(.invalidCharacter(character, position: offset + 1))
            }
            values.append(value)
        }
        let expected = alphabet[checkValue(values.prefix(17))]
        if characters[17] == expected { return .valid(code) }
        if characters.allSatisfy(\.isASCIIDigit), code.hasSuffix("000") { return .mangledByExcel }
        return .wrongCheckCharacter(code: code, expected: expected)
    }

    /// The check character for the first 17 characters of a code (already normalised), or
    /// nil when `first17` is not 17 characters of the alphabet. Useful to make test codes.
    public static func checkCharacter(for first17: String) -> Character? {
        let characters = Array(first17)
        guard characters.count == 17 else { return nil }
        var values: [Int] = []
        for character in characters {
            guard let value = value(of: character) else { return nil }
            values.append(value)
        }
        return alphabet[checkValue(values[...])]
    }

    /// The value 0…30 of a code character, or nil when the alphabet lacks it.
    static func value(of character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        let value = value(ofASCII: ascii)
        return value < 0 ? nil : value
    }

    /// The value 0…30 of an upper-case ASCII code character, or −1 where the alphabet lacks it.
    /// A switch rather than a table, so the hot path touches no global.
    @inline(__always)
    static func value(ofASCII byte: UInt8) -> Int {
        switch byte {
        case 0x30...0x39: Int(byte &- 0x30)  // 0…9
        case 0x41...0x48: Int(byte &- 0x41) + 10  // A…H
        case 0x4A...0x4E: Int(byte &- 0x4A) + 18  // J…N
        case 0x50...0x52: Int(byte &- 0x50) + 23  // P, Q, R
        case 0x54, 0x55: Int(byte &- 0x54) + 26  // T, U
        case 0x57...0x59: Int(byte &- 0x57) + 28  // W, X, Y
        default: -1
        }
    }

    /// The common case without allocating: 18 ASCII characters (either case) that check.
    /// Nil for anything else, which the full path then examines.
    private static func validPlainCode(_ raw: String) -> String? {
        guard raw.utf8.count == 18 else { return nil }
        var sum = 0
        var weight = 1
        var position = 0
        var hasLowercase = false
        for var byte in raw.utf8 {
            if byte >= 0x61, byte <= 0x7A {
                byte -= 0x20
                hasLowercase = true
            }
            let value = value(ofASCII: byte)
            guard value >= 0 else { return nil }
            if position < 17 {
                sum += value * weight
                weight = weight * 3 % 31
            } else if value != (31 - sum % 31) % 31 {
                return nil
            }
            position += 1
        }
        return hasLowercase ? raw.uppercased() : raw
    }

    /// C18's value from the values of the first 17 characters.
    private static func checkValue(_ values: ArraySlice<Int>) -> Int {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return (31 - sum % 31) % 31
    }

    /// Whether the text is how Excel shows a long number it converted: `9.14403E+17`,
    /// `9.14403e17`, `9.14403E17`.
    private static func looksLikeExcelNumber(_ code: String) -> Bool {
        let parts = code.split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let mantissa = parts[0]
        var exponent = parts[1]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        let mantissaParts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(mantissaParts.count),
            mantissaParts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return false }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    /// Whether this is one of `0`…`9`.
    fileprivate var isASCIIDigit: Bool {
        isASCII && isNumber
    }
}
