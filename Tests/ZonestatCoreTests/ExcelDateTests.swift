import Testing
@testable import ZonestatCore

@Suite("ExcelDate")
struct ExcelDateTests {
    @Test(arguments: [
        (1, 1900, 1, 1), (59, 1900, 2, 28), (60, 1900, 2, 29),  // the fictitious leap day
        (61, 1900, 3, 1), (25569, 1970, 1, 1), (36526, 2000, 1, 1), (43466, 2019, 1, 1),
        (44926, 2022, 12, 31), (44927, 2023, 1, 1), (45046, 2023, 4, 30), (45351, 2024, 2, 29),
        (47118, 2028, 12, 31), (80000, 2119, 1, 11),
    ])
    func serialToDate(serial: Int, year: Int, month: Int, day: Int) throws {
        let date = try #require(ExcelDate.civilDate(serial: serial))
        #expect([date.year, date.month, date.day] == [year, month, day])
    }

    @Test func noDateBeforeSerialOne() {
        #expect(ExcelDate.civilDate(serial: 0) == nil)
        #expect(ExcelDate.civilDate(serial: -5) == nil)
    }

    @Test(arguments: [(1970, 1, 1, 0), (2000, 3, 1, 11_017), (1969, 12, 31, -1), (2023, 4, 30, 19_477)])
    func daysSince1970RoundTrip(year: Int, month: Int, day: Int, days: Int) {
        #expect(ExcelDate.daysSince1970(year: year, month: month, day: day) == days)
        let date = ExcelDate.civilDate(daysSince1970: days)
        #expect([date.year, date.month, date.day] == [year, month, day])
    }

    @Test(arguments: [(2, 2023, 28), (2, 2024, 29), (2, 1900, 28), (2, 2000, 29), (4, 2023, 30), (12, 2023, 31)])
    func daysInMonth(month: Int, year: Int, days: Int) {
        #expect(ExcelDate.daysIn(month: month, year: year) == days)
    }
}
