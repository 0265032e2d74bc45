import Foundation
import GRDB
import ZonestatCore

/// The cross-month warnings (ytd_mismatch, month_jump) of entries whose values changed under
/// them, checked again on the warehouse's current values.
///
/// A revision of a unit's month or ytd in period P changes what the checks of P, P+1 and P+2 (the
/// derived months and the jump that use P's ytd) would say: their earlier warnings — whichever
/// file they were raised for — are deleted, and the checks run again on the current facts, each
/// warning attributed to the file that holds the entry's ytd (pointing at its column).
struct CrossMonthRecheck {
    /// An entry: a unit's indicator in a period, by warehouse ids.
    struct Key: Hashable, Comparable {
        var period: Int32
        var unit: Int64
        var indicator: Int64

        static func < (a: Key, b: Key) -> Bool { (a.period, a.unit, a.indicator) < (b.period, b.unit, b.indicator) }
    }

    static let codes: [ProblemCode] = [.ytdMismatch, .monthJump]

    let config: PipelineConfig

    /// The entries to check again after `stored`: every held entry of the file's months and
    /// ytds, and the two months after each revised one (same year).
    static func keys(
        _ facts: [ExtractedFact], stored: FactWriter.Stored, unitIds: [Int64], indicatorIds: [Int64]
    ) -> Set<Key> {
        var keys = Set<Key>()
        func add(_ index: Int32, months: Int32) {
            let fact = facts[Int(index)]
            guard fact.basis == .month || fact.basis == .ytd else { return }
            for step in 0...months where (fact.period % 100) + step <= 12 {
                keys.insert(Key(
                    period: fact.period + step, unit: unitIds[Int(fact.unit)], indicator: indicatorIds[Int(fact.indicator)]))
            }
        }
        for index in stored.heldFacts { add(index, months: 0) }
        for index in stored.revisedFacts { add(index, months: 2) }
        return keys
    }

    /// Deletes the warnings of `keys` and checks them again; returns the new warnings.
    ///
    /// `ingesting` is the file being ingested, with a way to quote its own cells as written
    /// (nil when its bytes are not at hand): its entries' warnings quote the file's cells, every
    /// other file's quote the value held and say so.
    func run(
        _ db: Database, keys: Set<Key>,
        ingesting: (fileId: Int64, quote: ([CrossFileChecks.Found]) -> [CrossFileChecks.Found]?)? = nil
    ) throws -> [Problem] {
        guard !keys.isEmpty else { return [] }
        let codes = CrossMonthRecheck.codes.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let delete = try db.makeStatement(
            sql: "DELETE FROM problems WHERE period = ? AND unit_id = ? AND indicator_id = ? AND code IN (\(codes))")
        var current = CurrentLookup(db)
        let indicatorIds = try CrossMonthRecheck.indicatorIds(db, config: config)
        var indicatorIndex: [Int64: Int16] = [:]
        for (index, id) in indicatorIds.enumerated() where id != 0 { indicatorIndex[id] = Int16(index) }
        // Entries grouped by the file that holds their ytd: each group is checked as that file's.
        var groups: [Int64: [(key: Key, month: (Int64, Int64)?, ytd: (Int64, Int64))]] = [:]
        let raisedFor = try db.makeStatement(
            sql: "SELECT DISTINCT file_id FROM problems WHERE period = ? AND unit_id = ? AND indicator_id = ? AND code IN (\(codes))")
        var touchedFiles = Set<Int64>()
        for key in keys.sorted() {
            let arguments: StatementArguments = [Int64(key.period), key.unit, key.indicator]
            touchedFiles.formUnion(try Int64.fetchAll(raisedFor, arguments: arguments))
            try delete.execute(arguments: arguments)
            // The current month and ytd: a binary search in each current block, the line from the
            // block of the file the value came from.
            var month: (Int64, Int64)?, ytd: (amount: Int64, line: Int64, file: Int64)?
            let monthKey = BlockKey(period: key.period, indicator: key.indicator, basis: Int(Basis.month.rawValue))
            let ytdKey = BlockKey(period: key.period, indicator: key.indicator, basis: Int(Basis.ytd.rawValue))
            if let value = try current.value(monthKey, unit: key.unit) {
                month = (value.amount, try current.line(monthKey, unit: key.unit, file: value.file))
            }
            if let value = try current.value(ytdKey, unit: key.unit) {
                ytd = (value.amount, try current.line(ytdKey, unit: key.unit, file: value.file), value.file)
            }
            guard let ytd, indicatorIndex[key.indicator] != nil else { continue }
            groups[ytd.file, default: []].append((key, month, (ytd.amount, ytd.line)))
        }
        var problems: [Problem] = []
        for (fileId, entries) in groups.sorted(by: { $0.key < $1.key }) {
            let ledger = try Row.fetchOne(db, sql: "SELECT file_name, columns FROM ledger WHERE id = ?", arguments: [fileId])
            let name: String = ledger?["file_name"] ?? "#\(fileId)"
            let headers = (ledger?["columns"] as String?).flatMap(CrossMonthRecheck.headers) ?? [:]
            var units: [ExtractedUnit] = [], unitIds: [Int64] = [], unitPosition: [Int64: Int32] = [:]
            var facts: [ExtractedFact] = []
            for entry in entries {
                guard let indicator = indicatorIndex[entry.key.indicator] else { continue }
                let position: Int32
                if let known = unitPosition[entry.key.unit] {
                    position = known
                } else {
                    let row = try Row.fetchOne(
                        db, sql: "SELECT credit_code, name FROM units WHERE id = ?", arguments: [entry.key.unit])
                    let code: String = row?["credit_code"] ?? "", unitName: String = row?["name"] ?? ""
                    position = Int32(units.count)
                    unitPosition[entry.key.unit] = position
                    units.append(ExtractedUnit(
                        creditCode: code, name: unitName, industry: nil, area: nil, period: Int(entry.key.period), checkCharacterOK: true))
                    unitIds.append(entry.key.unit)
                }
                if let month = entry.month {
                    facts.append(ExtractedFact(
                        unit: position, period: entry.key.period, indicator: indicator, basis: .month,
                        amount: Amount(raw: month.0), line: Int32(clamping: month.1)))
                }
                facts.append(ExtractedFact(
                    unit: position, period: entry.key.period, indicator: indicator, basis: .ytd,
                    amount: Amount(raw: entry.ytd.0), line: Int32(clamping: entry.ytd.1)))
            }
            // Checked again on warehouse values: the cell as written is not at hand, so 原值 is the
            // value held, in the indicator's unit, and the message says so (outputs.md).
            let checked = try CrossFileChecks(config: config, file: name, headers: headers)
                .run(db, facts: facts, unitIds: unitIds, indicatorIds: indicatorIds, units: units)
            let quoted = ingesting.flatMap { $0.fileId == fileId ? $0.quote(checked) : nil }
            let found = quoted ?? checked.map { item in
                var rechecked = item
                rechecked.problem.message = "数据修订后复核（原值为入库值，单位同指标）：" + item.problem.message
                return rechecked
            }
            try Warehouse.insertProblems(db, found, fileId: fileId, unitIds: unitIds, indicatorIds: indicatorIds)
            problems += found.map(\.problem)
            touchedFiles.insert(fileId)
        }
        // The ledger's warning counts of the files whose warnings changed.
        for fileId in touchedFiles.sorted() {
            try db.execute(
                sql: "UPDATE ledger SET warnings = (SELECT COUNT(*) FROM problems WHERE file_id = ? AND severity = 'warning') WHERE id = ?",
                arguments: [fileId, fileId])
        }
        return problems
    }

    /// The warehouse id of each of the pipeline's indicators, in its order (0: not registered).
    static func indicatorIds(_ db: Database, config: PipelineConfig) throws -> [Int64] {
        var ids: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, code FROM indicators") { ids[row["code"]] = row["id"] }
        return config.indicators.map { ids[$0.id] ?? 0 }
    }

    /// A file's column headers as the ledger keeps them (``encode(_:)``).
    static func headers(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    /// A file's column headers for the ledger: JSON with sorted keys.
    static func encode(_ headers: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(headers)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
