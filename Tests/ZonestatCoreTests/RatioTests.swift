import Testing
import ZonestatCore

@Suite("Ratio")
struct RatioTests {
    @Test(arguments: [
        (Int128(1665), Int128(100), Int128(333), Int128(20)), (6, -4, -3, 2), (-6, -4, 3, 2), (0, 7, 0, 1), (5, 1, 5, 1),
    ])
    func reducesAndNormalisesSign(numerator: Int128, denominator: Int128, reducedNumerator: Int128, reducedDenominator: Int128) throws {
        let ratio = try #require(Ratio(numerator: numerator, denominator: denominator))
        #expect(ratio.numerator == reducedNumerator)
        #expect(ratio.denominator == reducedDenominator)
    }

    @Test func zeroDenominatorIsNoRatio() {
        #expect(Ratio(numerator: 1, denominator: 0) == nil)
        #expect(Ratio(numerator: 0, denominator: 0) == nil)
        #expect(Ratio(numerator: .min, denominator: -1) == nil)
    }

    @Test func equalityIsByValue() {
        #expect(Ratio(numerator: 2, denominator: 4) == Ratio(numerator: -1, denominator: -2))
        #expect(Ratio(7) == Ratio(numerator: 14, denominator: 2))
        #expect(Ratio.zero == Ratio(numerator: 0, denominator: -3))
    }

    @Test func descriptionAndDouble() {
        #expect(Ratio(numerator: 1665, denominator: 100)?.description == "333/20")
        #expect(Ratio(5).description == "5")
        #expect(Ratio(numerator: -1, denominator: 4)?.doubleValue == -0.25)
        #expect(Ratio(numerator: -1, denominator: 4)?.isNegative == true)
    }
}
