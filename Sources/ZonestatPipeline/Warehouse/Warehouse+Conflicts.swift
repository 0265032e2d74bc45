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
    /// A new month (no current value for its periods and indicators) is decided without a
    /// lookup per fact.
    public func revisionConflicts(_ parsed: ParsedFile, indicatorIds: [String: Int64], config: PipelineConfig)
        throws(WarehouseError) -> [RevisionConflict]
    {
        guard !parsed.facts.isEmpty else { return [] }
        return try read("look for revision conflicts") { db in
            let indicatorIdByIndex = config.indicators.map { indicatorIds[$0.id] ?? 0 }
            var periods = Set<Int32>(), indicators = Set<Int64>()
            for fact in parsed.facts {
                periods.insert(fact.period)
                indicators.insert(indicatorIdByIndex[Int(fact.indicator)])
            }
            let occupied = try FactWriter.occupiedPairs(db, periods, indicators: indicators)
            guard !occupied.isEmpty else { return [] }
            let unitId = try RawStatement(db, "SELECT id, 0 FROM units WHERE credit_code = ?")
            var unitIds: [Int64?] = []
            unitIds.reserveCapacity(parsed.units.count)
            for unit in parsed.units {
                unitId.bind(text: unit.creditCode, at: 1)
                unitIds.append(try unitId.firstPair()?.0)
            }
            let held = try RawStatement(
                db,
                """
                SELECT amount, file_id, line FROM facts
                WHERE period = ? AND unit_id = ? AND indicator_id = ? AND basis = ? AND superseded_by IS NULL
                """)
            var found: [(fact: Int, held: Int64, file: Int64, line: Int64)] = []
            for (index, fact) in parsed.facts.enumerated() {
                let indicator = indicatorIdByIndex[Int(fact.indicator)]
                guard let unit = unitIds[Int(fact.unit)],
                    occupied.contains(FactWriter.PairKey(period: Int64(fact.period), indicator: indicator))
                else { continue }
                held.bind([Int64(fact.period), unit, indicator, Int64(fact.basis.rawValue)])
                guard try held.step() else { continue }
                let amount = held.integer(0), file = held.integer(1), line = held.integer(2)
                while try held.step() {}
                if amount != fact.amount.raw { found.append((index, amount, file, line)) }
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
