import Testing
import ZonestatCore

/// statistics.md §2: year-over-year growth on the same caliber, against the two wrong methods.
@Suite("ComputeCore same caliber")
struct ComputeSameCaliberTests {
    /// A, B continuing; C grew into scope and reports its base; N newly built; D exited.
    static func table() -> ComputeZoneBuilder {
        var zone = ComputeZoneBuilder.single()
        let a = zone.unit("A")
        let b = zone.unit("B")
        let c = zone.unit("C")
        let n = zone.unit("N")
        let d = zone.unit("D")
        for (unit, last) in [(a, Int64(100)), (b, 90), (d, 50)] { zone.fact(unit, 2022, 4, last) }
        zone.fact(a, 2023, 4, 120)
        zone.fact(b, 2023, 4, 80)
        zone.fact(c, 2023, 4, 30)
        zone.fact(c, 2023, 4, 10, basis: .baseYtd)
        zone.fact(n, 2023, 4, 20)
        return zone
    }

    @Test func officialSameCaliberIs25Percent() throws {
        let result = Self.table().compute()
        let zone = try #require(result.row(period(2023, 4)))
        #expect(zone.units == 4)  // D exited: in neither sum
        #expect(zone.ytd == AmountSum(raw: 250))
        #expect(zone.ytdBase == AmountSum(raw: 200))
        #expect(zone.ytdIncrement == AmountSum(raw: 50))
        #expect(zone.ytdYoYPercent == Ratio(25))
        #expect(zone.ytdYoYPercent?.oneDecimal == "25.0")
        #expect(zone.pullPoints == Ratio(25))
        #expect(zone.sharePercent == Ratio(100))
        let newBuild = try #require(result.row(period(2023, 4), "output_value", .unit, "N"))
        #expect(newBuild.ytdBase == .zero)
        #expect(newBuild.ytdYoYPercent == nil)  // base 0: undefined, never ∞
        #expect(newBuild.pullPoints == Ratio(10))
    }

    @Test func theTwoWrongMethodsGiveOtherFigures() throws {
        let result = Self.table().compute()
        let zone = try #require(result.row(period(2023, 4)))
        // Last year's published total (A + B + D): 250 / 240.
        let published = try #require(result.row(period(2022, 4)))
        #expect(published.ytd == AmountSum(raw: 240))
        let wrongTotal = try #require(Ratio.growthPercent(current: zone.ytd, base: published.ytd))
        #expect(wrongTotal.oneDecimal == "4.2")
        // Matched panel (A and B only): 200 / 190.
        let panel = ["A", "B"].compactMap { result.row(period(2023, 4), "output_value", .unit, $0) }
        let panelGrowth = try #require(
            Ratio.growthPercent(
                current: panel.reduce(AmountSum.zero) { $0 + $1.ytd }, base: panel.reduce(AmountSum.zero) { $0 + $1.ytdBase }))
        #expect(panelGrowth.oneDecimal == "5.3")
        #expect(wrongTotal != zone.ytdYoYPercent)
        #expect(panelGrowth != zone.ytdYoYPercent)
    }

    @Test(arguments: [(Int64(11_665), "16.7"), (8_915, "-10.9")])
    func roundsHalfAwayFromZero(current: Int64, text: String) throws {
        var zone = ComputeZoneBuilder.single()
        let unit = zone.unit("X")
        zone.fact(unit, 2022, 6, 10_000)
        zone.fact(unit, 2023, 6, current)
        let growth = try #require(zone.compute().row(period(2023, 6))?.ytdYoYPercent)
        #expect(growth == Ratio(numerator: Int128(current - 10_000), denominator: 100))  // 16.65, −10.85 exactly
        #expect(growth.oneDecimal == text)
    }

    @Test func currentZeroWithAPositiveBaseIsMinus100() throws {
        var zone = ComputeZoneBuilder.single()
        let unit = zone.unit("X")
        zone.fact(unit, 2022, 3, 500)
        zone.fact(unit, 2023, 3, 0)
        #expect(zone.compute().row(period(2023, 3))?.ytdYoYPercent == Ratio(-100))
    }

    @Test func negativeAndZeroBasesLeaveGrowthUndefined() throws {
        var zone = ComputeZoneBuilder.single()
        let unit = zone.unit("X")
        zone.fact(unit, 2023, 3, 40)
        zone.fact(unit, 2023, 3, -5, basis: .baseYtd)
        let row = try #require(zone.compute().row(period(2023, 3)))
        #expect(row.ytdBase == AmountSum(raw: -5))
        #expect(row.ytdYoYPercent == nil)
        #expect(row.pullPoints == nil)
        #expect(row.sharePercent == Ratio(100))
    }
}
