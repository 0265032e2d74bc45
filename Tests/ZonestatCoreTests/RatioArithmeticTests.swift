import Testing
import ZonestatCore

@Suite("Ratio+Arithmetic")
struct RatioArithmeticTests {
    private static func ratio(_ numerator: Int128, _ denominator: Int128) -> Ratio {
        Ratio(numerator: numerator, denominator: denominator) ?? .zero
    }

    @Test func basicOperations() {
        #expect(Self.ratio(1, 3).adding(Self.ratio(1, 6)) == Self.ratio(1, 2))
        #expect(Self.ratio(1, 3).subtracting(Self.ratio(1, 2)) == Self.ratio(-1, 6))
        #expect(Self.ratio(2, 3).multiplied(by: Self.ratio(9, 4)) == Self.ratio(3, 2))
        #expect(Self.ratio(2, 3).divided(by: Self.ratio(-4, 9)) == Self.ratio(-3, 2))
    }

    @Test func failuresAreNil() {
        #expect(Self.ratio(1, 2).divided(by: .zero) == nil)
        #expect(Ratio(.max).adding(Ratio(1)) == nil)
        #expect(Ratio(.max).multiplied(by: Ratio(2)) == nil)
        #expect(Ratio(1).subtracting(Ratio(.min)) == nil)
    }

    /// statistics.md §4: value added needed May–Dec with s = B_N / B_Y = 1/3:
    /// (0.30 − s·0.192) / (1 − s) = 35.4%, and 27.9% for a +25% target.
    @Test(arguments: [(Int128(30), "35.4"), (25, "27.9")])
    func requiredGrowthForTheRestOfTheYear(target: Int128, text: String) throws {
        let s = Self.ratio(1, 3)
        let achieved = Self.ratio(192, 10)
        let scaledAchievement = try #require(s.multiplied(by: achieved))
        let numerator = try #require(Ratio(target).subtracting(scaledAchievement))
        let remainingShare = try #require(Ratio(1).subtracting(s))
        let required = try #require(numerator.divided(by: remainingShare))
        #expect(required.rounded(decimals: 1).description == text)
    }
}
