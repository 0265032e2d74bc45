import GRDB
import ZonestatCore

/// One vintage of a unit's value: what a file said for a period, indicator and basis, and whether
/// a later file replaced it.
public struct FactVintage: Sendable, Hashable {
    public var period: Period
    /// The indicator's id (`output_value`).
    public var indicator: String
    public var basis: Basis
    public var amount: Amount
    /// The ledger id of the file that said it, its name, and the line.
    public var fileId: Int64
    public var fileName: String
    public var line: Int
    /// The extract run that recorded the file, and when (ISO 8601, UTC).
    public var runId: String
    public var recordedAt: String
    /// The file whose value replaced this one; nil while this one is current.
    public var supersededBy: String?

    public var isCurrent: Bool { supersededBy == nil }
}

/// A unit as the warehouse knows it.
public struct StoredUnit: Sendable, Hashable {
    public var creditCode: String
    public var name: String
}

extension Warehouse {
    /// The unit with this credit code, if any file ever named it.
    public func unit(creditCode: String) throws(WarehouseError) -> StoredUnit? {
        try read("look up a unit") { db in
            try Row.fetchOne(db, sql: "SELECT credit_code, name FROM units WHERE credit_code = ?", arguments: [creditCode])
                .map { StoredUnit(creditCode: $0["credit_code"], name: $0["name"]) }
        }
    }

    /// Every vintage of the unit's values, optionally of one period and one indicator (by id),
    /// ordered by period, indicator (ledger order of registration), basis, then the order the
    /// files were recorded in — the current vintage last.
    ///
    /// The one place that knows how vintages are stored: a key's vintages are its first value
    /// and the new value of each of its `fact_revisions` rows (``vintageRows(_:unit:period:indicatorId:)``).
    public func factHistory(creditCode: String, period: Period? = nil, indicator: String? = nil) throws(WarehouseError)
        -> [FactVintage]
    {
        try read("read a unit's history") { db in
            guard let unit = try Int64.fetchOne(db, sql: "SELECT id FROM units WHERE credit_code = ?", arguments: [creditCode])
            else { return [] }
            var indicatorId: Int64?
            if let indicator {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM indicators WHERE code = ?", arguments: [indicator])
                else { return [] }
                indicatorId = id
            }
            var codes: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, code FROM indicators") { codes[row[0]] = row[1] }
            var files: [Int64: (name: String, runId: String, recordedAt: String)] = [:]
            let ledger = try db.makeStatement(sql: "SELECT file_name, run_id, recorded_at FROM ledger WHERE id = ?")
            func file(_ id: Int64) throws -> (name: String, runId: String, recordedAt: String)? {
                if let known = files[id] { return known }
                guard let row = try Row.fetchOne(ledger, arguments: [id]) else { return nil }
                files[id] = (row[0], row[1], row[2])
                return files[id]
            }
            var vintages: [FactVintage] = []
            for row in try Warehouse.vintageRows(
                db, unit: unit, period: period.map { Int32($0.key) }, indicatorId: indicatorId)
            {
                guard let period = Period(key: Int(row.key.period)), let basis = Basis(rawValue: row.key.basis),
                    let code = codes[row.key.indicator], let said = try file(row.file)
                else { continue }
                let replacedBy = try row.supersededBy.map { try file($0)?.name ?? "#\($0)" }
                vintages.append(FactVintage(
                    period: period, indicator: code, basis: basis, amount: Amount(raw: row.amount), fileId: row.file,
                    fileName: said.name, line: Int(row.line), runId: said.runId, recordedAt: said.recordedAt,
                    supersededBy: replacedBy))
            }
            return vintages
        }
    }

    /// One vintage as stored: what `file` said for `unit` at `key`, and the file that replaced it.
    struct VintageRow: Hashable {
        var key: BlockKey
        var unit: Int64
        var amount: Int64
        var file: Int64
        var line: Int64
        var supersededBy: Int64?
    }

    /// The vintages of `unit` (every unit when nil), optionally of one period and indicator,
    /// ordered by period, indicator id, basis, unit, then file: the current values of the
    /// current blocks and the `fact_revisions` rows, a key's chain rebuilt as its first value
    /// (the first revision's old one) and each revision's new one.
    static func vintageRows(_ db: Database, unit: Int64?, period: Int32?, indicatorId: Int64?) throws -> [VintageRow] {
        struct ValueKey: Hashable, Comparable {
            var key: BlockKey
            var unit: Int64
            static func < (a: ValueKey, b: ValueKey) -> Bool { (a.key, a.unit) < (b.key, b.unit) }
        }
        var current: [ValueKey: (amount: Int64, file: Int64)] = [:]
        if let unit {
            // One unit: a binary search in each block's encoded ids, its value alone read.
            for value in try FactBlockStore.currentValues(db, unit: unit, period: period, indicatorId: indicatorId) {
                current[ValueKey(key: value.key, unit: unit)] = (value.amount, value.file)
            }
        } else {
            for (key, block) in try FactBlockStore.currentBlocks(db, period: period, indicatorId: indicatorId) {
                for position in 0..<block.count {
                    current[ValueKey(key: key, unit: Int64(block.units[position]))] = (block.amounts[position], Int64(block.files[position]))
                }
            }
        }
        var filters: [String] = [], arguments: StatementArguments = []
        if let unit {
            filters.append("unit_id = ?")
            _ = arguments.append(contentsOf: [unit])
        }
        if let period {
            filters.append("period = ?")
            _ = arguments.append(contentsOf: [period])
        }
        if let indicatorId {
            filters.append("indicator_id = ?")
            _ = arguments.append(contentsOf: [indicatorId])
        }
        var revisions: [ValueKey: [FactBlockStore.Revision]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT period, indicator_id, basis, unit_id, old_file_id, old_amount, old_line, new_file_id, new_amount, new_line
                FROM fact_revisions \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
                ORDER BY new_file_id
                """, arguments: arguments)
        {
            let key = BlockKey(period: row[0], indicator: row[1], basis: row[2])
            let revision = FactBlockStore.Revision(
                key: key, unit: row[3], oldFile: row[4], oldAmount: row[5], oldLine: row[6], newFile: row[7], newAmount: row[8],
                newLine: row[9])
            revisions[ValueKey(key: key, unit: revision.unit), default: []].append(revision)
        }
        var lookup = CurrentLookup(db)
        var rows: [VintageRow] = []
        for valueKey in Set(current.keys).union(revisions.keys).sorted() {
            let key = valueKey.key, unit = valueKey.unit
            guard let chain = revisions[valueKey], let first = chain.first else {
                guard let value = current[valueKey] else { continue }
                rows.append(VintageRow(
                    key: key, unit: unit, amount: value.amount, file: value.file,
                    line: try lookup.line(key, unit: unit, file: value.file), supersededBy: nil))
                continue
            }
            rows.append(VintageRow(
                key: key, unit: unit, amount: first.oldAmount, file: first.oldFile, line: first.oldLine, supersededBy: first.newFile))
            for (index, revision) in chain.enumerated() {
                rows.append(VintageRow(
                    key: key, unit: unit, amount: revision.newAmount, file: revision.newFile, line: revision.newLine,
                    supersededBy: index + 1 < chain.count ? chain[index + 1].newFile : nil))
            }
        }
        return rows
    }
}
