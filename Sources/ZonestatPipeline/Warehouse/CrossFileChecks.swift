import GRDB
import ZonestatCore

/// Warnings that need the warehouse's earlier months: a reported month that differs from
/// ytd(N) − ytd(N−1), and a month-over-month jump beyond the configured factor.
///
/// Run inside the ingest transaction, after the file's facts are stored, on the file's own
/// ytd values; earlier months come from the warehouse (or from the same file).
struct CrossFileChecks {
    let config: PipelineConfig
    let file: String
    /// Column header by `indicator|basis`, to point warnings at the file's own column.
    let headers: [String: String]

    init(config: PipelineConfig, file: String, headers: [String: String] = [:]) {
        self.config = config
        self.file = file
        self.headers = headers
    }

    private struct Entry {
        var month: Amount?
        var ytd: Amount?
        var line: Int32
    }

    func run(
        _ db: Database, facts: [ExtractedFact], unitIds: [Int64], indicatorIds: [Int64], units: [ExtractedUnit]
    ) throws -> [Problem] {
        // The file's month and ytd per (unit, period, indicator).
        var entries: [FactKey: Entry] = [:]
        for fact in facts where fact.basis == .month || fact.basis == .ytd {
            let key = FactKey(unit: fact.unit, period: fact.period, indicator: fact.indicator)
            var entry = entries[key] ?? Entry(line: fact.line)
            if fact.basis == .month { entry.month = fact.amount } else { entry.ytd = fact.amount }
            entry.line = min(entry.line, fact.line)
            entries[key] = entry
        }
        let needed = Set(entries.keys.flatMap { key in [key.period - 1, key.period - 2] }).filter { $0 % 100 != 0 }
        let earlier = try EarlierYtd(db, periods: needed)
        var problems: [Problem] = []
        let ordered = entries.sorted { ($0.value.line, $0.key.indicator) < ($1.value.line, $1.key.indicator) }
        for (key, entry) in ordered {
            guard let ytd = entry.ytd?.raw, Int(key.indicator) < config.indicators.count else { continue }
            let spec = config.indicators[Int(key.indicator)]
            let unitId = unitIds[Int(key.unit)], indicatorId = indicatorIds[Int(key.indicator)]
            let period = Int(key.period), month = period % 100
            let code = units[Int(key.unit)].creditCode
            let ytd1 = earlier.value(unit: unitId, indicator: indicatorId, period: key.period - 1)
            let startsYear = month == 1 || (spec.mergeJanFeb && month == 2)
            // A unit with nothing earlier this year, in a month others reported, started this year.
            var previous: Int64? = startsYear ? 0 : ytd1
            if previous == nil, !startsYear, earlier.hasAny(indicator: indicatorId, period: key.period - 1),
                try !reportedEarlier(db, unit: unitId, indicator: indicatorId, period: period)
            {
                previous = 0
            }
            if let reported = entry.month?.raw, let previous, abs(reported - (ytd - previous)) > config.ytdTolerance.raw {
                problems.append(Problem(
                    file: file, line: Int(entry.line), column: headers["\(spec.id)|month"] ?? "\(spec.id) month",
                    value: Amount(raw: reported).decimalString(in: spec.unit), code: .ytdMismatch,
                    message: "\(code) \(Period(key: period).map(String.init(describing:)) ?? String(period)): "
                        + "the month's \(spec.id) differs from ytd − last month's ytd = "
                        + "\(Amount(raw: ytd - previous).decimalString(in: spec.unit)) \(spec.unit.label) — check both figures",
                    period: period))
            }
            // Month-over-month jump, on months derived from ytd (skip where a month spans 1-2月).
            guard month >= (spec.mergeJanFeb ? 4 : 2), let ytd1,
                let ytd2 = month == 2 ? 0 : earlier.value(unit: unitId, indicator: indicatorId, period: key.period - 2)
            else { continue }
            let current = ytd - ytd1, before = ytd1 - ytd2
            let factor = Int64(config.jumpFactor)
            guard current > 0, before > 0, current > before * factor || current * factor < before else { continue }
            problems.append(Problem(
                file: file, line: Int(entry.line), column: headers["\(spec.id)|ytd"] ?? "\(spec.id) ytd",
                value: Amount(raw: ytd).decimalString(in: spec.unit), code: .monthJump,
                message: "\(code): this month's \(spec.id) (\(Amount(raw: current).decimalString(in: spec.unit)) "
                    + "\(spec.unit.label)) is more than \(factor) times \(current > before ? "above" : "below") last month's "
                    + "(\(Amount(raw: before).decimalString(in: spec.unit))) — check the figure and its unit",
                period: period))
        }
        return problems
    }

    private func reportedEarlier(_ db: Database, unit: Int64, indicator: Int64, period: Int) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM facts WHERE unit_id = ? AND indicator_id = ? AND basis = 1
                    AND period > ? AND period < ? AND superseded_by IS NULL)
                """, arguments: [unit, indicator, period / 100 * 100, period]) ?? false
    }

    private struct FactKey: Hashable {
        var unit: Int32
        var period: Int32
        var indicator: Int16
    }
}

/// The warehouse's current ytd values of some periods, by unit and indicator.
private struct EarlierYtd {
    private var values: [Int32: [UInt64: Int64]] = [:]

    init(_ db: Database, periods: Set<Int32>) throws {
        let statement = try db.makeStatement(
            sql: "SELECT unit_id, indicator_id, amount FROM facts WHERE period = ? AND basis = 1 AND superseded_by IS NULL")
        for period in periods {
            var map: [UInt64: Int64] = [:]
            let cursor = try Row.fetchCursor(statement, arguments: [Int64(period)])
            while let row = try cursor.next() {
                map[EarlierYtd.key(row[0], row[1])] = row[2]
            }
            values[period] = map
        }
    }

    static func key(_ unit: Int64, _ indicator: Int64) -> UInt64 { UInt64(unit) << 16 | UInt64(indicator & 0xFFFF) }

    func value(unit: Int64, indicator: Int64, period: Int32) -> Int64? { values[period]?[EarlierYtd.key(unit, indicator)] }

    func hasAny(indicator: Int64, period: Int32) -> Bool {
        values[period]?.keys.contains { $0 & 0xFFFF == UInt64(indicator) } ?? false
    }
}
