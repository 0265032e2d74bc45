import Testing
import ZonestatCore

/// statistics.md §4: the worked target examples, at the precision the source printed.
@Suite("ComputeCore targets")
struct ComputeTargetTests {
    /// Value added 1-4月 +19.2% on a base of 1000 (B_N), last year 1000 at April and 3000 at
    /// December (R = 2000, so s = B_N / B_Y = 1/3).
    static func valueAdded(targets: [Ratio]) -> ComputeZoneBuilder {
        var zone = ComputeZoneBuilder.single("value_added", merged: true)
        let unit = zone.unit("V")
        zone.fact(unit, 2022, 4, 1_000)
        zone.fact(unit, 2022, 12, 3_000)
        zone.fact(unit, 2023, 4, 1_192)
        zone.targets = targets.enumerated().map {
            TargetDefinition(year: 2023, indicator: "value_added", growthPercent: $0.element, source: "目标\($0.offset)")
        }
        return zone
    }

    @Test func rateGapIs10Point8Points() throws {
        let row = try #require(Self.valueAdded(targets: [Ratio(30)]).compute().targets.first { $0.period == period(2023, 4) })
        #expect(row.kind == .rate)
        #expect(row.ytdYoYPercent == exact(192, 10))
        #expect(row.gapPoints == exact(108, 10))
        #expect(row.gapPoints?.oneDecimal == "10.8")
        #expect(row.status == .behind)
        #expect(row.timeProgressPercent == nil)
        #expect(row.completionPercent == nil)
    }

    @Test(arguments: [(Int128(30), "35.4", exact(354, 10)), (25, "27.9", exact(279, 10))])
    func requiredRestOfYearGrowthForARateTarget(target: Int128, text: String, exact: Ratio) throws {
        let rows = Self.valueAdded(targets: [Ratio(target)]).compute().targets
        let row = try #require(rows.first { $0.period == period(2023, 4) })
        #expect(row.requiredRestGrowthPercent == exact)  // (G − s·g) / (1 − s)
        #expect(row.requiredRestGrowthPercent?.oneDecimal == text)
    }

    /// Fixed investment 1-4月 14.36亿 against 52亿; last year's May–Dec 28.755亿 (in 0.001亿).
    static func fixedInvestment() -> ComputeZoneBuilder {
        var zone = ComputeZoneBuilder.single("fixed_investment", merged: true)
        let project = zone.unit("P")
        zone.fact(project, 2022, 4, 10_000)
        zone.fact(project, 2022, 12, 38_755)
        zone.fact(project, 2023, 4, 14_360)
        zone.targets = [TargetDefinition(year: 2023, indicator: "fixed_investment", amount: Amount(raw: 52_000), source: "政府工作报告")]
        return zone
    }

    @Test func levelTargetIs5Point7PointsBehind() throws {
        let row = try #require(Self.fixedInvestment().compute().targets.first { $0.period == period(2023, 4) })
        #expect(row.kind == .level)
        #expect(row.completionPercent == exact(1_436_000, 52_000))
        #expect(row.completionPercent?.oneDecimal == "27.6")
        #expect(row.timeProgressPercent?.oneDecimal == "33.3")
        #expect(row.aheadPoints?.oneDecimal == "-5.7")
        #expect(row.status == .behind)
    }

    @Test func requiredRestOfYearGrowthForALevelTargetIs30Point9() throws {
        let row = try #require(Self.fixedInvestment().compute().targets.first { $0.period == period(2023, 4) })
        #expect(row.requiredRestGrowthPercent == exact(100 * (37_640 - 28_755), 28_755))
        #expect(row.requiredRestGrowthPercent?.oneDecimal == "30.9")
    }

    /// A count target of `target`, with `new` new units at `month` besides one unit of last year.
    static func newUnits(new: Int, target: Int, month: Int) -> ComputeZoneBuilder {
        var zone = ComputeZoneBuilder.single()
        let old = zone.unit("OLD")
        zone.fact(old, 2022, 12, 10)
        zone.fact(old, 2023, month, 10)
        for number in 0..<new {
            let unit = zone.unit("N\(number)")
            zone.fact(unit, 2023, month, 5)
        }
        zone.targets = [TargetDefinition(year: 2023, indicator: "new_units", count: target, source: "考核")]
        return zone
    }

    @Test func countTargetIs18Point3PointsAhead() throws {
        let row = try #require(Self.newUnits(new: 18, target: 30, month: 5).compute().targets.first)
        #expect(row.kind == .count)
        #expect(row.ytdCount == 18)
        #expect(row.completionPercent == Ratio(60))
        #expect(row.timeProgressPercent?.oneDecimal == "41.7")
        #expect(row.aheadPoints == exact(55, 3))
        #expect(row.aheadPoints?.oneDecimal == "18.3")
        #expect(row.status == .ahead)
        #expect(row.requiredRestGrowthPercent == nil)
    }

    @Test func sixteenOfTwentyThreeNewUnitsIs69Point6() throws {
        let row = try #require(Self.newUnits(new: 16, target: 23, month: 4).compute().targets.first)
        #expect(row.completionPercent == exact(1_600, 23))
        #expect(row.completionPercent?.oneDecimal == "69.6")
    }

    @Test func aTargetWithALevelAndARateIsTwoRows() throws {
        var zone = Self.fixedInvestment()
        zone.targets = [
            TargetDefinition(
                year: 2023, indicator: "fixed_investment", amount: Amount(raw: 14_000), growthPercent: Ratio(20), source: "报告")
        ]
        let rows = zone.compute().targets
        #expect(rows.map(\.kind) == [.level, .rate])
        #expect(rows[0].status == .met)
        #expect(rows[0].targetGrowthPercent == nil)
        #expect(rows[1].targetAmount == nil)
        #expect(rows[1].status == .ahead)  // +43.6% ≥ +20%
    }

    @Test func conflictingTargetsAreAllShownAsNotApplicable() throws {
        var zone = Self.fixedInvestment()
        zone.targets.append(TargetDefinition(year: 2023, indicator: "fixed_investment", amount: Amount(raw: 50_000), source: "管委会"))
        zone.targets.append(TargetDefinition(year: 2023, indicator: "fixed_investment", growthPercent: Ratio(10), source: "管委会"))
        let result = zone.compute()
        let rows = result.targets.filter { $0.kind == .level }
        #expect(rows.map(\.source) == ["政府工作报告", "管委会"])
        #expect(rows.allSatisfy { $0.status == .notApplicable })
        #expect(rows.allSatisfy { $0.completionPercent != nil })
        #expect(result.targets.first { $0.kind == .rate }?.status == .ahead)  // no conflict for the rate
        let warning = try #require(result.warnings.first { $0.code == "target_conflict" })
        #expect(warning.period == period(2023, 4))
        #expect(warning.message.contains("政府工作报告") && warning.message.contains("管委会"))
    }

    @Test func requiredGrowthIsUndefinedWithoutLastDecember() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let unit = zone.unit("U")
        zone.fact(unit, 2022, 4, 100)
        zone.fact(unit, 2023, 4, 120)
        zone.targets = [TargetDefinition(year: 2023, indicator: "tax", amount: Amount(raw: 400), growthPercent: Ratio(5), source: "s")]
        let rows = zone.compute().targets
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.requiredRestGrowthPercent == nil })
    }

    @Test func unknownIndicatorsAreReportedNotDropped() throws {
        var zone = Self.fixedInvestment()
        zone.targets = [TargetDefinition(year: 2023, indicator: "gdp", amount: Amount(raw: 1), source: "s")]
        let result = zone.compute()
        #expect(result.targets.isEmpty)
        #expect(result.warnings.contains { $0.code == "target_unknown_indicator" && $0.period == nil })
    }
}
