/// The verdict on one credit-code cell, from ``CreditCode/check(_:)``.
public enum CreditCodeCheck: Sendable, Hashable {
    /// A well-formed code with the right check character, normalised (upper case, no spaces).
    case valid(String)
    /// A well-formed code whose check character is not the computed one. A warning: real
    /// registries contain a few, so the row is kept and flagged.
    case wrongCheckCharacter(code: String, expected: Character)
    /// A number Excel made of the code (`9.14403E+17`, or 18 digits ending in `000` that
    /// fail the check): the digits are lost. An error: format the column as text.
    case mangledByExcel
    /// Not a code at all.
    case malformed(CreditCodeProblem)

    /// The normalised code to key the unit by: for a valid code and for one with a wrong
    /// check character; nil otherwise.
    public var code: String? {
        switch self {
        case .valid(let code), .wrongCheckCharacter(let code, _): code
        case .mangledByExcel, .malformed: nil
        }
    }

    /// Whether the cell must reject its file (mangled or malformed), as opposed to a valid
    /// code or a warning.
    public var isError: Bool {
        code == nil
    }

    /// What is wrong and what to do, in Chinese and English; nil for a valid code.
    public var message: String? {
        switch self {
        case .valid:
            return nil
        case .wrongCheckCharacter(let code, let expected):
            return "统一社会信用代码\(code)校验位应为\(expected) / the check character of \(code) should be "
                + "\(expected): check the code against the unit's business licence (the row is kept)"
        case .mangledByExcel:
            return "统一社会信用代码被Excel转成了数字 / Excel turned the credit code into a number and lost "
                + "its last digits: format the column as text (文本) in Excel, re-enter the codes and export again"
        case .malformed(let problem):
            return problem.description + " — " + problem.hint
        }
    }
}
