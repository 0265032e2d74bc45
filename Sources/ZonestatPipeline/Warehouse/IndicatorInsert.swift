import GRDB
import ZonestatCore

/// Indicator rows stored ``rows`` to an INSERT through SQLite's C API: the bulk of a
/// transform's output (a row per unit). Numbers are written as bytes into one reused buffer;
/// a row slot's period, indicator and scope texts stay bound until they change.
struct IndicatorInsert: ~Copyable {
    /// Rows per statement: 32 × 23 parameters stays far below SQLite's variable limit, and past
    /// a few dozen rows the per-statement cost no longer shows.
    static let rows = 32
    private static let columns: Int32 = 23

    /// What a row slot has bound that changes only by period, indicator or scope.
    private struct Bound {
        var period: Period
        var indicator: String
        var scope: ScopeKind
    }

    private let statement: RawStatement
    private let config: PipelineConfig
    /// Rows this statement inserts.
    let count: Int
    private var bound: [Bound?]
    private var text = ResultText()
    /// The indicator last looked up and its unit.
    private var unitOf: (indicator: String, unit: MoneyUnit)?

    init(_ db: Database, rows count: Int, config: PipelineConfig) throws {
        statement = try RawStatement(db, IndicatorInsert.sql(rows: count))
        self.config = config
        self.count = count
        bound = Array(repeating: nil, count: count)
    }

    /// Inserts `rows` (exactly ``count``), the first at `position`.
    mutating func write(_ rows: ArraySlice<IndicatorRow>, position: Int) throws {
        for (slot, row) in rows.enumerated() {
            bind(row, slot: slot, position: position + slot)
        }
        try statement.run()
    }

    private mutating func bind(_ row: IndicatorRow, slot: Int, position: Int) {
        let first = Int32(slot) * IndicatorInsert.columns + 1
        let unit = self.unit(of: row.indicator)
        let previous = bound[slot]
        let newPeriod = previous?.period != row.period
        let newIndicator = previous?.indicator != row.indicator
        let newScope = previous?.scope != row.scope
        if newPeriod { statement.bind(text: row.period.description, at: first) }
        if newIndicator {
            statement.bind(text: row.indicator, at: first + 1)
            statement.bind(text: config.indicator(row.indicator)?.name ?? row.indicator, at: first + 2)
            statement.bind(text: unit.label, at: first + 3)
        }
        if newScope { statement.bind(text: row.scope.rawValue, at: first + 4) }
        if newPeriod || newIndicator || newScope {
            bound[slot] = Bound(period: row.period, indicator: row.indicator, scope: row.scope)
        }
        statement.bind(text: row.scopeId, at: first + 5)
        statement.bind(text: row.scopeName, at: first + 6)
        statement.bind(int: row.units, at: first + 7)
        statement.bind(utf8: text.amount(row.ytd, unit), at: first + 8)
        statement.bind(utf8: text.amount(row.ytdBase, unit), at: first + 9)
        statement.bind(double: ResultCodec.rounded(row.ytdYoYPercent), at: first + 10)
        statement.bind(utf8: text.amount(row.ytdIncrement, unit), at: first + 11)
        statement.bind(utf8: text.amount(row.month, unit), at: first + 12)
        statement.bind(utf8: text.amount(row.monthBase, unit), at: first + 13)
        statement.bind(double: ResultCodec.rounded(row.monthYoYPercent), at: first + 14)
        statement.bind(double: ResultCodec.rounded(row.pullPoints), at: first + 15)
        statement.bind(double: ResultCodec.rounded(row.sharePercent), at: first + 16)
        statement.bind(int: row.estimate ? 1 : 0, at: first + 17)
        statement.bind(utf8: text.fraction(row.ytdYoYPercent), at: first + 18)
        statement.bind(utf8: text.fraction(row.monthYoYPercent), at: first + 19)
        statement.bind(utf8: text.fraction(row.pullPoints), at: first + 20)
        statement.bind(utf8: text.fraction(row.sharePercent), at: first + 21)
        statement.bind(int: position, at: first + 22)
    }

    /// The unit an indicator's amounts are stored in (万元 when it is not configured).
    private mutating func unit(of indicator: String) -> MoneyUnit {
        if let unitOf, unitOf.indicator == indicator { return unitOf.unit }
        let unit = config.indicator(indicator)?.unit ?? .tenThousandYuan
        unitOf = (indicator, unit)
        return unit
    }

    static func sql(rows: Int) -> String {
        let marks = "(" + repeatElement("?", count: Int(columns)).joined(separator: ", ") + ")"
        return """
            INSERT INTO out_indicators(period, indicator, indicator_name, unit, scope, scope_id, scope_name, units,
                ytd, ytd_base, ytd_yoy_pct, ytd_increment, month, month_base, month_yoy_pct, pull_pp, share_pct,
                estimate, ytd_yoy_exact, month_yoy_exact, pull_exact, share_exact, position)
            VALUES
            """ + " " + repeatElement(marks, count: rows).joined(separator: ", ")
    }
}
