import GRDB
import ZonestatCore
import ZonestatPublish

extension Warehouse {
    /// What load last published of `period`'s figures, and the run that published them (nil
    /// when the period was never published).
    public func publishedFigures(_ period: Period) throws(WarehouseError) -> (runId: String, figures: [PublishedFigure])? {
        try read("read published figures") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT indicator, scope, scope_id, field, value, display, run_id FROM published_figures
                    WHERE period = ? ORDER BY position
                    """,
                arguments: [period.description])
            guard let first = rows.first else { return nil }
            return (
                first["run_id"],
                rows.map {
                    PublishedFigure(
                        indicator: $0["indicator"], scope: $0["scope"], scopeId: $0["scope_id"], field: $0["field"],
                        value: $0["value"], display: $0["display"])
                }
            )
        }
    }

    /// Every change recorded for `period`'s published figures, oldest first.
    public func publishedChanges(_ period: Period) throws(WarehouseError) -> [PublishedChange] {
        try read("read published changes") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT indicator, scope, scope_id, field, old, new, old_display, new_display, published_before,
                           published_now
                    FROM published_changes WHERE period = ? ORDER BY id
                    """,
                arguments: [period.description]
            ).map {
                PublishedChange(
                    indicator: $0["indicator"], scope: $0["scope"], scopeId: $0["scope_id"], field: $0["field"],
                    old: $0["old"], new: $0["new"], oldDisplay: $0["old_display"], newDisplay: $0["new_display"],
                    publishedBefore: $0["published_before"], publishedNow: $0["published_now"])
            }
        }
    }

    /// Records what a run published of each period: its figures replace those of the previous
    /// publication, its changes are added to the period's history. Called once the publication
    /// is committed.
    public func recordPublication(
        _ publications: [(period: Period, figures: [PublishedFigure], changes: [PublishedChange])], runId: String
    ) throws(WarehouseError) {
        try write("record published figures") { db in
            let insertFigure = try db.makeStatement(
                sql: """
                    INSERT INTO published_figures(period, indicator, scope, scope_id, field, value, display, run_id, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertChange = try db.makeStatement(
                sql: """
                    INSERT INTO published_changes(period, indicator, scope, scope_id, field, old, new, old_display,
                                                  new_display, published_before, published_now)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for publication in publications {
                let period = publication.period.description
                try db.execute(sql: "DELETE FROM published_figures WHERE period = ?", arguments: [period])
                for (position, figure) in publication.figures.enumerated() {
                    try insertFigure.execute(arguments: [
                        period, figure.indicator, figure.scope, figure.scopeId, figure.field, figure.value, figure.display,
                        runId, position,
                    ])
                }
                for change in publication.changes {
                    try insertChange.execute(arguments: [
                        period, change.indicator, change.scope, change.scopeId, change.field, change.old, change.new,
                        change.oldDisplay, change.newDisplay, change.publishedBefore, change.publishedNow,
                    ])
                }
            }
        }
    }
}

extension Warehouse {
    /// Adds each period's published changes (read back from out/ after a rebuild) to its history.
    public func importPublishedChanges(_ periods: [(period: Period, changes: [PublishedChange])]) throws(WarehouseError) {
        guard !periods.isEmpty else { return }
        try recordPublication(periods.map { ($0.period, [], $0.changes) }, runId: "")
    }
}
