import Testing
import ZonestatCore

/// The transform hands the core a reader instead of every fact (issue 13: a nation's values do
/// not fit in 1 GiB): the figures must be the same, and only the years being computed read.
@Suite("ComputeCore reading values a year at a time")
struct ComputeReaderTests {
    @Test("the figures from a reader are those from the facts, whatever the threads and column order", arguments: [UInt64(1), 7, 2023])
    func readerGivesTheSameFigures(seed: UInt64) {
        let input = ComputeZoneGenerator().make(seed: seed).withoutDuplicateFacts
        let expected = ComputeCore.compute(input, options: ComputeOptions(threads: 1))
        for threads in [1, 2] {
            let reader = RecordingReader(input, shuffleSeed: seed)
            #expect(reader.streamed(input, options: ComputeOptions(threads: threads)).sameFigures(expected))
        }
    }

    @Test("each indicator and year is read once, years in order; a month's run reads its year and the one before")
    func readsEachYearOnceAndOnlyTheYearsNeeded() {
        let input = ComputeZoneGenerator().make(seed: 5).withoutDuplicateFacts
        let reader = RecordingReader(input)
        _ = reader.streamed(input, options: ComputeOptions(threads: 2))
        #expect(reader.asked.count == Set(reader.asked.map { "\($0.indicator)/\($0.year)" }).count)
        #expect(reader.asked.map(\.year) == reader.asked.map(\.year).sorted())
        #expect(Set(reader.asked.map(\.year)) == [2021, 2022, 2023])

        let month = period(2023, 7)
        let nightly = RecordingReader(input)
        let result = nightly.streamed(input, options: ComputeOptions(threads: 2, periods: [month]))
        #expect(Set(nightly.asked.map(\.year)) == [2022, 2023])
        let full = ComputeCore.compute(input, options: ComputeOptions(threads: 2))
        #expect(result.sameFigures(full.restricted(to: [month])))
    }

    @Test("a ytd summed from months that overflows ends the unit's year there, with a warning (both reads)")
    func anOverflowingSumEndsTheUnitsYear() throws {
        var zone = ComputeZoneBuilder.single(merged: false)
        let big = zone.unit("91340000MA0000001X")
        let small = zone.unit("91340000MA0000002X")
        zone.fact(big, 2023, 1, Int64.max - 10, basis: .month)
        zone.fact(big, 2023, 2, 100, basis: .month)
        zone.fact(big, 2023, 3, 5, basis: .ytd)  // after the overflow: not used
        for month in 1...3 { zone.fact(small, 2023, month, Int64(month) * 10, basis: .ytd) }
        let result = ComputeCore.compute(zone.input, options: ComputeOptions(threads: 1))
        let overflow = result.warnings.filter { $0.code == "amount_overflow" }
        #expect(overflow.map(\.period) == [period(2023, 2)])
        #expect(overflow.map(\.scope) == ["91340000MA0000001X"])
        let units = result.withUnitRows(zone.units).indicators.filter { $0.scope == .unit }
        #expect(units.filter { $0.scopeId == "91340000MA0000001X" }.map(\.period) == [period(2023, 1)])
        #expect(units.filter { $0.scopeId == "91340000MA0000002X" }.map(\.ytd) == [10, 20, 30].map { AmountSum(raw: Int128($0)) })
        #expect(RecordingReader(zone.input).streamed(zone.input, options: ComputeOptions(threads: 2)).sameFigures(result))
    }
    @Test("a column whose arrays differ in length is left out, not a crash")
    func anUnevenColumnIsLeftOut() {
        var zone = ComputeZoneBuilder.single()
        zone.unit("91340000MA0000001X")
        zone.unit("91340000MA0000002X")
        var units: [Period: Int] = [:]
        _ = ComputeCore.compute(zone.input, values: UnevenReader(), options: ComputeOptions(threads: 2)) { period, result in
            for row in result.indicators where row.scope == .zone { units[period] = row.units }
        }
        // The keys still name April; its values are not used.
        #expect(units == [period(2023, 3): 1, period(2023, 4): 0])
    }
}

/// A reader that hands one column with more units than amounts beside a sound one.
struct UnevenReader: CurrentValueReader {
    let keys: [FactColumnKey] = [
        FactColumnKey(period: period(2023, 3), indicator: 0, basis: .ytd, count: 1),
        FactColumnKey(period: period(2023, 4), indicator: 0, basis: .ytd, count: 2),
    ]

    func columns(indicator: Int, year: Int) -> [FactColumn] {
        [
            FactColumn(period: period(2023, 3), indicator: 0, basis: .ytd, units: [0], amounts: [30]),
            FactColumn(period: period(2023, 4), indicator: 0, basis: .ytd, units: [0, 1], amounts: [40]),
        ]
    }
}

/// A reader over an input's facts (one value per unit and column), recording what it is asked;
/// the units of each column in a shuffled order.
final class RecordingReader: CurrentValueReader {
    let keys: [FactColumnKey]
    private let columns: [String: [FactColumn]]
    private(set) var asked: [(indicator: Int, year: Int)] = []

    init(_ input: ComputeInput, shuffleSeed: UInt64? = nil) {
        var byColumn: [String: FactColumn] = [:]
        for fact in input.facts {
            let name = "\(fact.indicator)/\(fact.period)/\(fact.basis.rawValue)"
            byColumn[name, default: FactColumn(
                period: fact.period, indicator: Int(fact.indicator), basis: fact.basis, units: [], amounts: [])]
                .units.append(fact.unit)
            byColumn[name]?.amounts.append(fact.amount.raw)
        }
        var random = ComputeRandom(seed: shuffleSeed ?? 0)
        var columns: [String: [FactColumn]] = [:]
        for name in byColumn.keys.sorted() {
            guard var column = byColumn[name] else { continue }
            if shuffleSeed != nil {
                let order = column.units.indices.shuffled(using: &random)
                column = FactColumn(
                    period: column.period, indicator: column.indicator, basis: column.basis,
                    units: order.map { column.units[$0] }, amounts: order.map { column.amounts[$0] })
            }
            columns["\(column.indicator)/\(column.period.year)", default: []].append(column)
        }
        self.columns = columns
        keys = byColumn.values.map {
            FactColumnKey(period: $0.period, indicator: $0.indicator, basis: $0.basis, count: $0.units.count)
        }
    }

    func columns(indicator: Int, year: Int) -> [FactColumn] {
        asked.append((indicator, year))
        return columns["\(indicator)/\(year)"] ?? []
    }

    /// The periods streamed, put together as ``ComputeCore/compute(_:options:)`` returns them
    /// (the warnings in any order: compare with ``ComputeResult/sameFigures(_:)``).
    func streamed(_ input: ComputeInput, options: ComputeOptions) -> ComputeResult {
        var result = ComputeResult()
        var unreadable = input
        unreadable.facts = []  // the reader's values only
        let leftover = ComputeCore.compute(unreadable, values: self, options: options) { _, period in
            result.indicators += period.indicators
            result.unitBlocks += period.unitBlocks
            result.targets += period.targets
            result.roster += period.roster
            result.warnings += period.warnings
        }
        result.warnings += leftover
        return result
    }
}

extension ComputeInput {
    /// The input with each value given once (the largest), as the warehouse holds it.
    var withoutDuplicateFacts: ComputeInput {
        var largest: [String: Fact] = [:]
        for fact in facts {
            let key = "\(fact.unit)/\(fact.indicator)/\(fact.period)/\(fact.basis.rawValue)"
            if let held = largest[key], held.amount.raw >= fact.amount.raw { continue }
            largest[key] = fact
        }
        var input = self
        input.facts = largest.keys.sorted().compactMap { largest[$0] }
        return input
    }
}

extension ComputeResult {
    /// The same rows in the same order, and the same warnings in any order.
    func sameFigures(_ other: ComputeResult) -> Bool {
        indicators == other.indicators && unitBlocks == other.unitBlocks && targets == other.targets
            && roster == other.roster && warnings.count == other.warnings.count && Set(warnings) == Set(other.warnings)
    }
}
