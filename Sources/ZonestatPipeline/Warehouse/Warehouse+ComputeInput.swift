import GRDB
import ZonestatCore

extension Warehouse {
    /// The current vintage of everything, as the compute core's input.
    public func computeInput(config: PipelineConfig) throws(WarehouseError) -> ComputeInput {
        try read("read the current facts") { db in
            var indicatorIndex: [Int64: Int16] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, code FROM indicators") {
                if let position = config.indicators.firstIndex(where: { $0.id == row["code"] as String }) {
                    indicatorIndex[row["id"]] = Int16(position)
                }
            }
            var units: [UnitInfo] = []
            // Unit and indicator ids are small row ids: positions by id in arrays, not dictionaries.
            var unitIndex: [Int32] = []
            let unitRows = try Row.fetchCursor(
                db, sql: "SELECT id, credit_code, name, industry, area FROM units ORDER BY credit_code")
            while let row = try unitRows.next() {
                let id: Int64 = row["id"]
                if id >= 0, id < 1 << 32 {
                    if unitIndex.count <= Int(id) { unitIndex.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - unitIndex.count)) }
                    unitIndex[Int(id)] = Int32(units.count)
                }
                units.append(UnitInfo(code: row["credit_code"], name: row["name"], industry: row["industry"], area: row["area"], id: id))
            }
            var indicatorById: [Int16] = []
            for (id, position) in indicatorIndex where id >= 0 && id < 1 << 16 {
                if indicatorById.count <= Int(id) { indicatorById.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - indicatorById.count)) }
                indicatorById[Int(id)] = position
            }
            // Every current block, a fact per value.
            var facts: [Fact] = []
            facts.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM current_blocks") ?? 0)
            try FactBlockStore.forEachCurrentBlock(db) { key, block in
                let indicatorId = Int(key.indicator)
                guard indicatorId >= 0, indicatorId < indicatorById.count, case let indicator = indicatorById[indicatorId],
                    indicator >= 0, let period = Period(key: Int(key.period)), let basis = Basis(rawValue: key.basis)
                else { return }
                for position in 0..<block.count {
                    let unitId = Int(block.units[position])
                    guard unitId < unitIndex.count, case let unit = unitIndex[unitId], unit >= 0 else { continue }
                    facts.append(Fact(unit: unit, period: period, indicator: indicator, basis: basis, amount: Amount(raw: block.amounts[position])))
                }
            }
            var targets: [TargetDefinition] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT year, indicator, target_amount, target_count, target_growth, source FROM targets
                    WHERE superseded_by IS NULL ORDER BY year, indicator, source
                    """)
            {
                let growth = (row["target_growth"] as String?).flatMap(Warehouse.exactRatio)
                targets.append(TargetDefinition(
                    year: row["year"], indicator: row["indicator"], amount: (row["target_amount"] as Int64?).map(Amount.init(raw:)),
                    count: row["target_count"], growthPercent: growth, source: row["source"]))
            }
            var indices: [PriceIndex] = []
            for row in try Row.fetchAll(
                db, sql: "SELECT period, division, idx FROM price_indices WHERE superseded_by IS NULL ORDER BY period, division")
            {
                guard let period = Period(key: row["period"]), let index = Warehouse.exactRatio(row["idx"]) else { continue }
                let division: String = row["division"]
                indices.append(PriceIndex(period: period, division: division.isEmpty ? nil : division, index: index))
            }
            return ComputeInput(
                zoneName: config.zoneName, indicators: config.indicators.map(\.definition), units: units, facts: facts,
                targets: targets, priceIndices: indices)
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
