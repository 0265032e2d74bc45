import GRDB
import ZonestatCore

/// What the transform hands the compute core: every unit, target and price index, and which
/// current blocks exist (their keys); the values themselves are read by a ``CurrentBlockReader``
/// a year and indicator at a time, inside the transform's transaction.
public struct ComputeSource: Sendable {
    /// Units, indicators, targets and price indices; no facts (the reader has them).
    public var input: ComputeInput
    /// The current blocks the periods need, as the core's keys.
    public var keys: [FactColumnKey]
    /// The period-key ranges read (nil: every block).
    let ranges: [ClosedRange<Int32>]?
    /// Position in `input.units` of each warehouse unit id (−1: none).
    let unitIndex: [Int32]
    /// Warehouse indicator id of each of `input.indicators`.
    let indicatorIds: [Int64]
    /// Position in `input.indicators` of each warehouse indicator id (−1: not configured).
    let indicatorIndex: [Int16]
}

extension Warehouse {
    /// The current vintage, as the compute core's input: every unit, target and price index,
    /// and the keys of the current blocks computing `periods` needs (``ComputeNeeds``; all when
    /// nil). The core computes the same rows for `periods` from either read.
    public func computeSource(config: PipelineConfig, periods: Set<Period>? = nil) throws(WarehouseError) -> ComputeSource {
        try read("read the current facts") { db in try Warehouse.computeSource(db, config: config, periods: periods) }
    }

    static func computeSource(_ db: Database, config: PipelineConfig, periods: Set<Period>?) throws -> ComputeSource {
        let targets = try Warehouse.currentTargets(db)
        let ranges = Warehouse.blockRanges(periods: periods, targets: targets, config: config)
        var indicatorIds = Array(repeating: Int64(-1), count: config.indicators.count)
        for row in try Row.fetchAll(db, sql: "SELECT id, code FROM indicators") {
            if let position = config.indicators.firstIndex(where: { $0.id == row["code"] as String }) {
                indicatorIds[position] = row["id"]
            }
        }
        var units: [UnitInfo] = []
        // Unit and indicator ids are small row ids: positions by id in arrays, not dictionaries.
        var unitIndex: [Int32] = []
        let unitRows = try Row.fetchCursor(db, sql: "SELECT id, credit_code, name, industry, area FROM units ORDER BY credit_code")
        while let row = try unitRows.next() {
            let id: Int64 = row["id"]
            if id >= 0, id < 1 << 32 {
                if unitIndex.count <= Int(id) { unitIndex.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - unitIndex.count)) }
                unitIndex[Int(id)] = Int32(units.count)
            }
            units.append(UnitInfo(code: row["credit_code"], name: row["name"], industry: row["industry"], area: row["area"], id: id))
        }
        var indicatorIndex: [Int16] = []
        for (position, id) in indicatorIds.enumerated() where id >= 0 && id < 1 << 16 {
            if indicatorIndex.count <= Int(id) { indicatorIndex.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - indicatorIndex.count)) }
            indicatorIndex[Int(id)] = Int16(position)
        }
        var keys: [FactColumnKey] = []
        for (key, count) in try FactBlockStore.currentKeys(db, periods: ranges) {
            guard key.indicator >= 0, key.indicator < indicatorIndex.count, case let indicator = indicatorIndex[Int(key.indicator)],
                indicator >= 0, let period = Period(key: Int(key.period)), let basis = Basis(rawValue: key.basis)
            else { continue }
            keys.append(FactColumnKey(period: period, indicator: Int(indicator), basis: basis, count: count))
        }
        var indices: [PriceIndex] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT period, division, idx FROM price_indices WHERE superseded_by IS NULL ORDER BY period, division")
        {
            guard let period = Period(key: row["period"]), let index = Warehouse.exactRatio(row["idx"]) else { continue }
            let division: String = row["division"]
            indices.append(PriceIndex(period: period, division: division.isEmpty ? nil : division, index: index))
        }
        let input = ComputeInput(
            zoneName: config.zoneName, indicators: config.indicators.map(\.definition), units: units, facts: [],
            targets: targets, priceIndices: indices)
        return ComputeSource(
            input: input, keys: keys, ranges: ranges, unitIndex: unitIndex, indicatorIds: indicatorIds,
            indicatorIndex: indicatorIndex)
    }

    /// The same, with every value needed read into `facts` at once (tests, small zones: the
    /// transform reads through a ``CurrentBlockReader`` instead).
    public func computeInput(config: PipelineConfig, periods: Set<Period>? = nil) throws(WarehouseError) -> ComputeInput {
        try read("read the current facts") { db in
            let source = try Warehouse.computeSource(db, config: config, periods: periods)
            let reader = CurrentBlockReader(db, source: source)
            var input = source.input
            let years = Set(source.keys.map(\.period.year)).sorted()
            for indicator in input.indicators.indices {
                for year in years {
                    for column in reader.columns(indicator: indicator, year: year) {
                        for (unit, amount) in zip(column.units, column.amounts) {
                            input.facts.append(Fact(
                                unit: unit, period: column.period, indicator: Int16(indicator), basis: column.basis,
                                amount: Amount(raw: amount)))
                        }
                    }
                }
            }
            try reader.check()
            return input
        }
    }

    /// An exact decimal text (`30`, `97.9`) as a ratio.
    static func exactRatio(_ text: String) -> Ratio? {
        if case .number(let decimal) = NumberParser.parse(text) { return decimal.ratio }
        return nil
    }
}

extension IndicatorSpec {
    /// The compute core's view of this indicator.
    public var definition: IndicatorDefinition {
        IndicatorDefinition(
            id: id, name: name, unit: unit, mergeJanFeb: mergeJanFeb, subsetOf: subsetOf, displayUnit: displayUnit,
            displayPrecision: displayPrecision)
    }
}
