import Foundation
import GRDB
import ZonestatCore

/// Unit result blocks (`out_unit_blocks`): the transform stores each (period, indicator)'s unit
/// figures as one row of packed columns; the load streams them block by block into units.csv.
extension Warehouse {
    /// Stores `block`, replacing the block of the same period and indicator. Unit ids are
    /// stored as 32-bit values: a block with an id outside that range, or with columns of unequal
    /// length, is refused.
    static func storeUnitBlock(_ db: Database, _ block: UnitResultBlock) throws {
        guard block.isWellFormed else {
            throw WarehouseError.sqlite(
                path: db.description, operation: "store unit results of \(block.period) \(block.indicator)",
                message: "columns of unequal length (a defect of the compute core)")
        }
        var ids: [UInt32] = []
        ids.reserveCapacity(block.count)
        for id in block.unitIds {
            guard let narrow = UInt32(exactly: id) else {
                throw WarehouseError.sqlite(
                    path: db.description, operation: "store unit results of \(block.period) \(block.indicator)",
                    message: "unit id \(id) does not fit 32 bits")
            }
            ids.append(narrow)
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO out_unit_blocks
                    (period, indicator, count, deflated, zone, unit_ids, ytd, base, month, month_base, real)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                block.period.description, block.indicator, block.count, block.deflated,
                PackedColumn.encode([block.zoneYtd, block.zoneBase, block.zoneReal]), PackedColumn.encode(ids),
                PackedColumn.encodeAmounts(block.ytd), PackedColumn.encodeAmounts(block.base),
                PackedColumn.encodeSums(block.month), PackedColumn.encodeSums(block.monthBase), PackedColumn.encodeSums(block.real),
            ])
    }

    /// Removes the unit blocks of `periods` (all when nil).
    static func clearUnitBlocks(_ db: Database, periods: Set<Period>?) throws {
        guard let periods else {
            try db.execute(sql: "DELETE FROM out_unit_blocks")
            return
        }
        for period in periods {
            try db.execute(sql: "DELETE FROM out_unit_blocks WHERE period = ?", arguments: [period.description])
        }
    }

    /// The stored unit block of `period` and `indicator`, nil when there is none. A row whose
    /// columns do not match its count is an error naming the block, never a short read.
    static func unitBlock(_ db: Database, period: Period, indicator: String) throws -> UnitResultBlock? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM out_unit_blocks WHERE period = ? AND indicator = ?",
            arguments: [period.description, indicator]
        ).map { try unitBlock(db, $0) }
    }

    /// The stored unit blocks of `periods` (all when nil), by period and then in the order the
    /// transform stored them (the compute core's).
    static func unitBlocks(_ db: Database, periods: Set<Period>?) throws -> [UnitResultBlock] {
        let texts = periods.map { $0.map(\.description).sorted() }
        let filter = texts.map { " WHERE period IN (\(placeholders($0.count)))" } ?? ""
        let rows = try Row.fetchCursor(
            db, sql: "SELECT * FROM out_unit_blocks\(filter) ORDER BY period, id", arguments: StatementArguments(texts ?? []))
        var blocks: [UnitResultBlock] = []
        while let row = try rows.next() { blocks.append(try unitBlock(db, row)) }
        return blocks
    }

    /// The block a row of `out_unit_blocks` holds.
    private static func unitBlock(_ db: Database, _ row: Row) throws -> UnitResultBlock {
        let periodText: String = row["period"]
        let indicator: String = row["indicator"]
        let count: Int = row["count"]
        let deflated: Bool = row["deflated"]
        guard let period = Warehouse.period(periodText),
            let zone = PackedColumn.int128s(row["zone"], count: 3),
            let ids = PackedColumn.uint32s(row["unit_ids"], count: count),
            let ytd = PackedColumn.amounts(row["ytd"], count: count),
            let base = PackedColumn.amounts(row["base"], count: count),
            let month = PackedColumn.sums(row["month"], count: count),
            let monthBase = PackedColumn.sums(row["month_base"], count: count),
            let real = PackedColumn.sums(row["real"], count: deflated ? count : 0)
        else {
            throw WarehouseError.sqlite(
                path: db.description, operation: "read unit results of \(periodText) \(indicator)",
                message: "a packed column does not hold \(count) values: the warehouse is damaged — run `zonestat rebuild`")
        }
        return UnitResultBlock(
            period: period, indicator: indicator, deflated: deflated, zoneYtd: zone[0], zoneBase: zone[1],
            zoneReal: zone[2], unitIds: ids.map(Int64.init), ytd: ytd, base: base, month: month, monthBase: monthBase,
            real: real)
    }
}
