import Testing
import ZonestatCore

/// statistics.md §5: 拉动 and 贡献率, and partitions adding up.
@Suite("ComputeCore contributions")
struct ComputeContributionTests {
    /// Fixed investment 1-4月 in 0.001亿元: tech projects 5.000 on a base of 2.028 (increment 2.972),
    /// the others 9.360 on 9.217; the zone 14.36 on 11.245 (+27.7%).
    static func techInvestment() -> ComputeZoneBuilder {
        var zone = ComputeZoneBuilder.single("fixed_investment", merged: true)
        let tech = zone.unit("T1", industry: "3670", area: "技改项目")
        let other = zone.unit("O1", industry: "3911", area: "其他项目")
        zone.fact(tech, 2022, 4, 2_028)
        zone.fact(other, 2022, 4, 9_217)
        zone.fact(tech, 2023, 4, 5_000)
        zone.fact(other, 2023, 4, 9_360)
        return zone
    }

    @Test func techInvestmentPulls26Point4AndShares95Point4() throws {
        let result = Self.techInvestment().compute()
        let zone = try #require(result.row(period(2023, 4), "fixed_investment"))
        #expect(zone.ytdYoYPercent?.oneDecimal == "27.7")
        let tech = try #require(result.row(period(2023, 4), "fixed_investment", .area, "技改项目"))
        #expect(tech.pullPoints == Ratio(numerator: 297_200, denominator: 11_245))
        #expect(tech.pullPoints?.oneDecimal == "26.4")
        #expect(tech.sharePercent == Ratio(numerator: 297_200, denominator: 3_115))
        #expect(tech.sharePercent?.oneDecimal == "95.4")
        // The same unit as an industry and as a unit row contributes the same.
        #expect(result.row(period(2023, 4), "fixed_investment", .industry, "36")?.pullPoints == tech.pullPoints)
        #expect(result.row(period(2023, 4), "fixed_investment", .unit, "T1")?.sharePercent == tech.sharePercent)
    }

    @Test func partitionsAddUpExactly() throws {
        let result = ComputeSameCaliberTests.table().compute()
        let zone = try #require(result.row(period(2023, 4)))
        for scope in [ScopeKind.industry, .area, .unit] {
            let rows = result.indicators.filter { $0.period == period(2023, 4) && $0.scope == scope }
            let pulls = rows.compactMap(\.pullPoints).reduce(Ratio.zero) { $0.adding($1) ?? .zero }
            let shares = rows.compactMap(\.sharePercent).reduce(Ratio.zero) { $0.adding($1) ?? .zero }
            #expect(pulls == zone.ytdYoYPercent)
            #expect(shares == Ratio(100))
        }
        #expect(result.warnings.filter { $0.code.hasSuffix("do_not_add_up") }.isEmpty)
    }

    @Test func scopesAreNamedAndOrdered() throws {
        var zone = ComputeZoneBuilder.single()
        let units = [
            zone.unit("Z9", industry: nil, area: nil), zone.unit("A1", industry: "C3670", area: "西区"),
            zone.unit("M5", industry: "610", area: "东区"),
        ]
        for unit in units { zone.fact(unit, 2023, 5, 10) }
        let rows = zone.compute().indicators
        #expect(rows.map(\.scope) == [.zone, .industry, .industry, .industry, .area, .area, .area, .unit, .unit, .unit])
        #expect(rows.map(\.scopeId) == ["", "06", "36", "unknown", "unknown", "东区", "西区", "A1", "M5", "Z9"])
        #expect(rows[0].scopeName == "测试开发区")
        #expect(rows[1].scopeName == "煤炭开采和洗选业")
        #expect(rows[2].scopeName == "汽车制造业")
        #expect(rows[3].scopeName == IndustryDivision.unknownName)
        #expect(rows.first { $0.scope == .area && $0.scopeId == "unknown" }?.scopeName == "未分区")
        #expect(rows.last?.scopeName == "单位Z9")
    }

    @Test func zoneShareIsUndefinedWhenTheZoneDidNotChange() throws {
        var zone = ComputeZoneBuilder.single()
        let up = zone.unit("U")
        let down = zone.unit("D")
        zone.fact(up, 2022, 3, 100)
        zone.fact(down, 2022, 3, 100)
        zone.fact(up, 2023, 3, 130)
        zone.fact(down, 2023, 3, 70)
        let result = zone.compute()
        #expect(result.row(period(2023, 3))?.sharePercent == nil)
        #expect(result.row(period(2023, 3))?.pullPoints == Ratio.zero)
        #expect(result.row(period(2023, 3), "output_value", .unit, "D")?.pullPoints == Ratio(-15))  // 下拉
    }
}
