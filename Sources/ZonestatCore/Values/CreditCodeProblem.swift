/// Why a credit-code cell is not a code at all.
public enum CreditCodeProblem: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The cell is empty (a totals row has no code; any other row needs one).
    case empty
    /// The code has `n` characters instead of 18.
    case wrongLength(Int)
    /// A character outside `0123456789ABCDEFGHJKLMNPQRTUWXY` at a 1-based position.
    case invalidCharacter(Character, position: Int)

    /// What is wrong, in Chinese and English.
    public var description: String {
        switch self {
        case .empty:
            "统一社会信用代码为空 / the credit code is empty"
        case .wrongLength(let count):
            "统一社会信用代码应为18位，此处为\(count)位 / a credit code has 18 characters, this one has \(count)"
        case .invalidCharacter(let character, let position):
            "第\(position)位字符“\(character)”不允许 / character \(position), \"\(character)\", cannot "
                + "appear in a credit code (I, O, S, V, Z and punctuation never do)"
        }
    }

    /// What the analyst should do.
    public var hint: String {
        "请按营业执照填写18位统一社会信用代码 / enter the unit's 18-character code as printed on its "
            + "business licence (the letters I, O, S, V, Z never occur: an I or O is usually the digit 1 or 0)"
    }
}
