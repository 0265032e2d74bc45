import Testing
import ZonestatCore

/// The compute core against a naive implementation of statistics.md on random zones.
@Suite("ComputeCore against the naive reference")
struct ComputeReferenceTests {
    @Test(arguments: [UInt64(5), 6, 7, 8, 9, 10])
    func sameRowsAsTheNaiveReference(seed: UInt64) {
        let generator = ComputeZoneGenerator(units: 30, lastMonth: Int(seed % 12) + 1)
        let input = generator.make(seed: seed)
        let result = input.computed(threads: 2)
        let reference = ComputeNaiveReference(input)
        let indicators = reference.indicatorRows()
        #expect(result.indicators.count == indicators.count)
        for (core, naive) in zip(result.indicators, indicators) where core != naive {
            Issue.record("indicator row differs:\ncore  \(core)\nnaive \(naive)")
            break
        }
        let roster = reference.rosterRows()
        #expect(result.roster.count == roster.count)
        for (core, naive) in zip(result.roster, roster) where core != naive {
            Issue.record("roster row differs:\ncore  \(core)\nnaive \(naive)")
            break
        }
        let targets = reference.targetRows()
        #expect(result.targets.count == targets.count)
        for (core, naive) in zip(result.targets, targets) where core != naive {
            Issue.record("target row differs:\ncore  \(core)\nnaive \(naive)")
            break
        }
    }
}
