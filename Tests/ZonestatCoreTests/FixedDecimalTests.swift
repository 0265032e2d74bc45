import Testing
import ZonestatCore

@Suite("FixedDecimal")
struct FixedDecimalTests {
    @Test(arguments: [
        (Int128(167), 1, "16.7"), (-109, 1, "-10.9"), (0, 4, "0.0000"), (300, 1, "30.0"), (-5, 1, "-0.5"),
        (5, 0, "5"), (-7, 3, "-0.007"), (123_456_789, 2, "1234567.89"),
    ])
    func descriptionShowsExactlyTheDecimals(value: Int128, decimals: Int, text: String) {
        #expect(FixedDecimal(value: value, decimals: decimals).description == text)
    }

    /// Percentage-point differences come from the displayed rates (statistics.md §4, §6).
    @Test(arguments: [
        (Int128(300), Int128(192), "10.8"),  // value added vs +30% target: 30.0 − 19.2
        (600, 417, "18.3"),  // signed projects: 60.0 − 41.7
        (276, 333, "-5.7"),  // fixed investment: 27.6 − 33.3, behind
    ])
    func percentagePointDifference(left: Int128, right: Int128, text: String) {
        let difference = FixedDecimal(value: left, decimals: 1) - FixedDecimal(value: right, decimals: 1)
        #expect(difference.description == text)
    }

    @Test func differenceFromRoundedRates() throws {
        let completion = try #require(Ratio.percent(part: 1436, whole: 5200)).rounded(decimals: 1)
        let progress = try #require(Ratio.percent(part: 4, whole: 12)).rounded(decimals: 1)
        #expect((completion - progress).description == "-5.7")
        #expect((completion - progress) == FixedDecimal(value: -57, decimals: 1))
    }

    @Test func mixedDecimalsAlign() {
        let sum = FixedDecimal(value: 30, decimals: 0) - FixedDecimal(value: 192, decimals: 1)
        #expect(sum.description == "10.8")
        #expect((FixedDecimal(value: 1, decimals: 2) + FixedDecimal(value: 1, decimals: 0)).description == "1.01")
        #expect((-FixedDecimal(value: 167, decimals: 1)).description == "-16.7")
    }

    @Test func equalityAndOrderAreByValue() {
        let a = FixedDecimal(value: 167, decimals: 1)
        let b = FixedDecimal(value: 1670, decimals: 2)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(FixedDecimal(value: 166, decimals: 1) < b)
        #expect(FixedDecimal(value: -1, decimals: 0) < FixedDecimal(value: -5, decimals: 1))
    }

    @Test func conversions() {
        #expect(FixedDecimal(value: 167, decimals: 1).doubleValue == 16.7)
        #expect(FixedDecimal(value: 167, decimals: 1).ratio == Ratio(numerator: 167, denominator: 10))
    }
}
