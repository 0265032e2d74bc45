import Testing
import ZonestatCore

@Suite("PeriodParser")
struct PeriodParserTests {
    @Test(arguments: [
        ("2023-04", 2023, 4), ("2023-4", 2023, 4), ("2023/4", 2023, 4), ("2023/04", 2023, 4),
        ("202304", 2023, 4), ("2023.04", 2023, 4), ("2023.4", 2023, 4), ("2023.10", 2023, 10),
        ("2023年4月", 2023, 4), ("2023年04月", 2023, 4), ("2023年04月份", 2023, 4), ("2023年12月", 2023, 12),
        ("2023年1-4月", 2023, 4), ("2023年1—4月", 2023, 4), ("2023年1–4月", 2023, 4), ("2023年1——4月", 2023, 4),
        ("2023年1－4月", 2023, 4), ("2023年1~4月", 2023, 4), ("2023年1至4月", 2023, 4),
        ("2023年1-4月份", 2023, 4), ("2023年01-04月", 2023, 4), ("2023年1-2月", 2023, 2), ("2023年1-12月", 2023, 12),
        ("2023年1-1月", 2023, 1),
        ("2023-04-30", 2023, 4), ("2023/4/30", 2023, 4), ("2023.4.30", 2023, 4), ("20230430", 2023, 4),
        ("2023年4月30日", 2023, 4), ("2023年4月30号", 2023, 4),
        ("2023/4/30 0:00", 2023, 4), ("2023-04-30 00:00:00", 2023, 4), ("2023-04-30T08:30:00", 2023, 4),
        ("2023-04-30 08:30:00.000", 2023, 4), ("2024-02-29", 2024, 2),
        ("２０２３年４月", 2023, 4), ("２０２３－０４", 2023, 4), ("２０２３年１－４月", 2023, 4),
        (" 2023-04 ", 2023, 4), ("\u{3000}2023年4月\u{3000}", 2023, 4), ("2023 年 4 月", 2023, 4),
        ("1990-01", 1990, 1), ("2100-12", 2100, 12),
    ])
    func readsForms(text: String, year: Int, month: Int) throws {
        #expect(try PeriodParser.parse(text).get() == Period(year: year, month: month))
    }

    @Test(arguments: [
        ("45046", 2023, 4),  // 2023-04-30
        ("45046.0", 2023, 4),
        ("45046.5", 2023, 4),  // noon: still that day
        ("45046.0416666667", 2023, 4),  // 01:00, as Excel writes a date-time serial
        ("44927", 2023, 1),  // 2023-01-01
        ("44926", 2022, 12),  // 2022-12-31
        ("45351", 2024, 2),  // 2024-02-29
        ("45352", 2024, 3),  // 2024-03-01
        ("45292", 2024, 1),  // 2024-01-01
        ("36526", 2000, 1),  // 2000-01-01
        ("36585", 2000, 2),  // 2000-02-29
        ("32874", 1990, 1),  // 1990-01-01
        ("４５０４６", 2023, 4),
    ])
    func readsExcelSerials(text: String, year: Int, month: Int) throws {
        #expect(try PeriodParser.parse(text).get() == Period(year: year, month: month))
    }

    @Test(arguments: [
        ("", PeriodProblem.empty), ("   ", .empty),
        ("2023年3-4月", .notYearToDate(firstMonth: 3, lastMonth: 4)),
        ("2023年2—4月", .notYearToDate(firstMonth: 2, lastMonth: 4)),
        ("2023年4-1月", .notYearToDate(firstMonth: 4, lastMonth: 1)),
        ("2023年0-4月", .monthOutOfRange(0)),
        ("2023年1-13月", .monthOutOfRange(13)),
        ("2023-13", .monthOutOfRange(13)), ("202313", .monthOutOfRange(13)), ("2023年13月", .monthOutOfRange(13)),
        ("2023-00", .monthOutOfRange(0)),
        ("1989-12", .yearOutOfRange(1989)), ("2101-01", .yearOutOfRange(2101)), ("198912", .yearOutOfRange(1989)),
        ("2023-02-30", .invalidDate(year: 2023, month: 2, day: 30)),
        ("2023-04-31", .invalidDate(year: 2023, month: 4, day: 31)),
        ("2023年4月0日", .invalidDate(year: 2023, month: 4, day: 0)),
        ("12345", .excelSerialOutOfRange(12345)), ("99999", .excelSerialOutOfRange(99999)),
        ("19999", .excelSerialOutOfRange(19999)),
        ("32873", .yearOutOfRange(1989)),
        ("2023", .unrecognized), ("2023年", .unrecognized), ("4月", .unrecognized), ("abc", .unrecognized),
        ("2023-04-30-1", .unrecognized), ("2023-4/30", .unrecognized), ("2023年第一季度", .unrecognized),
        ("2023Q1", .unrecognized), ("2023 04", .unrecognized), ("2023--04", .unrecognized), ("23-04", .unrecognized),
        ("2023-04-30 25:00", .unrecognized), ("2023-04-30 T", .unrecognized), ("1234567", .unrecognized),
        ("1234567890123", .unrecognized), ("2023年4月30", .unrecognized), ("2023年1-4", .unrecognized),
    ])
    func problems(text: String, problem: PeriodProblem) {
        #expect(PeriodParser.parse(text) == .failure(problem))
    }
}
