import ZonestatCore

/// One problem found in an input file, pointing at the cell: file, line, column and value, and
/// what the analyst should do about it.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    /// The file's name as dropped in the inbox.
    public var file: String
    /// 1-based physical line of the record (nil for a whole-file problem).
    public var line: Int?
    /// The column's header text as the file spells it (nil for a row or file problem).
    public var column: String?
    /// The offending text, as found.
    public var value: String?
    public var code: ProblemCode
    /// What is wrong and what to do, for the analyst.
    public var message: String
    /// The period the problem's row belongs to, when known (for the period's warnings list).
    public var period: Int?
    /// The 统一社会信用代码 of the row's enterprise, as its line gives it (normalised when valid,
    /// else the cell as written); nil when the line has none.
    public var creditCode: String?
    /// The enterprise's name as its line gives it; nil when the line has none.
    public var unitName: String?

    public init(
        file: String, line: Int? = nil, column: String? = nil, value: String? = nil,
        code: ProblemCode, message: String, period: Int? = nil, creditCode: String? = nil, unitName: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.code = code
        self.message = message
        self.period = period
        self.creditCode = creditCode
        self.unitName = unitName
    }

    public var isError: Bool { code.isError }

    /// Compiler-style: `inbox/x.csv:17: column 工业总产值本月: "1.2E+5": error[scientific_notation]: …`.
    /// The file name, column and value are escaped (`\e`, `\n`): they come from the file.
    public var description: String {
        var text = EscapedText.escaping(file)
        if let line { text += ":\(line)" }
        if let column { text += ": column \(EscapedText.escaping(column))" }
        if let value { text += ": \"\(EscapedText.escaping(value))\"" }
        return text + ": \(code.severity)[\(code.rawValue)]: \(EscapedText.escaping(message))"
    }
}
