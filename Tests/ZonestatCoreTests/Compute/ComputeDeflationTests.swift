import Testing
import ZonestatCore

/// statistics.md §3: value added at comparable prices, deflated by the PPI.
@Suite("ComputeCore deflation")
struct ComputeDeflationTests {
    static func valueAdded() -> ComputeZoneBuilder {
        var zone = ComputeZoneBuilder.single("value_added", merged: true)
        let unit = zone.unit("V", industry: "3670", area: "东区")
        zone.fact(unit, 2022, 4, 1_000_000)
        zone.fact(unit, 2023, 4, 1_166_000)
        zone.priceIndices = [PriceIndex(period: period(2023, 4), division: nil, index: exact(979, 10))]
        return zone
    }

    @Test func nominal16Point6WithPPI97Point9Is19Point1() throws {
        let result = Self.valueAdded().compute()
        let zone = try #require(result.row(period(2023, 4), "value_added"))
        let growth = try #require(zone.ytdYoYPercent)
        #expect(growth.oneDecimal == "19.1")
        // 1.166 / 0.979 − 1, to within the 10⁻¹² 元 each unit's real value is rounded to.
        let exact = exact(18_700, 979)
        let error = try #require(growth.subtracting(exact))
        #expect(error.doubleValue.magnitude < 1e-9)
        #expect(zone.estimate)
        #expect(zone.monthYoYPercent == nil)
        #expect(zone.ytd == AmountSum(raw: 1_166_000))  // levels stay nominal
        #expect(result.indicators.filter { $0.period == period(2023, 4) }.allSatisfy { $0.estimate })
    }

    @Test func withoutIndicesValueAddedIsAsReported() throws {
        var zone = Self.valueAdded()
        zone.priceIndices = []
        let row = try #require(zone.compute().row(period(2023, 4), "value_added"))
        #expect(row.ytdYoYPercent == Ratio(numerator: 166, denominator: 10))
        #expect(!row.estimate)
    }

    @Test func industriesUseTheirOwnIndexAndPullsStillAddUp() throws {
        var zone = ComputeZoneBuilder.single("value_added", merged: true)
        let cars = zone.unit("C", industry: "3670", area: "东区")
        let food = zone.unit("F", industry: "1311", area: "东区")
        let other = zone.unit("O", industry: nil, area: "西区")
        for (unit, last, now) in [(cars, Int64(600), Int64(700)), (food, 300, 330), (other, 100, 90)] {
            zone.fact(unit, 2022, 6, last * 1_000)
            zone.fact(unit, 2023, 6, now * 1_000)
        }
        zone.priceIndices = [
            PriceIndex(period: period(2023, 6), division: "36", index: exact(1_025, 10)),
            PriceIndex(period: period(2023, 6), division: nil, index: exact(979, 10)),
        ]
        let result = zone.compute()
        let zoneRow = try #require(result.row(period(2023, 6), "value_added"))
        // Σ_j w_j (1 + n_j) / P_j − 1 with w = 0.6, 0.3, 0.1.
        let expected = 0.6 * (700.0 / 600) / 1.025 + 0.3 * (330.0 / 300) / 0.979 + 0.1 * (90.0 / 100) / 0.979 - 1
        #expect(abs((zoneRow.ytdYoYPercent?.doubleValue ?? 0) - expected * 100) < 1e-9)
        for scope in [ScopeKind.industry, .area, .unit] {
            let pulls = result.indicators.filter { $0.period == period(2023, 6) && $0.scope == scope }
                .compactMap(\.pullPoints).reduce(Ratio.zero) { $0.adding($1) ?? .zero }
            #expect(pulls == zoneRow.ytdYoYPercent)
        }
        let car = try #require(result.row(period(2023, 6), "value_added", .industry, "36"))
        #expect(abs((car.ytdYoYPercent?.doubleValue ?? 0) - ((700.0 / 600) / 1.025 - 1) * 100) < 1e-9)
        #expect(abs((car.pullPoints?.doubleValue ?? 0) - 0.6 * ((700.0 / 600) / 1.025 - 1) * 100) < 1e-9)
        #expect(result.warnings.isEmpty)
    }

    @Test func aRateTargetOnDeflatedValueAddedStartsFromTheRealYtd() throws {
        var zone = Self.valueAdded()
        let unit: Int32 = 0
        zone.fact(unit, 2022, 12, 3_000_000)  // R = 2,000,000 = 2·B_N, so s = 1/3
        zone.targets = [TargetDefinition(year: 2023, indicator: "value_added", growthPercent: Ratio(30), source: "目标")]
        let row = try #require(zone.compute().targets.first)
        let growth = try #require(row.ytdYoYPercent)
        #expect(growth.oneDecimal == "19.1")  // at comparable prices
        // (G − s·g) / (1 − s) with the real g.
        let expected = (30 - growth.doubleValue / 3) / (2.0 / 3)
        #expect(abs((row.requiredRestGrowthPercent?.doubleValue ?? 0) - expected) < 1e-9)
        #expect(row.gapPoints.map { abs($0.doubleValue - (30 - growth.doubleValue)) < 1e-12 } == true)
    }

    @Test func aMissingIndexLeavesThePeriodNominalWithAWarning() throws {
        var zone = Self.valueAdded()
        zone.priceIndices = [PriceIndex(period: period(2023, 4), division: "13", index: Ratio(100))]
        let result = zone.compute()
        #expect(result.row(period(2023, 4), "value_added")?.estimate == false)
        #expect(result.warnings.map(\.code) == ["price_index_missing"])
    }

    @Test func conflictingIndicesAreNotUsed() throws {
        var zone = Self.valueAdded()
        zone.priceIndices.append(PriceIndex(period: period(2023, 4), division: nil, index: Ratio(98)))
        let result = zone.compute()
        #expect(result.row(period(2023, 4), "value_added")?.estimate == false)
        #expect(result.warnings.map(\.code) == ["price_index_conflict"])
    }
}
