import Testing
import ZonestatCore

/// The worked examples of statistics.md §2, §4 and §5, at the precision the source printed.
@Suite("Ratio+Percent")
struct RatioPercentTests {
    @Test(arguments: [
        (Int128(250), Int128(200), "25.0"),  // official same caliber
        (250, 240, "4.2"),  // last year's published total (wrong method, still exact arithmetic)
        (200, 190, "5.3"),  // matched panel
        (37_640, 28_755, "30.9"),  // fixed investment growth needed May–Dec
        (1166, 979, "19.1"),  // 1.166 / 0.979 − 1
        (0, 500, "-100.0"),  // current 0 with a positive base
        (100, 100, "0.0"),
        (300, 100, "200.0"),
    ])
    func growth(current: Int128, base: Int128, text: String) throws {
        let growth = try #require(Ratio.growthPercent(current: current, base: base))
        #expect(growth.rounded(decimals: 1).description == text)
    }

    @Test(arguments: [Int128(0), -1, -1_000_000])
    func growthUndefinedForNonPositiveBase(base: Int128) {
        #expect(Ratio.growthPercent(current: 100, base: base) == nil)
        #expect(Ratio.growthPercent(current: 0, base: base) == nil)
    }

    @Test func growthIsExact() {
        #expect(Ratio.growthPercent(current: 250, base: 200) == Ratio(25))
        #expect(Ratio.growthPercent(current: 1, base: 3) == Ratio(numerator: -200, denominator: 3))
        #expect(Ratio.growthPercent(current: AmountSum(raw: 250), base: AmountSum(raw: 200)) == Ratio(25))
        #expect(Ratio.growthPercent(current: .max, base: 1) == nil)  // overflow, not a wrong number
    }

    @Test func pullAndShareOfTechInvestment() throws {
        // 1-4月: tech investment grew by 2.972 on a fixed-investment base of 11.245; the total grew 27.7%.
        let pull = try #require(Ratio.pullPercent(partCurrent: 5_000, partBase: 2_028, totalBase: 11_245))
        #expect(pull.rounded(decimals: 1).description == "26.4")
        let share = try #require(
            Ratio.shareOfGrowthPercent(partCurrent: 5_000, partBase: 2_028, totalCurrent: 14_360, totalBase: 11_245))
        #expect(share.rounded(decimals: 1).description == "95.4")
    }

    @Test func pullsOfAPartitionAddUpToTheTotal() throws {
        let parts: [(Int128, Int128)] = [(120, 100), (80, 90), (30, 10), (20, 0)]
        let pulls = try parts.map { try #require(Ratio.pullPercent(partCurrent: $0.0, partBase: $0.1, totalBase: 200)) }
        let total = pulls.reduce(Ratio.zero) { $0.adding($1) ?? .zero }
        #expect(total == Ratio.growthPercent(current: 250, base: 200))
        #expect(pulls[1].isNegative)  // 下拉
    }

    @Test func undefinedPullsAndShares() {
        #expect(Ratio.pullPercent(partCurrent: 1, partBase: 0, totalBase: 0) == nil)
        #expect(Ratio.shareOfGrowthPercent(partCurrent: 5, partBase: 1, totalCurrent: 10, totalBase: 10) == nil)
        #expect(
            Ratio.shareOfGrowthPercent(partCurrent: 5, partBase: 10, totalCurrent: 90, totalBase: 100)
                == Ratio(50))  // both fell: the part is half the fall
    }

    @Test(arguments: [
        (Int128(18), Int128(30), "60.0"),  // signed projects
        (5, 12, "41.7"),  // time progress, 1-5月
        (4, 12, "33.3"),
        (1436, 5200, "27.6"),  // fixed investment completion 14.36 / 52
        (16, 23, "69.6"),  // new above-scale enterprises
        (0, 12, "0.0"),
    ])
    func percentOfWhole(part: Int128, whole: Int128, text: String) throws {
        #expect(try #require(Ratio.percent(part: part, whole: whole)).rounded(decimals: 1).description == text)
    }

    @Test func percentOfNothingIsUndefined() {
        #expect(Ratio.percent(part: 1, whole: 0) == nil)
        #expect(Ratio.percent(part: 1, whole: -5) == nil)
    }
}
