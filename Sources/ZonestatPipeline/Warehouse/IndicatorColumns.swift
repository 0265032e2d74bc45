import GRDB
import ZonestatCore
import ZonestatPublish

/// `out_indicators`'s columns in one table: what each stores of a row, and how a stored row is
/// read back exact. The insert, the read and their order come from here; its first eighteen
/// columns are indicators.csv's (``IndicatorsTable/columns``), which the tests hold it to.
struct IndicatorColumn: Sendable {
    /// What a column's value is written from: the row, its position, and its indicator's name and unit.
    struct Source {
        let row: IndicatorRow
        let position: Int
        let name: String
        let unit: MoneyUnit
    }

    let name: String
    let value: @Sendable (Source) -> (any DatabaseValueConvertible)?
    /// Sets the row's field from the stored value (nil: the column is for tools, not read back,
    /// or read before the row exists: period and indicator).
    let read: (@Sendable (inout IndicatorRow, Row, MoneyUnit) -> Void)?

    /// Every column, in the table's order.
    static let all: [IndicatorColumn] = [
        IndicatorColumn(name: "period", value: { $0.row.period.description }, read: nil),
        IndicatorColumn(name: "indicator", value: { $0.row.indicator }, read: nil),
        IndicatorColumn(name: "indicator_name", value: { $0.name }, read: nil),
        IndicatorColumn(name: "unit", value: { $0.unit.label }, read: nil),
        IndicatorColumn(name: "scope", value: { $0.row.scope.rawValue }) { row, stored, _ in
            row.scope = ScopeKind(rawValue: stored["scope"] ?? "") ?? .zone
        },
        IndicatorColumn(name: "scope_id", value: { $0.row.scopeId }) { row, stored, _ in row.scopeId = stored["scope_id"] ?? "" },
        IndicatorColumn(name: "scope_name", value: { $0.row.scopeName }) { row, stored, _ in
            row.scopeName = stored["scope_name"] ?? ""
        },
        IndicatorColumn(name: "units", value: { $0.row.units }) { row, stored, _ in row.units = stored["units"] ?? 0 },
        amount("ytd", \.ytd),
        amount("ytd_base", \.ytdBase),
        IndicatorColumn(name: "ytd_yoy_pct", value: { ResultCodec.rounded($0.row.ytdYoYPercent) }, read: nil),
        amount("ytd_increment", \.ytdIncrement),
        optionalAmount("month", \.month),
        optionalAmount("month_base", \.monthBase),
        IndicatorColumn(name: "month_yoy_pct", value: { ResultCodec.rounded($0.row.monthYoYPercent) }, read: nil),
        IndicatorColumn(name: "pull_pp", value: { ResultCodec.rounded($0.row.pullPoints) }, read: nil),
        IndicatorColumn(name: "share_pct", value: { ResultCodec.rounded($0.row.sharePercent) }, read: nil),
        IndicatorColumn(name: "estimate", value: { $0.row.estimate ? 1 : 0 }) { row, stored, _ in
            row.estimate = (stored["estimate"] as Int?) == 1
        },
        exact("ytd_yoy_exact", \.ytdYoYPercent),
        exact("month_yoy_exact", \.monthYoYPercent),
        exact("pull_exact", \.pullPoints),
        exact("share_exact", \.sharePercent),
        IndicatorColumn(name: "position", value: { $0.position }, read: nil),
    ]

    /// An amount stored as its exact decimal text in the indicator's unit.
    private static func amount(_ name: String, _ field: WritableKeyPath<IndicatorRow, AmountSum> & Sendable) -> IndicatorColumn {
        IndicatorColumn(name: name, value: { ResultCodec.text($0.row[keyPath: field], $0.unit) }) { row, stored, unit in
            row[keyPath: field] = ResultCodec.amount(stored[name], unit) ?? .zero
        }
    }

    /// An amount that may be undefined (NULL).
    private static func optionalAmount(_ name: String, _ field: WritableKeyPath<IndicatorRow, AmountSum?> & Sendable) -> IndicatorColumn {
        IndicatorColumn(name: name, value: { ResultCodec.text($0.row[keyPath: field], $0.unit) }) { row, stored, unit in
            row[keyPath: field] = ResultCodec.amount(stored[name], unit)
        }
    }

    /// A ratio stored exact, as `numerator/denominator`.
    private static func exact(_ name: String, _ field: WritableKeyPath<IndicatorRow, Ratio?> & Sendable) -> IndicatorColumn {
        IndicatorColumn(name: name, value: { ResultCodec.exact($0.row[keyPath: field]) }) { row, stored, _ in
            row[keyPath: field] = ResultCodec.ratio(stored[name])
        }
    }

    /// `INSERT INTO out_indicators(…all columns…) VALUES (?, …)`.
    static let insertSQL =
        "INSERT INTO out_indicators(" + all.map(\.name).joined(separator: ", ") + ") VALUES ("
        + Warehouse.placeholders(all.count) + ")"

    /// `SELECT …all columns… FROM out_indicators`.
    static let selectSQL = "SELECT " + all.map(\.name).joined(separator: ", ") + " FROM out_indicators"
}
