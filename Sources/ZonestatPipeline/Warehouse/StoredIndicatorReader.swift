import GRDB
import GRDBSQLite
import ZonestatCore

/// Reads `out_indicators` rows back into exact ``IndicatorRow``s through SQLite's C API.
///
/// A province period has hundreds of thousands of rows: reading each column by name through
/// GRDB's `Row` (a case-insensitive name lookup, a boxed value, a `String` per number) cost more
/// than the rest of the load stage. Columns are read by position, numbers are parsed from the
/// bytes SQLite holds, and repeated texts (period, indicator) are decoded once.
struct StoredIndicatorReader {
    /// The columns read, in this order.
    private static let columns = [
        "period", "indicator", "scope", "scope_id", "scope_name", "units", "ytd", "ytd_base", "ytd_yoy_exact",
        "ytd_increment", "month", "month_base", "month_yoy_exact", "pull_exact", "share_exact", "estimate", "position",
    ]

    let config: PipelineConfig
    /// The periods wanted (all when nil): a row of another period, or whose period does not
    /// parse, is skipped, as the filter in SQL would skip it.
    let periods: Set<Period>?
    private var lastPeriod = TextCache<Period?>()
    private var lastIndicator = TextCache<(String, MoneyUnit)>()

    init(config: PipelineConfig, periods: Set<Period>?) {
        self.config = config
        self.periods = periods
    }

    /// The rows `filter` (an SQL `WHERE` clause, or empty) selects, by period and position.
    /// `counted`: count them first (cheap through an index), to make room for them at once.
    mutating func read(_ db: Database, filter: String, arguments: [String], counted: Bool) throws -> [IndicatorRow] {
        // Rows come in the order the period index gives (rowid order within a period), which
        // is position order as transform writes them; sorting in SQL instead spilled every
        // row of a province period through SQLite's sorter.
        let sql = "SELECT " + Self.columns.joined(separator: ", ") + " FROM out_indicators" + filter
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        for (offset, argument) in arguments.enumerated() {
            sqlite3_bind_text(handle, Int32(offset + 1), argument, -1, SQLiteText.transient)
        }
        defer { sqlite3_reset(handle) }
        var rows: [IndicatorRow] = []
        var positions: [Int64] = []
        if counted {
            // Growing a province period's rows step by step copied them several times over.
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM out_indicators" + filter, arguments: StatementArguments(arguments)) ?? 0
            rows.reserveCapacity(count)
            positions.reserveCapacity(count)
        }
        var ordered = true
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
            let columns = SQLiteColumns(handle: handle)
            guard let row = decode(columns) else { continue }
            let position = columns.int64(16)
            if let last = rows.last, let lastPosition = positions.last,
                (last.period, lastPosition) > (row.period, position)
            {
                ordered = false
            }
            rows.append(row)
            positions.append(position)
        }
        guard !ordered else { return rows }
        let order = rows.indices.sorted { (rows[$0].period, positions[$0]) < (rows[$1].period, positions[$1]) }
        return order.map { rows[$0] }
    }

    /// One row, or nil when its period is not wanted.
    private mutating func decode(_ columns: SQLiteColumns) -> IndicatorRow? {
        guard let period = lastPeriod.value(columns.bytes(0), make: { Warehouse.period($0) }),
            periods.map({ $0.contains(period) }) ?? true
        else { return nil }
        let config = self.config
        let (indicator, unit) = lastIndicator.value(columns.bytes(1)) { text in
            (text, config.indicator(text)?.unit ?? .tenThousandYuan)
        }
        return IndicatorRow(
            period: period, indicator: indicator, scope: Self.scope(columns.bytes(2)), scopeId: columns.text(3),
            scopeName: columns.text(4), units: Int(truncatingIfNeeded: columns.int64(5)),
            ytd: ResultCodec.amount(utf8: columns.bytes(6), unit) ?? .zero,
            ytdBase: ResultCodec.amount(utf8: columns.bytes(7), unit) ?? .zero,
            ytdYoYPercent: ResultCodec.ratio(utf8: columns.bytes(8)),
            ytdIncrement: ResultCodec.amount(utf8: columns.bytes(9), unit) ?? .zero,
            month: ResultCodec.amount(utf8: columns.bytes(10), unit),
            monthBase: ResultCodec.amount(utf8: columns.bytes(11), unit),
            monthYoYPercent: ResultCodec.ratio(utf8: columns.bytes(12)),
            pullPoints: ResultCodec.ratio(utf8: columns.bytes(13)),
            sharePercent: ResultCodec.ratio(utf8: columns.bytes(14)), estimate: columns.int64(15) == 1)
    }

    /// `zone`, `industry`, `area`, `unit`; anything else is read as the zone, as before.
    private static func scope(_ bytes: UnsafeBufferPointer<UInt8>?) -> ScopeKind {
        guard let bytes else { return .zone }
        switch bytes.count {
        case 4 where bytes.elementsEqual("unit".utf8): return .unit
        case 4 where bytes.elementsEqual("area".utf8): return .area
        case 8 where bytes.elementsEqual("industry".utf8): return .industry
        default: return .zone
        }
    }
}

/// The last text seen in a column and what it was decoded to: consecutive rows repeat it.
private struct TextCache<Value> {
    private var bytes: [UInt8] = []
    private var cached: Value?

    /// The value of `text` (nil when NULL, read as empty text), decoding it only when it changed.
    mutating func value(_ text: UnsafeBufferPointer<UInt8>?, make: (String) -> Value) -> Value {
        let current = text ?? UnsafeBufferPointer(start: nil, count: 0)
        if let cached, current.elementsEqual(bytes) { return cached }
        let value = make(String(decoding: current, as: UTF8.self))
        bytes = Array(current)
        cached = value
        return value
    }
}

/// The columns of the row a statement stands on.
struct SQLiteColumns {
    let handle: OpaquePointer

    /// The text of a column up to its first NUL byte (as GRDB reads a `String`), nil when NULL.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        // NULL has no text (nor has a failed allocation, which GRDB reads as NULL too).
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        var count = 0
        while text[count] != 0 { count += 1 }
        return UnsafeBufferPointer(start: text, count: count)
    }

    /// The text of a column, empty when NULL.
    func text(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: text)
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }
}

/// SQLite's `SQLITE_TRANSIENT`: the text is copied before the bind returns.
enum SQLiteText {
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
