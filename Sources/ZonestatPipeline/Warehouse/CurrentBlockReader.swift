import GRDB
import ZonestatCore

/// The compute core's reader of the warehouse's current blocks: one indicator and year at a
/// time, on the connection (and thread) of the transaction it was made in.
///
/// The core's reader cannot throw: the first error is kept, every later read returns nothing,
/// and the caller calls ``check()`` when the core is done (the transaction then rolls back).
final class CurrentBlockReader: CurrentValueReader {
    private let db: Database
    private let source: ComputeSource
    private var failure: (any Error)?

    init(_ db: Database, source: ComputeSource) {
        self.db = db
        self.source = source
    }

    var keys: [FactColumnKey] { source.keys }

    func columns(indicator: Int, year: Int) -> [FactColumn] {
        guard failure == nil, source.indicatorIds.indices.contains(indicator) else { return [] }
        let yearRange = Int32(clamping: year * 100)...Int32(clamping: year * 100 + 99)
        // Only the years the periods need (the source's ranges).
        guard source.ranges?.contains(where: { $0.overlaps(yearRange) }) ?? true else { return [] }
        var columns: [FactColumn] = []
        do {
            try FactBlockStore.forEachCurrentBlock(db, indicatorId: source.indicatorIds[indicator], periods: [yearRange]) { key, block in
                guard let period = Period(key: Int(key.period)), let basis = Basis(rawValue: key.basis) else { return }
                var units: [Int32] = []
                var amounts: [Int64] = []
                units.reserveCapacity(block.count)
                amounts.reserveCapacity(block.count)
                let unitIndex = source.unitIndex
                for position in 0..<block.count {
                    let id = Int(block.units[position])
                    guard id < unitIndex.count, case let unit = unitIndex[id], unit >= 0 else { continue }
                    units.append(unit)
                    amounts.append(block.amounts[position])
                }
                columns.append(FactColumn(period: period, indicator: indicator, basis: basis, units: units, amounts: amounts))
            }
        } catch {
            failure = error
            return []
        }
        return columns
    }

    /// Throws the first error a read met.
    func check() throws {
        if let failure { throw failure }
    }
}
