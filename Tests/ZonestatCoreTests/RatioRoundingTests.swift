import Testing

@testable import ZonestatCore

@Suite("Ratio+Rounding")
struct RatioRoundingTests {
    @Test(arguments: [
        (Int128(1665), Int128(100), 1, "16.7"),  // "%.1f" of the Double 16.65 gives 16.6: wrong here
        (-1085, 100, 1, "-10.9"),
        (5, 100, 1, "0.1"),
        (-5, 100, 1, "-0.1"),
        (4999, 100_000, 1, "0.0"),
        (-4999, 100_000, 1, "0.0"),  // no negative zero
        (5, 2, 0, "3"), (-5, 2, 0, "-3"), (3, 2, 0, "2"), (7, 3, 0, "2"),
        (1, 3, 4, "0.3333"), (2, 3, 4, "0.6667"), (-2, 3, 4, "-0.6667"),
        (0, 1, 4, "0.0000"),
        (30, 1, 1, "30.0"),
        (1_234_567_891, 10_000, 2, "123456.79"),
        (125, 1000, 2, "0.13"), (124_999_999, 1_000_000_000, 2, "0.12"),
    ])
    func halfAwayFromZero(numerator: Int128, denominator: Int128, decimals: Int, text: String) throws {
        let ratio = try #require(Ratio(numerator: numerator, denominator: denominator))
        #expect(ratio.rounded(decimals: decimals).description == text)
    }

    @Test func exactValues() throws {
        let ratio = try #require(Ratio(numerator: 1665, denominator: 100))
        #expect(ratio.rounded(decimals: 1) == FixedDecimal(value: 167, decimals: 1))
        #expect(ratio.rounded(decimals: 3) == FixedDecimal(value: 16_650, decimals: 3))
        #expect(ratio.rounded(decimals: 3).description == "16.650")
    }

    @Test func hugeDenominatorsDoNotOverflow() throws {
        let nearlyOne = try #require(Ratio(numerator: .max - 1, denominator: .max))
        #expect(nearlyOne.rounded(decimals: 2).description == "1.00")
        #expect(nearlyOne.rounded(decimals: 0).description == "1")
        let third = try #require(Ratio(numerator: .max / 3, denominator: .max))
        #expect(third.rounded(decimals: 6).description == "0.333333")
        let negative = try #require(Ratio(numerator: -(.max / 3) * 2, denominator: .max))
        #expect(negative.rounded(decimals: 3).description == "-0.667")
    }

    /// The 64-bit path gives the long division's digits wherever it answers, at every decimals.
    @Test(arguments: [0, 1, 2, 4, 8, 19])
    func sixtyFourBitPathAsLongDivision(decimals: Int) {
        var seed: UInt64 = 11
        var answered = 0
        for _ in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let numerator = Int128(Int64(bitPattern: seed) >> Int64(seed % 63))
            let denominator = Int128(1 + (seed >> 20) % 2_000_003)
            guard let ratio = Ratio(numerator: numerator, denominator: denominator) else { continue }
            let reference = ratio.roundedByDigits(decimals: decimals)
            if let fast = ratio.roundedIn64Bits(decimals: decimals) {
                answered += 1
                #expect(Int128(fast) == reference.value, "\(ratio)")
            }
            #expect(ratio.rounded(decimals: decimals) == reference)
        }
        #expect(answered > 0)
        // Exact halves round away from zero on both paths.
        for (numerator, expected) in [(Int128(1), Int64(1)), (-1, -1), (3, 2), (-3, -2)] {
            #expect(Ratio(numerator: numerator, denominator: 20_000)?.roundedIn64Bits(decimals: 4) == expected)
        }
    }
}
