import GRDB
import ZonestatCore

/// The current values of one (period, indicator, basis), by ascending unit id: the read the
/// transform builds its series from (issue 13: the packed fact blocks replace the body, not the
/// callers).
struct CurrentValues: Sendable, Hashable {
    /// Warehouse unit ids, strictly ascending.
    var unitIds: [Int64] = []
    /// Amount.raw of each unit, same order.
    var amounts: [Int64] = []
}

/// A (period, indicator, basis) that has current values, and how many.
struct CurrentKey: Sendable, Hashable {
    var period: Period
    var indicatorId: Int64
    var basis: Basis
    var count: Int
}

extension Warehouse {
    /// Every current value of `indicatorId` in `period` with `basis`, by ascending unit id: the
    /// key's current block.
    static func currentValues(_ db: Database, period: Period, indicatorId: Int64, basis: Basis) throws -> CurrentValues {
        let key = BlockKey(period: Int32(period.key), indicator: indicatorId, basis: Int(basis.rawValue))
        guard let block = try FactBlockStore.current(db, key)?.block else { return CurrentValues() }
        return CurrentValues(unitIds: block.units.map(Int64.init), amounts: block.amounts)
    }

    /// Every (period, indicator, basis) with current values, ascending.
    static func currentKeys(_ db: Database) throws -> [CurrentKey] {
        var keys: [CurrentKey] = []
        let statement = try RawStatement(
            db, "SELECT period, indicator_id, basis, count FROM current_blocks WHERE count > 0 ORDER BY period, indicator_id, basis")
        while try statement.step() {
            guard let period = Period(key: Int(statement.integer(0))), let basis = Basis(rawValue: Int(statement.integer(2)))
            else { continue }
            keys.append(CurrentKey(period: period, indicatorId: statement.integer(1), basis: basis, count: Int(statement.integer(3))))
        }
        return keys
    }
}
