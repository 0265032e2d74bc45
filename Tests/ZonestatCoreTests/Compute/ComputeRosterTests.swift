import Testing
import ZonestatCore

/// statistics.md §5: roster (新增, 退出, 净增) and breadth (增长面, 下降面).
@Suite("ComputeCore roster")
struct ComputeRosterTests {
    /// Last December 113 units; at 1-4月 125: 109 of them plus 16 new, so 4 left.
    static func sourceDocument() -> ComputeZoneBuilder {
        var zone = ComputeZoneBuilder.single(merged: true)
        for number in 0..<113 {
            let unit = zone.unit("OLD\(1000 + number)", industry: number.isMultiple(of: 2) ? "3670" : "1311")
            zone.fact(unit, 2022, 12, 100)
            zone.fact(unit, 2022, 4, 40)
            if number >= 4 { zone.fact(unit, 2023, 4, number.isMultiple(of: 3) ? 30 : 50) }
        }
        for number in 0..<16 {
            let unit = zone.unit("NEW\(1000 + number)", industry: "3670")
            zone.fact(unit, 2023, 4, 20)
        }
        return zone
    }

    @Test func sixteenNewTwelveNetFourExitsOnABaseOf113() throws {
        let result = Self.sourceDocument().compute()
        let zone = try #require(result.roster.first { $0.period == period(2023, 4) && $0.scope == .zone })
        #expect(zone.units == 125)
        #expect(zone.newUnits == 16)
        #expect(zone.netUnits == 12)
        #expect(zone.exitedUnits == 4)
        #expect(zone.units - zone.netUnits == 113)
        #expect(zone.indicator == "output_value")
    }

    @Test func industriesPartitionTheRoster() throws {
        let rows = Self.sourceDocument().compute().roster.filter { $0.period == period(2023, 4) }
        let industries = rows.filter { $0.scope == .industry }
        #expect(industries.map(\.scopeId) == ["13", "36"])
        #expect(industries.map(\.scopeName) == ["农副食品加工业", "汽车制造业"])
        #expect(industries.reduce(0) { $0 + $1.newUnits } == 16)
        #expect(industries.reduce(0) { $0 + $1.exitedUnits } == 4)
        #expect(industries.reduce(0) { $0 + $1.units } == 125)
    }

    @Test func breadthCountsUnitsWithABaseOnly() throws {
        let rows = Self.sourceDocument().compute().roster
        let zone = try #require(rows.first { $0.period == period(2023, 4) && $0.scope == .zone })
        // 109 continuing units on a base of 40: 50 grows, 30 declines; the 16 new have no base.
        let declining = (4..<113).filter { $0.isMultiple(of: 3) }.count
        #expect(zone.decliningUnits == declining)
        #expect(zone.growingUnits == 109 - declining)
        #expect(zone.unchangedUnits == 0)
        #expect(zone.noBaseUnits == 16)
        #expect(zone.growingSharePercent == Ratio.percent(part: Int128(109 - declining), whole: 109))
        #expect(zone.decliningSharePercent == Ratio.percent(part: Int128(declining), whole: 109))
    }

    @Test func breadthFallsBackToTheFirstIndicator() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let unit = zone.unit("U")
        zone.fact(unit, 2022, 2, 10)
        zone.fact(unit, 2023, 2, 10)
        let row = try #require(zone.compute().roster.first { $0.period == period(2023, 2) })
        #expect(row.indicator == "tax")
        #expect(row.unchangedUnits == 1)
        #expect(row.growingSharePercent == Ratio.zero)
    }

    @Test func theRosterUsesAnyIndicatorAndLastYearsLatestMonth() throws {
        var zone = ComputeZoneBuilder(indicators: [
            IndicatorDefinition(id: "output_value", name: "产值", mergeJanFeb: true),
            IndicatorDefinition(id: "tax", name: "税收", mergeJanFeb: false),
        ])
        let a = zone.unit("A")
        let b = zone.unit("B")
        let c = zone.unit("C")
        zone.fact(a, 2022, 9, 1)  // last year's data end in September
        zone.fact(b, 2022, 9, 1, indicator: 1)
        zone.fact(c, 2022, 6, 1)  // not in September: not in last year's roster
        zone.fact(a, 2023, 3, 1, indicator: 1)  // reports tax only
        zone.fact(c, 2023, 3, 1)
        let row = try #require(zone.compute().roster.first { $0.period == period(2023, 3) && $0.scope == .zone })
        #expect(row.units == 2)
        #expect(row.newUnits == 1)  // C
        #expect(row.exitedUnits == 1)  // B
        #expect(row.netUnits == 0)
    }
}
