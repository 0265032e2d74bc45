import ZonestatCore

/// `series.csv`: the zone's figures for every period of every year, for charts and tools that
/// want the history in one file.
public enum SeriesTable {
    /// The columns, in order.
    public static let columns = [
        "period", "indicator", "indicator_name", "unit", "units", "ytd", "ytd_base", "ytd_yoy_pct",
        "ytd_increment", "month", "month_base", "month_yoy_pct", "estimate",
    ]

    /// The zone rows among `rows` (other scopes are skipped), by period and then in report order.
    public static func table(_ rows: [IndicatorRow], catalog: IndicatorCatalog) throws(PublishError) -> PublishedTable {
        let zoneRows = rows.filter { $0.scope == .zone }.sorted { lhs, rhs in
            if lhs.period != rhs.period { return lhs.period < rhs.period }
            let left = catalog.position(of: lhs.indicator), right = catalog.position(of: rhs.indicator)
            return left != right ? left < right : lhs.indicator < rhs.indicator
        }
        var cells: [[TableCell]] = []
        cells.reserveCapacity(zoneRows.count)
        for row in zoneRows {
            let definition = try catalog.definition(row.indicator, in: "series.csv")
            let unit = definition.unit
            cells.append([
                .text(row.period.description), .text(row.indicator), .text(definition.name), .text(unit.label),
                .integer(row.units), .amount(row.ytd, in: unit), .amount(row.ytdBase, in: unit),
                .percent(row.ytdYoYPercent), .amount(row.ytdIncrement, in: unit), .amount(row.month, in: unit),
                .amount(row.monthBase, in: unit), .percent(row.monthYoYPercent), .flag(row.estimate),
            ])
        }
        return PublishedTable(columns: columns, rows: cells)
    }
}
