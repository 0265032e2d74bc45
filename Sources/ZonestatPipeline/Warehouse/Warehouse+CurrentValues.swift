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
    /// Every current value of `indicatorId` in `period` with `basis`, by ascending unit id.
    static func currentValues(_ db: Database, period: Period, indicatorId: Int64, basis: Basis) throws -> CurrentValues {
        var values = CurrentValues()
        let statement = try RawStatement(
            db,
            """
            SELECT unit_id, amount FROM facts
            WHERE period = \(period.key) AND indicator_id = \(indicatorId) AND basis = \(basis.rawValue)
                AND superseded_by IS NULL
            ORDER BY unit_id
            """)
        while try statement.step() {
            values.unitIds.append(statement.integer(0))
            values.amounts.append(statement.integer(1))
        }
        return values
    }

    /// Every (period, indicator, basis) with current values, ascending.
    static func currentKeys(_ db: Database) throws -> [CurrentKey] {
        var keys: [CurrentKey] = []
        let statement = try RawStatement(
            db,
            """
            SELECT period, indicator_id, basis, COUNT(*) FROM facts WHERE superseded_by IS NULL
            GROUP BY period, indicator_id, basis ORDER BY period, indicator_id, basis
            """)
        while try statement.step() {
            guard let period = Period(key: Int(statement.integer(0))), let basis = Basis(rawValue: Int(statement.integer(2)))
            else { continue }
            keys.append(CurrentKey(period: period, indicatorId: statement.integer(1), basis: basis, count: Int(statement.integer(3))))
        }
        return keys
    }
}
