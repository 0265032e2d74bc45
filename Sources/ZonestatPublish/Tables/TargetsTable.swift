import ZonestatCore

/// `targets.csv` and `targets.json`: one row per target of the period's year and kind.
public enum TargetsTable {
    /// outputs.md's columns, in its order.
    public static let columns = [
        "period", "indicator", "indicator_name", "unit", "year", "kind", "target_value", "target_growth_pct",
        "source", "ytd", "ytd_yoy_pct", "completion_pct", "time_progress_pct", "ahead_pp", "gap_pp",
        "required_rest_growth_pct", "status",
    ]

    /// The table of `rows`, in the order given. Amounts are in the indicator's unit; the count
    /// target `new_units` has unit `家` and counts in `target_value` and `ytd`.
    public static func table(_ rows: [TargetRow], catalog: IndicatorCatalog) throws(PublishError) -> PublishedTable {
        var cells: [[TableCell]] = []
        cells.reserveCapacity(rows.count)
        for row in rows {
            let name: String
            let unitLabel: String
            let targetValue: TableCell
            let ytd: TableCell
            if row.kind == .count || row.indicator == IndicatorCatalog.newUnitsID {
                name = catalog.name(of: row.indicator)
                unitLabel = IndicatorCatalog.newUnitsUnit
                targetValue = .optionalInteger(row.targetCount)
                ytd = .optionalInteger(row.ytdCount)
            } else {
                let definition = try catalog.definition(row.indicator, in: "targets.csv")
                name = definition.name
                unitLabel = definition.unit.label
                targetValue = .amount(row.targetAmount, in: definition.unit)
                ytd = .amount(row.ytdAmount, in: definition.unit)
            }
            cells.append([
                .text(row.period.description), .text(row.indicator), .text(name), .text(unitLabel),
                .integer(row.year), .text(row.kind.rawValue), targetValue, .percent(row.targetGrowthPercent),
                .text(row.source), ytd, .percent(row.ytdYoYPercent), .percent(row.completionPercent),
                .percent(row.timeProgressPercent), .percent(row.aheadPoints), .percent(row.gapPoints),
                .percent(row.requiredRestGrowthPercent), .text(row.status.rawValue),
            ])
        }
        return PublishedTable(columns: columns, rows: cells)
    }
}
