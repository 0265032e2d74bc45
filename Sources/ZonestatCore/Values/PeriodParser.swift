/// Reads period cells as analysts and the bureau's platform write them (inputs.md "Cell
/// values").
///
/// Accepted: `2023-04`, `2023-4`, `2023/4`, `2023.04`, `202304`, `2023年4月`, `2023年04月份`,
/// year-to-date ranges `2023年1-4月` / `2023年1—4月` / `2023年1-4月份` (the end month:
/// `2023年1-2月` is 2023-02), dates `2023-04-30`, `2023/4/30`, `20230430`, `2023年4月30日`
/// (optionally followed by a time, as Excel exports them), and Excel date serials
/// (`45046`, `45046.0`, `45046.5`) — each read as the month that contains it. Full-width
/// digits and spaces are accepted. Years must be 1990…2100.
public enum PeriodParser {
    /// Plausible years of a period: anything else is a typo or not a period at all.
    public static let years = 1990...2100
    /// Plausible Excel date serials (1954-10-03 … 2119-01-11); five digits.
    public static let excelSerials = 20_000...80_000

    /// Parses one cell's text.
    public static func parse(_ text: String) -> Result<Period, PeriodProblem> {
        guard let tokens = Token.scan(text) else { return .failure(.unrecognized) }
        guard !tokens.isEmpty else { return .failure(.empty) }
        return match(tokens)
    }

    private static func match(_ tokens: [Token]) -> Result<Period, PeriodProblem> {
        switch tokens {
        case let t where t.count == 1:
            return matchNumber(t[0])
        case let t where t.count == 3 && t[0].digits == 5 && t[1] == .symbol(".") && t[2].digits > 0:
            return excelSerial(t[0].value)
        case let t where t.count == 3 && t[0].digits == 4 && t[1].isDateSeparator && t[2].isMonth:
            return month(year: t[0].value, month: t[2].value)
        case let t where t.count >= 5 && t[0].digits == 4 && t[1].isDateSeparator && t[2].isMonth
            && t[3] == t[1] && t[4].isMonth && isTime(t[5...]):
            return date(year: t[0].value, month: t[2].value, day: t[4].value)
        case let t where t.count >= 4 && t[0].digits == 4 && t[1] == .symbol("年") && t[2].isMonth
            && t[3] == .symbol("月"):
            return matchChinese(year: t[0].value, month: t[2].value, rest: t[4...])
        case let t where t.count >= 6 && t[0].digits == 4 && t[1] == .symbol("年") && t[2].isMonth
            && t[3] == .symbol("-") && t[4].isMonth && t[5] == .symbol("月") && isMonthSuffix(t[6...]):
            return range(year: t[0].value, first: t[2].value, last: t[4].value)
        default:
            return .failure(.unrecognized)
        }
    }

    /// `202304`, `20230430`, or an Excel serial `45046`.
    private static func matchNumber(_ token: Token) -> Result<Period, PeriodProblem> {
        switch token.digits {
        case 5: return excelSerial(token.value)
        case 6: return month(year: token.value / 100, month: token.value % 100)
        case 8: return date(year: token.value / 10_000, month: token.value / 100 % 100, day: token.value % 100)
        default: return .failure(.unrecognized)
        }
    }

    /// What follows `2023年4月`: nothing, `份`, or a day `30日` with an optional time.
    private static func matchChinese(year: Int, month: Int, rest: ArraySlice<Token>) -> Result<Period, PeriodProblem> {
        if isMonthSuffix(rest) { return self.month(year: year, month: month) }
        let start = rest.startIndex
        if rest.count >= 2, rest[start].isMonth, rest[start + 1] == .symbol("日") || rest[start + 1] == .symbol("号"),
            isTime(rest[(start + 2)...])
        {
            return date(year: year, month: month, day: rest[start].value)
        }
        return .failure(.unrecognized)
    }

    private static func month(year: Int, month: Int) -> Result<Period, PeriodProblem> {
        guard years.contains(year) else { return .failure(.yearOutOfRange(year)) }
        guard let period = Period(year: year, month: month) else { return .failure(.monthOutOfRange(month)) }
        return .success(period)
    }

    private static func date(year: Int, month: Int, day: Int) -> Result<Period, PeriodProblem> {
        let period = self.month(year: year, month: month)
        guard case .success = period else { return period }
        guard (1...ExcelDate.daysIn(month: month, year: year)).contains(day) else {
            return .failure(.invalidDate(year: year, month: month, day: day))
        }
        return period
    }

    private static func range(year: Int, first: Int, last: Int) -> Result<Period, PeriodProblem> {
        guard (1...12).contains(first) else { return .failure(.monthOutOfRange(first)) }
        guard first == 1, last >= first else { return .failure(.notYearToDate(firstMonth: first, lastMonth: last)) }
        return month(year: year, month: last)
    }

    private static func excelSerial(_ serial: Int) -> Result<Period, PeriodProblem> {
        guard excelSerials.contains(serial), let date = ExcelDate.civilDate(serial: serial) else {
            return .failure(.excelSerialOutOfRange(serial))
        }
        return month(year: date.year, month: date.month)
    }

    /// Nothing, or `份` (`2023年4月份`).
    private static func isMonthSuffix(_ tokens: ArraySlice<Token>) -> Bool {
        tokens.isEmpty || (tokens.count == 1 && tokens.first == .symbol("份"))
    }

    /// Nothing, or a time of day after a date: `0:00`, `00:00:00`, `T08:30:00.000`.
    private static func isTime(_ tokens: ArraySlice<Token>) -> Bool {
        var rest = tokens
        if rest.first == .symbol("T") { rest = rest.dropFirst() }
        if rest.isEmpty { return tokens.isEmpty }
        let parts = Array(rest)
        guard parts.count >= 3, parts[0].isNumber, parts[0].value < 24, parts[1] == .symbol(":"),
            parts[2].digits == 2, parts[2].value < 60
        else { return false }
        let seconds = parts[3...]
        switch seconds.count {
        case 0: return true
        case 2: return seconds.first == .symbol(":") && parts[4].digits == 2 && parts[4].value < 60
        case 4: return seconds.first == .symbol(":") && parts[4].digits == 2 && parts[5] == .symbol(".") && parts[6].isNumber
        default: return false
        }
    }
}
