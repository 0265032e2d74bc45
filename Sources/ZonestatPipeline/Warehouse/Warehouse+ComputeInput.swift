import GRDB
import ZonestatCore

extension Warehouse {
    /// The current vintage, as the compute core's input: every unit, target and price index,
    /// and the current values computing `periods` needs (``ComputeNeeds``; all when nil). The
    /// core computes the same rows for `periods` from either read.
    public func computeInput(config: PipelineConfig, periods: Set<Period>? = nil) throws(WarehouseError) -> ComputeInput {
        try read("read the current facts") { db in
            let targets = try Warehouse.currentTargets(db)
            let ranges = Warehouse.blockRanges(periods: periods, targets: targets, config: config)
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
            // Every current block needed, a fact per value.
            var facts: [Fact] = []
            facts.reserveCapacity(try FactBlockStore.currentValueCount(db, periods: ranges))
            try FactBlockStore.forEachCurrentBlock(db, periods: ranges) { key, block in
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
