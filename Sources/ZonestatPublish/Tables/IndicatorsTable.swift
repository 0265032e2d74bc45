import ZonestatCore

/// `indicators.csv` and `indicators.json`: one row per indicator and scope of a period.
public enum IndicatorsTable {
    /// outputs.md's columns, in its order.
    public static let columns = [
        "period", "indicator", "indicator_name", "unit", "scope", "scope_id", "scope_name", "units", "ytd",
        "ytd_base", "ytd_yoy_pct", "ytd_increment", "month", "month_base", "month_yoy_pct", "pull_pp",
        "share_pct", "estimate",
    ]

    /// The table of `rows`, in the order given (the compute core's order).
    public static func table(_ rows: [IndicatorRow], catalog: IndicatorCatalog) throws(PublishError) -> PublishedTable {
        var cells: [[TableCell]] = []
        cells.reserveCapacity(rows.count)
        for row in rows {
            let definition = try catalog.definition(row.indicator, in: "indicators.csv")
            let unit = definition.unit
            cells.append([
                .text(row.period.description), .text(row.indicator), .text(definition.name), .text(unit.label),
                .text(row.scope.rawValue), .text(row.scopeId), .text(row.scopeName), .integer(row.units),
                .amount(row.ytd, in: unit), .amount(row.ytdBase, in: unit), .percent(row.ytdYoYPercent),
                .amount(row.ytdIncrement, in: unit), .amount(row.month, in: unit), .amount(row.monthBase, in: unit),
                .percent(row.monthYoYPercent), .percent(row.pullPoints), .percent(row.sharePercent),
                .flag(row.estimate),
            ])
        }
        return PublishedTable(columns: columns, rows: cells)
    }
}
