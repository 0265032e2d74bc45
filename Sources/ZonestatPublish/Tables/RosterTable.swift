import ZonestatCore

/// `roster.csv` and `roster.json`: the roster and breadth of the zone and each industry.
public enum RosterTable {
    /// outputs.md's columns, in its order.
    public static let columns = [
        "period", "scope", "scope_id", "scope_name", "units", "new_units", "exited_units", "net_units",
        "growing_units", "declining_units", "unchanged_units", "no_base_units", "growing_share_pct",
        "declining_share_pct", "indicator",
    ]

    /// The table of `rows`, in the order given.
    public static func table(_ rows: [RosterRow]) -> PublishedTable {
        let cells: [[TableCell]] = rows.map { row in
            [
                .text(row.period.description), .text(row.scope.rawValue), .text(row.scopeId), .text(row.scopeName),
                .integer(row.units), .integer(row.newUnits), .integer(row.exitedUnits), .integer(row.netUnits),
                .integer(row.growingUnits), .integer(row.decliningUnits), .integer(row.unchangedUnits),
                .integer(row.noBaseUnits), .percent(row.growingSharePercent), .percent(row.decliningSharePercent),
                .text(row.indicator),
            ]
        }
        return PublishedTable(columns: columns, rows: cells)
    }
}
