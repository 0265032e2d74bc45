/// Why a cell that should hold a number does not.
///
/// The ingest stage reports it with the file, line, column and cell text; ``description``
/// says what is wrong and ``hint`` what the analyst should do, in Chinese and English.
public enum NumberProblem: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Text that is not a number (`abc`, `12元`, `1.2.3`).
    case notANumber
    /// Scientific notation (`1.2E+5`): Excel showed the number in 常规/科学记数 format and
    /// may already have lost digits.
    case scientificNotation
    /// Thousands separators in the wrong places (`1,23`, `12,3456`, `0,5`): perhaps a decimal
    /// comma.
    case badGrouping
    /// A `%` sign in a column that expects an amount or a count.
    case percentNotAllowed
    /// More than 38 significant digits: no statistic has that many.
    case outOfRange

    /// What is wrong, in Chinese and English.
    public var description: String {
        switch self {
        case .notANumber: "不是数字 / not a number"
        case .scientificNotation: "科学记数法 / a number in scientific notation"
        case .badGrouping: "千位分隔符位置不对 / thousands separators in the wrong places"
        case .percentNotAllowed: "此列不应有百分号 / a percentage where an amount or a count is expected"
        case .outOfRange: "数字位数过多，超出范围 / out of range: a number with too many digits"
        }
    }

    /// What the analyst should do, in Chinese and English.
    public var hint: String {
        switch self {
        case .notANumber:
            "请只填数字，不要带单位或文字；未报数请留空或填“—” / enter digits only, without units "
                + "or words; leave the cell empty or write — when the figure is not reported"
        case .scientificNotation:
            "在Excel中把该列设置为“数值”格式（不是“常规/科学记数”），核对数字后重新导出 / format the "
                + "column as a number (数值) in Excel, not 常规/科学记数, check the digits and export again"
        case .badGrouping:
            "千位分隔符应每三位一个（1,234,567.8），小数点用“.”不用“,” / put a thousands separator "
                + "every three digits (1,234,567.8) and use a point, not a comma, for decimals"
        case .percentNotAllowed:
            "金额和个数列不能带“%”，请填数值本身 / remove the % sign: this column holds an amount or a "
                + "count, not a percentage"
        case .outOfRange:
            "请检查是否把代码或日期粘贴进了数值列 / check the cell: a code or a date may have been "
                + "pasted into a number column"
        }
    }
}
