import Testing
import ZonestatCore

/// Properties on random zones: partitions add up, threads and fact order change nothing,
/// one fact changes only the periods that use it, a period selection is a subset.
@Suite("ComputeCore properties")
struct ComputePropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 42, 2023]

    @Test(arguments: seeds)
    func pullsAddUpToTheZoneGrowthAndSharesTo100(seed: UInt64) throws {
        let result = ComputeZoneGenerator().make(seed: seed).computed()
        #expect(!result.indicators.isEmpty)
        for zone in result.indicators where zone.scope == .zone {
            for scope in [ScopeKind.industry, .area, .unit] {
                let rows = result.indicators.filter { $0.period == zone.period && $0.indicator == zone.indicator && $0.scope == scope }
                #expect(rows.reduce(0) { $0 + $1.units } == zone.units)
                #expect(rows.reduce(AmountSum.zero) { $0 + $1.ytd } == zone.ytd)
                if let growth = zone.ytdYoYPercent {
                    #expect(Self.sum(rows.map(\.pullPoints)) == growth, "\(zone.period) \(zone.indicator) \(scope)")
                }
                if zone.sharePercent != nil {
                    #expect(Self.sum(rows.map(\.sharePercent)) == Ratio(100))
                }
            }
        }
        #expect(!result.warnings.contains { $0.code.hasSuffix("do_not_add_up") })
    }

    /// The exact sum, nil when a term is undefined.
    static func sum(_ terms: [Ratio?]) -> Ratio? {
        var total = Ratio.zero
        for term in terms {
            guard let term, let next = total.adding(term) else { return nil }
            total = next
        }
        return total
    }

    @Test(arguments: seeds)
    func threadsAndFactOrderChangeNothing(seed: UInt64) {
        var input = ComputeZoneGenerator().make(seed: seed)
        let one = input.computed(threads: 1)
        #expect(input.computed(threads: 2) == one)
        #expect(input.computed(threads: 4) == one)
        var random = ComputeRandom(seed: seed &+ 99)
        input.facts.shuffle(using: &random)
        input.targets.shuffle(using: &random)
        #expect(input.computed(threads: 3) == one)
    }

    @Test(arguments: seeds)
    func aPeriodSelectionIsExactlyASubsetOfTheFullResult(seed: UInt64) {
        let input = ComputeZoneGenerator().make(seed: seed)
        let full = input.computed(threads: 2)
        for selection: Set<Period> in [[period(2022, 5)], [period(2023, 1), period(2023, 2), period(2021, 12)], [period(2019, 1)]] {
            #expect(input.computed(threads: 2, periods: selection) == full.restricted(to: selection))
        }
        var streamed = ComputeResult()
        let leftover = ComputeCore.compute(input, options: ComputeOptions(threads: 2)) { _, part in
            streamed.indicators += part.indicators
            streamed.unitBlocks += part.unitBlocks
            streamed.targets += part.targets
            streamed.roster += part.roster
            streamed.warnings += part.warnings
        }
        #expect(streamed.withUnitRows(input.units).indicators == full.indicators)
        #expect(streamed.unitBlocks == full.unitBlocks)
        #expect(streamed.targets == full.targets)
        #expect(streamed.roster == full.roster)
        #expect(Set(streamed.warnings + leftover) == Set(full.warnings))
    }

    @Test(arguments: seeds)
    func oneFactAt2022MayChangesOnlyThePeriodsThatUseIt(seed: UInt64) throws {
        let input = ComputeZoneGenerator().make(seed: seed)
        // A ytd fact of a unit whose 2022 figures are all given as ytd (no months carried forward).
        let monthsOnly = Set(input.facts.filter { $0.period.year == 2022 && $0.basis == .month }.map { "\($0.unit)/\($0.indicator)" })
        var ytdCount: [String: Int] = [:]
        for fact in input.facts where fact.basis == .ytd && fact.period == period(2022, 5) {
            ytdCount["\(fact.unit)/\(fact.indicator)", default: 0] += 1
        }
        let target = try #require(
            input.facts.firstIndex { fact in
                let key = "\(fact.unit)/\(fact.indicator)"
                return fact.period == period(2022, 5) && fact.basis == .ytd && !monthsOnly.contains(key) && ytdCount[key] == 1
            })
        var changed = input
        changed.facts[target].amount = Amount(raw: changed.facts[target].amount.raw * 3 + 17)
        let before = input.computed(threads: 2)
        let after = changed.computed(threads: 2)
        var differing = Set<Period>()
        for period in before.periods.union(after.periods) {
            if before.restricted(to: [period]) != after.restricted(to: [period]) { differing.insert(period) }
        }
        #expect(differing.contains(period(2022, 5)))
        let allowed = Set((5...12).map { period(2022, $0) } + [period(2023, 5), period(2023, 6)])
        #expect(differing.isSubset(of: allowed), "changed: \(differing.sorted())")
    }
}
