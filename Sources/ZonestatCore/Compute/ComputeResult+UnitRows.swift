/// The unit rows of a result, derived from its blocks.
extension ComputeResult {
    /// ``indicators`` with each (period, indicator)'s unit rows after its area rows, in the
    /// kernel's order: one table of every scope, as indicators.csv was before units.csv had
    /// the unit rows. Units are named from `units` by ``UnitInfo/id``.
    public func indicatorRowsWithUnits(_ units: [UnitInfo]) -> [IndicatorRow] {
        let named = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var blocks: [BlockKey: UnitResultBlock] = [:]
        for block in unitBlocks { blocks[BlockKey(period: block.period, indicator: block.indicator)] = block }
        var rows: [IndicatorRow] = []
        rows.reserveCapacity(indicators.count + unitBlocks.reduce(0) { $0 + $1.count })
        var open: BlockKey?
        func close() {
            if let key = open, let block = blocks.removeValue(forKey: key) { rows += block.rows(named) }
        }
        for row in indicators {
            let key = BlockKey(period: row.period, indicator: row.indicator)
            if key != open {
                close()
                open = key
            }
            rows.append(row)
        }
        close()
        return rows
    }

    private struct BlockKey: Hashable {
        var period: Period
        var indicator: String
    }
}
