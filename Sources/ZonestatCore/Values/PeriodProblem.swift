/// Why a period cell could not be read.
///
/// The ingest stage reports it with the file, line, column and cell text; ``description``
/// says what is wrong and ``hint`` lists the forms that are accepted.
public enum PeriodProblem: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The cell is empty.
    case empty
    /// The text is none of the accepted forms.
    case unrecognized
    /// The year is outside 1990…2100 (a typo, or a number that is not a period).
    case yearOutOfRange(Int)
    /// The month is not 1…12.
    case monthOutOfRange(Int)
    /// A date that does not exist, such as 2023-02-30.
    case invalidDate(year: Int, month: Int, day: Int)
    /// A month range that does not start in January (`2023年3-4月`): periods are year to date.
    case notYearToDate(firstMonth: Int, lastMonth: Int)
    /// A five-digit number outside the Excel date serials of plausible periods (20000…80000).
    case excelSerialOutOfRange(Int)

    /// The forms a period cell may take, for hints.
    public static let acceptedForms =
        "2023-04, 2023/4, 202304, 2023.04, 2023年4月, 2023年1-4月, 2023年1—4月, 2023-04-30, 2023/4/30, "
        + "Excel日期 / an Excel date"

    /// What is wrong, in Chinese and English.
    public var description: String {
        switch self {
        case .empty:
            "报告期为空 / the period is empty"
        case .unrecognized:
            "无法识别的报告期 / not a period"
        case .yearOutOfRange(let year):
            "年份\(year)不在1990—2100之间 / year \(year) is outside 1990…2100"
        case .monthOutOfRange(let month):
            "月份\(month)不在1—12之间 / month \(month) is not 1…12"
        case .invalidDate(let year, let month, let day):
            "日期\(year)年\(month)月\(day)日不存在 / \(year)-\(month)-\(day) is not a date"
        case .notYearToDate(let first, let last):
            "\(first)-\(last)月不是从1月开始的累计期 / months \(first)-\(last) are not a year to date "
                + "(a period runs from January)"
        case .excelSerialOutOfRange(let serial):
            "\(serial)不是合理的Excel日期 / \(serial) is not a plausible Excel date serial (20000…80000)"
        }
    }

    /// What the analyst should do: the accepted forms.
    public var hint: String {
        switch self {
        case .notYearToDate:
            "报告期写累计期的截止月，如2023年1-4月或2023-04 / write the year-to-date period by its end "
                + "month, such as 2023年1-4月 or 2023-04. Accepted: " + PeriodProblem.acceptedForms
        default:
            "可接受的格式 / accepted forms: " + PeriodProblem.acceptedForms
        }
    }
}
