/// A GB/T 4754-2017 industry code as a unit reports it: a class (小类, 4 digits) or a
/// division (大类, 2 digits), with its section letter.
///
/// Breakdowns roll a class up to its division by prefix (statistics.md §5). Excel strips
/// leading zeros, so `610` is read as `0610` and `6` as `06`.
public struct IndustryCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The digits: two for a division (`36`), four for a class (`3670`).
    public let code: String

    /// Reads a code as cells write it: `C3670`, `3670`, `C36`, `36`, `c 36`, `0610`, `610`
    /// (→ `0610`), `6` (→ `06`), full-width forms too. A section letter, if present, must
    /// be the division's. Nil for anything else, including divisions outside 01…97.
    public static func normalize(_ raw: String) -> IndustryCode? {
        var text = Substring(TextNormalization.compactCode(raw))
        var letter: Character?
        if let first = text.first, first.isLetter {
            letter = first
            text = text.dropFirst()
        }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let digits: String
        switch text.count {
        case 1, 3: digits = "0" + text
        case 2, 4: digits = String(text)
        default: return nil
        }
        guard let division = Int(digits.prefix(2)),
            let section = IndustrySection.letter(ofDivision: division)
        else { return nil }
        if let letter, letter != section { return nil }
        return IndustryCode(code: digits)
    }

    private init(code: String) {
        self.code = code
    }

    /// The two-digit division (`3670` → `36`).
    public var division: String { String(code.prefix(2)) }

    /// Whether the code is a whole division rather than one of its classes.
    public var isDivision: Bool { code.count == 2 }

    /// The section letter (`36` → `C`).
    public var section: Character {
        Int(division).flatMap(IndustrySection.letter(ofDivision:)) ?? "?"
    }

    /// The division's official name (`3670` → 汽车制造业).
    public var divisionName: String {
        IndustryDivision.name(division) ?? IndustryDivision.unknownName
    }

    /// Whether the code is in industry (工业): sections B, C, D.
    public var isIndustrial: Bool {
        IndustrySection.industrial.contains(section)
    }

    /// The code with its section letter: `C3670`.
    public var description: String { String(section) + code }

    public static func < (lhs: IndustryCode, rhs: IndustryCode) -> Bool {
        lhs.code < rhs.code
    }

    /// Decodes a code as ``normalize(_:)`` reads it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = IndustryCode.normalize(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a GB/T 4754-2017 division or class code")
        }
        self = code
    }

    /// Encodes the digits, `"3670"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
