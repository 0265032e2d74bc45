import Testing
import ZonestatCore

/// statistics.md §8: what the core checks and reports.
@Suite("ComputeCore consistency warnings")
struct ComputeConsistencyTests {
    static func investment() -> ComputeZoneBuilder {
        ComputeZoneBuilder(indicators: [
            IndicatorDefinition(id: "fixed_investment", name: "固定资产投资", mergeJanFeb: true),
            IndicatorDefinition(id: "tech_investment", name: "技改投资", mergeJanFeb: true, subsetOf: "fixed_investment"),
        ])
    }

    @Test func aSubsetAboveItsTotalIsReportedForTheUnitAndTheZone() throws {
        var zone = Self.investment()
        let fine = zone.unit("FINE")
        let wrong = zone.unit("WRONG")
        zone.fact(fine, 2023, 3, 100)
        zone.fact(fine, 2023, 3, 40, indicator: 1)
        zone.fact(wrong, 2023, 3, 10)
        zone.fact(wrong, 2023, 3, 12, indicator: 1)
        zone.fact(fine, 2023, 4, 100)
        zone.fact(fine, 2023, 4, 140, indicator: 1)
        let warnings = zone.compute().warnings.filter { $0.code == "subset_exceeds_total" }
        #expect(warnings.map(\.scope) == ["WRONG", "FINE", "zone"])
        #expect(warnings.map(\.period) == [period(2023, 3), period(2023, 4), period(2023, 4)])
        #expect(warnings.allSatisfy { $0.indicator == "tech_investment" })
    }

    @Test func aFallingYtdIsReported() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let unit = zone.unit("U")
        zone.fact(unit, 2023, 2, 100)
        zone.fact(unit, 2023, 3, 90)
        zone.fact(unit, 2023, 4, 95)
        let warnings = zone.compute().warnings
        #expect(warnings.map(\.code) == ["ytd_fell"])
        #expect(warnings.first?.period == period(2023, 3))
        #expect(warnings.first?.scope == "U")
    }

    @Test func factsPointingNowhereAreReportedAndIgnored() throws {
        var zone = ComputeZoneBuilder.single("tax")
        let unit = zone.unit("U")
        zone.fact(unit, 2023, 2, 100)
        zone.fact(7, 2023, 2, 100)
        zone.fact(unit, 2023, 2, 100, indicator: 3)
        let result = zone.compute()
        #expect(result.row(period(2023, 2), "tax")?.ytd == AmountSum(raw: 100))
        #expect(result.warnings.map(\.code) == ["fact_out_of_range", "fact_out_of_range"])
    }

    @Test func warningsAreSorted() throws {
        let result = ComputeZoneGenerator().make(seed: 11).computed()
        let ordering = result.warnings.map { "\($0.period?.key ?? 0) \($0.code)" }
        #expect(ordering == ordering.sorted())
    }
}

extension ComputeInput {
    func computed(threads: Int = 1, periods: Set<Period>? = nil) -> ComputeResult {
        ComputeCore.compute(self, options: ComputeOptions(threads: threads, periods: periods)).withUnitRows(units)
    }
}

/// A nation's compute input holds tens of millions of facts: each stays 24 bytes, and its
/// period reads back as made.
@Suite("Fact layout")
struct FactLayoutTests {
    @Test func aFactIsTwentyFourBytesAndKeepsItsFields() throws {
        #expect(MemoryLayout<Fact>.stride == 24)
        for (year, month) in [(1, 1), (2023, 4), (9999, 12)] {
            let period = try #require(Period(year: year, month: month))
            var fact = Fact(unit: .max, period: period, indicator: .max, basis: .ytd, amount: Amount(raw: .min))
            #expect(fact.period == period && fact.unit == .max && fact.indicator == .max && fact.basis == .ytd)
            #expect(fact.amount == Amount(raw: .min))
            fact.period = try #require(Period(year: 2022, month: 12))
            #expect(fact.period.year == 2022 && fact.period.month == 12 && fact.amount == Amount(raw: .min))
        }
    }
}
