import GRDB
import ZonestatCore

/// A value a file reports for a key the warehouse already holds with a different amount.
public struct RevisionConflict: Sendable, Hashable {
    /// Index of the file's fact (`ParsedFile.facts`).
    public var fact: Int
    /// The amount held now, and where it came from.
    public var held: Amount
    public var heldFile: String
    public var heldLine: Int
}

extension Warehouse {
    /// The facts of `parsed` that would change a value held now (same unit, period, indicator
    /// and basis, another amount), in the file's order. Read only: extract asks before it
    /// stores a file that may not revise (``CorrectionPolicy``), and `--check` asks it too.
    ///
    /// A new month (no current block for its periods, indicators and bases) is decided without a
    /// lookup per fact; otherwise each fact is a binary search in its key's current block.
    public func revisionConflicts(_ parsed: ParsedFile, indicatorIds: [String: Int64], config: PipelineConfig)
        throws(WarehouseError) -> [RevisionConflict]
    {
        guard !parsed.facts.isEmpty else { return [] }
        return try read("look for revision conflicts") { db in
            let indicatorIdByIndex = config.indicators.map { indicatorIds[$0.id] ?? 0 }
            var keys = Set<BlockKey>()
            for fact in parsed.facts {
                keys.insert(BlockKey(period: fact.period, indicator: indicatorIdByIndex[Int(fact.indicator)], basis: Int(fact.basis.rawValue)))
            }
            // A new month: no current block for any key of the file, no lookup per fact.
            var lookup = CurrentLookup(db)
            var occupied = false
            for key in keys { if try lookup.block(key) != nil { occupied = true } }
            guard occupied else { return [] }
            let unitId = try RawStatement(db, "SELECT id, 0 FROM units WHERE credit_code = ?")
            var unitIds: [Int64?] = []
            unitIds.reserveCapacity(parsed.units.count)
            for unit in parsed.units {
                unitId.bind(text: unit.creditCode, at: 1)
                unitIds.append(try unitId.firstPair()?.0)
            }
            var found: [(fact: Int, held: Int64, file: Int64, line: Int64)] = []
            for (index, fact) in parsed.facts.enumerated() {
                let key = BlockKey(period: fact.period, indicator: indicatorIdByIndex[Int(fact.indicator)], basis: Int(fact.basis.rawValue))
                guard let unit = unitIds[Int(fact.unit)], let held = try lookup.value(key, unit: unit),
                    held.amount != fact.amount.raw
                else { continue }
                found.append((index, held.amount, held.file, try lookup.line(key, unit: unit, file: held.file)))
            }
            var names: [Int64: String] = [:]
            for fileId in Set(found.map(\.file)) {
                names[fileId] = try String.fetchOne(db, sql: "SELECT file_name FROM ledger WHERE id = ?", arguments: [fileId])
            }
            return found.map { item in
                RevisionConflict(
                    fact: item.fact, held: Amount(raw: item.held), heldFile: names[item.file] ?? "#\(item.file)",
                    heldLine: Int(item.line))
            }
        }
    }
}
