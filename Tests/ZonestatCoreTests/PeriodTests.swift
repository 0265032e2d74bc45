import Foundation
import Testing
import ZonestatCore

@Suite("Period")
struct PeriodTests {
    @Test(arguments: [(2023, 4, "2023-04", 202_304), (2023, 12, "2023-12", 202_312), (1990, 1, "1990-01", 199_001)])
    func descriptionAndKey(year: Int, month: Int, text: String, key: Int) throws {
        let period = try #require(Period(year: year, month: month))
        #expect(period.description == text)
        #expect(period.key == key)
        #expect(Period(key: key) == period)
    }

    @Test(arguments: [(2023, 0), (2023, 13), (0, 5), (10_000, 1), (2023, -1)])
    func rejectsInvalid(year: Int, month: Int) {
        #expect(Period(year: year, month: month) == nil)
    }

    @Test(arguments: [202_300, 202_313, 0, -202_304])
    func rejectsInvalidKeys(key: Int) {
        #expect(Period(key: key) == nil)
    }

    @Test func neighboursStayInTheYear() {
        #expect(Period(year: 2023, month: 4)?.previous == Period(year: 2023, month: 3))
        #expect(Period(year: 2023, month: 1)?.previous == nil)
        #expect(Period(year: 2023, month: 11)?.next == Period(year: 2023, month: 12))
        #expect(Period(year: 2023, month: 12)?.next == nil)
        #expect(Period(year: 2023, month: 4)?.sameMonthLastYear == Period(year: 2022, month: 4))
    }

    @Test func ordersByTime() throws {
        let periods = [(2023, 2), (2022, 12), (2023, 10), (2023, 1)].compactMap { Period(year: $0.0, month: $0.1) }
        #expect(periods.sorted().map(\.description) == ["2022-12", "2023-01", "2023-02", "2023-10"])
    }

    @Test func codableAsText() throws {
        let period = try #require(Period(year: 2023, month: 4))
        let data = try JSONEncoder().encode([period])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2023-04\"]")
        #expect(try JSONDecoder().decode([Period].self, from: data) == [period])
    }

    @Test(arguments: ["[\"2023-4\"]", "[\"2023-13\"]", "[\"202304\"]", "[202304]"])
    func decodingRejectsOtherForms(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Period].self, from: Data(json.utf8))
        }
    }
}
