import ZonestatCore

/// One figure of a published period as tools and the report read it: a field of a zone,
/// industry or area row of indicators.csv, as its cell says it, and — for the zone's level and
/// growth — as the written report says it. Load keeps what it published, to say what moved
/// when a period is published again (``PublishedChange``).
public struct PublishedFigure: Sendable, Hashable {
    public var indicator: String
    /// `zone`, `industry` or `area`.
    public var scope: String
    public var scopeId: String
    /// The indicators.csv column: `units`, `ytd`, `ytd_base`, `ytd_yoy_pct`, `month`, `month_base`, `month_yoy_pct`.
    public var field: String
    /// The cell as indicators.csv writes it (empty when undefined).
    public var value: String
    /// The figure as the report states it (`33.3亿元`, `16.6%`), for the zone's `ytd` and `ytd_yoy_pct`.
    public var display: String?

    public init(indicator: String, scope: String, scopeId: String, field: String, value: String, display: String? = nil) {
        self.indicator = indicator
        self.scope = scope
        self.scopeId = scopeId
        self.field = field
        self.value = value
        self.display = display
    }

    /// Where the figure is: indicator, scope, scope id and field.
    public var key: String { "\(indicator)|\(scope)|\(scopeId)|\(field)" }

    /// The figures of `rows` (unit rows left out: they move with every correction and are in
    /// revisions.csv), in the rows' order and the fields' order.
    public static func figures(_ rows: [IndicatorRow], catalog: IndicatorCatalog) -> [PublishedFigure] {
        var figures: [PublishedFigure] = []
        for row in rows where row.scope != .unit {
            guard let definition = catalog.definition(row.indicator) else { continue }
            let scope = row.scope.rawValue
            func add(_ field: String, _ cell: TableCell, display: String? = nil) {
                figures.append(PublishedFigure(
                    indicator: row.indicator, scope: scope, scopeId: row.scopeId, field: field, value: cell.csvText,
                    display: row.scope == .zone ? display : nil))
            }
            add("units", .integer(row.units))
            add("ytd", .amount(row.ytd, in: definition.unit), display: ReportNumbers.levelText(row.ytd, definition))
            add("ytd_base", .amount(row.ytdBase, in: definition.unit))
            add("ytd_yoy_pct", .percent(row.ytdYoYPercent), display: row.ytdYoYPercent.map { ReportNumbers.rateText($0) + "%" })
            add("month", .amount(row.month, in: definition.unit))
            add("month_base", .amount(row.monthBase, in: definition.unit))
            add("month_yoy_pct", .percent(row.monthYoYPercent))
        }
        return figures
    }
}

/// A published figure that moved when its period was published again (outputs.md, `changes.csv`).
public struct PublishedChange: Sendable, Hashable {
    public var indicator: String
    public var scope: String
    public var scopeId: String
    public var field: String
    /// The cells as published before and now (empty: undefined, or not published).
    public var old: String
    public var new: String
    /// The report's wording of each, for the zone's level and growth.
    public var oldDisplay: String?
    public var newDisplay: String?
    /// The load runs that published the old and the new figure.
    public var publishedBefore: String
    public var publishedNow: String

    public init(
        indicator: String, scope: String, scopeId: String, field: String, old: String, new: String,
        oldDisplay: String? = nil, newDisplay: String? = nil, publishedBefore: String, publishedNow: String
    ) {
        self.indicator = indicator
        self.scope = scope
        self.scopeId = scopeId
        self.field = field
        self.old = old
        self.new = new
        self.oldDisplay = oldDisplay
        self.newDisplay = newDisplay
        self.publishedBefore = publishedBefore
        self.publishedNow = publishedNow
    }

    /// The figures of `now` that differ from `before` (a figure only one side has counts as
    /// moved from or to empty), in `now`'s order, then those that are gone.
    public static func between(
        _ before: [PublishedFigure], _ now: [PublishedFigure], publishedBefore: String, publishedNow: String
    ) -> [PublishedChange] {
        let old = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let current = Set(now.map(\.key))
        var changes: [PublishedChange] = []
        func change(_ figure: PublishedFigure, old: PublishedFigure?, new: PublishedFigure?) -> PublishedChange {
            PublishedChange(
                indicator: figure.indicator, scope: figure.scope, scopeId: figure.scopeId, field: figure.field,
                old: old?.value ?? "", new: new?.value ?? "", oldDisplay: old?.display, newDisplay: new?.display,
                publishedBefore: publishedBefore, publishedNow: publishedNow)
        }
        for figure in now where old[figure.key]?.value != figure.value {
            changes.append(change(figure, old: old[figure.key], new: figure))
        }
        for figure in before where !current.contains(figure.key) {
            changes.append(change(figure, old: figure, new: nil))
        }
        return changes
    }
}

/// `changes.csv`: every published figure of a period that moved when it was published again.
public enum ChangesTable {
    /// The columns: `old_report` and `new_report` are the figure as the report stated it (the
    /// zone's level and growth), so that the history can be read back whole (``ChangesTable``
    /// is all a rebuilt warehouse knows of earlier publications).
    public static let columns = [
        "indicator", "scope", "scope_id", "field", "old", "new", "published_before", "published_now", "old_report",
        "new_report",
    ]

    public static func table(_ changes: [PublishedChange]) -> PublishedTable {
        PublishedTable(
            columns: columns,
            rows: changes.map { change in
                [
                    .text(change.indicator), .text(change.scope), .text(change.scopeId), .text(change.field),
                    change.old.isEmpty ? .empty : .number(change.old), change.new.isEmpty ? .empty : .number(change.new),
                    .text(change.publishedBefore), .text(change.publishedNow), .optionalText(change.oldDisplay),
                    .optionalText(change.newDisplay),
                ]
            })
    }
}
