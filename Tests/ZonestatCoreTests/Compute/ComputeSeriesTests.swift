import Testing
import ZonestatCore

/// statistics.md §1–2: unit series — ytd from months, month from ytd, merged 1-2月, bases.
@Suite("ComputeCore unit series")
struct ComputeSeriesTests {
    @Test func monthsOnlyAreSummedAndReportedYtdWins() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let months = zone.unit("M")
        let both = zone.unit("B")
        for month in 1...3 { zone.fact(months, 2023, month, Int64(month) * 10, basis: .month) }
        zone.fact(both, 2023, 1, 5, basis: .month)
        zone.fact(both, 2023, 2, 7, basis: .month)
        zone.fact(both, 2023, 2, 20)  // ytd wins over 5 + 7
        zone.fact(both, 2023, 3, 4, basis: .month)  // carried forward: 20 + 4
        let result = zone.compute()
        #expect(result.row(period(2023, 3), "tax", .unit, "M")?.ytd == AmountSum(raw: 60))
        #expect(result.row(period(2023, 3), "tax", .unit, "M")?.month == AmountSum(raw: 30))
        #expect(result.row(period(2023, 2), "tax", .unit, "B")?.ytd == AmountSum(raw: 20))
        #expect(result.row(period(2023, 2), "tax", .unit, "B")?.month == AmountSum(raw: 15))
        #expect(result.row(period(2023, 3), "tax", .unit, "B")?.ytd == AmountSum(raw: 24))
        #expect(Set(result.indicators.map(\.period)) == [period(2023, 1), period(2023, 2), period(2023, 3)])
    }

    @Test func mergedIndicatorHasNoJanuaryAndItsFebruaryMonthIsTheTwoMonths() throws {
        var zone = ComputeZoneBuilder.single(merged: true)
        let unit = zone.unit("U")
        zone.fact(unit, 2022, 1, 30)
        zone.fact(unit, 2022, 2, 70)
        zone.fact(unit, 2022, 3, 100)
        zone.fact(unit, 2023, 1, 40)  // a January file: kept, no period
        zone.fact(unit, 2023, 2, 84)
        zone.fact(unit, 2023, 3, 120)
        let result = zone.compute()
        #expect(!result.indicators.contains { $0.period.month == 1 })
        #expect(!result.roster.contains { $0.period.month == 1 })
        let february = try #require(result.row(period(2023, 2)))
        #expect(february.month == AmountSum(raw: 84))
        #expect(february.monthBase == AmountSum(raw: 70))
        #expect(february.monthYoYPercent == Ratio(20))
        let march = try #require(result.row(period(2023, 3)))
        #expect(march.month == AmountSum(raw: 36))
        #expect(march.monthBase == AmountSum(raw: 30))
    }

    @Test func aUnitThatStartsThisYearHasItsYtdAsTheMonth() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let old = zone.unit("O")
        let late = zone.unit("L")
        for month in 1...4 { zone.fact(old, 2023, month, Int64(month) * 10) }
        zone.fact(late, 2023, 4, 55)
        let result = zone.compute()
        #expect(result.row(period(2023, 4), "tax", .unit, "L")?.month == AmountSum(raw: 55))
        #expect(result.row(period(2023, 4), "tax")?.month == AmountSum(raw: 65))
    }

    @Test func baseRulesInOrder() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let own = zone.unit("OWN")  // reports 上年同期: wins over the warehouse
        let warehouse = zone.unit("WH")  // last year's own ytd
        let new = zone.unit("NEW")  // nothing: 0
        let months = zone.unit("BM")  // reports only 上年同月: bases summed likewise
        for month in 1...3 {
            zone.fact(own, 2022, month, Int64(month) * 100)
            zone.fact(warehouse, 2022, month, Int64(month) * 50)
        }
        for month in 1...3 {
            zone.fact(own, 2023, month, Int64(month) * 110)
            zone.fact(own, 2023, month, Int64(month) * 90, basis: .baseYtd)
            zone.fact(warehouse, 2023, month, Int64(month) * 60)
            zone.fact(new, 2023, month, Int64(month) * 5)
            zone.fact(months, 2023, month, Int64(month) * 20)
            zone.fact(months, 2023, month, 15, basis: .baseMonth)
        }
        let result = zone.compute()
        let march = period(2023, 3)
        #expect(result.row(march, "tax", .unit, "OWN")?.ytdBase == AmountSum(raw: 270))
        #expect(result.row(march, "tax", .unit, "OWN")?.monthBase == AmountSum(raw: 90))
        #expect(result.row(march, "tax", .unit, "WH")?.ytdBase == AmountSum(raw: 150))
        #expect(result.row(march, "tax", .unit, "WH")?.monthBase == AmountSum(raw: 50))
        #expect(result.row(march, "tax", .unit, "NEW")?.ytdBase == .zero)
        #expect(result.row(march, "tax", .unit, "BM")?.ytdBase == AmountSum(raw: 45))
        #expect(result.row(march, "tax", .unit, "BM")?.monthBase == AmountSum(raw: 15))
        let zoneRow = try #require(result.row(march, "tax"))
        #expect(zoneRow.ytdBase == AmountSum(raw: 270 + 150 + 45))
        #expect(zoneRow.monthYoYPercent == Ratio.growthPercent(current: zoneRow.month ?? .zero, base: zoneRow.monthBase ?? .zero))
    }

    @Test func exitedUnitsAreInNeitherSum() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let stays = zone.unit("S")
        let leaves = zone.unit("L")
        zone.fact(stays, 2022, 5, 100)
        zone.fact(leaves, 2022, 5, 900)
        zone.fact(stays, 2023, 5, 110)
        let row = try #require(zone.compute().row(period(2023, 5), "tax"))
        #expect(row.ytdBase == AmountSum(raw: 100))
        #expect(row.ytdYoYPercent == Ratio(10))
    }

    @Test func duplicateFactsUseTheLargestWithAWarning() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let unit = zone.unit("D")
        zone.fact(unit, 2023, 2, 30)
        zone.fact(unit, 2023, 2, 50)
        zone.fact(unit, 2023, 2, 30)
        let result = zone.compute()
        #expect(result.row(period(2023, 2), "tax")?.ytd == AmountSum(raw: 50))
        let warning = try #require(result.warnings.first { $0.code == "duplicate_fact" })
        #expect(warning.scope == "D")
        #expect(warning.period == period(2023, 2))
        #expect(warning.message.contains("3 ytd values"))
    }
}
