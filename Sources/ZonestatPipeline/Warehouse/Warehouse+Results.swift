import GRDB
import ZonestatCore

extension Warehouse {
    /// Deletes the stored results of `periods` (all stored results when nil), their unit blocks,
    /// and the warnings tied to no period.
    static func clearResults(_ db: Database, periods: Set<Period>?) throws {
        try clearUnitBlocks(db, periods: periods)
        let tables = ["out_indicators", "out_targets", "out_roster", "out_warnings"]
        guard let periods else {
            for table in tables { try db.execute(sql: "DELETE FROM \(table)") }
            return
        }
        try db.execute(sql: "DELETE FROM out_warnings WHERE period IS NULL")
        let keys = periods.map(\.description).sorted()
        for table in tables {
            for chunk in stride(from: 0, to: keys.count, by: 500) {
                let part = Array(keys[chunk..<min(chunk + 500, keys.count)])
                let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                try db.execute(sql: "DELETE FROM \(table) WHERE period IN (\(marks))", arguments: StatementArguments(part))
            }
        }
    }

    /// Stores result rows (one period's, or warnings tied to no period) after `clearResults`.
    static func insertResults(_ db: Database, _ result: ComputeResult, config: PipelineConfig) throws {
        try insertIndicators(db, result.indicators, config: config)
        for block in result.unitBlocks { try storeUnitBlock(db, block) }
        try insertTargets(db, result.targets, config: config)
        try insertRoster(db, result.roster)
        let warnings = try db.makeStatement(
            sql: "INSERT INTO out_warnings(period, indicator, code, scope, message, position) VALUES (?, ?, ?, ?, ?, ?)")
        for (position, warning) in result.warnings.enumerated() {
            try warnings.execute(arguments: [
                warning.period?.description, warning.indicator, warning.code, warning.scope, warning.message, position,
            ])
        }
    }

    private static func insertIndicators(_ db: Database, _ rows: [IndicatorRow], config: PipelineConfig) throws {
        let statement = try db.cachedStatement(sql: IndicatorColumn.insertSQL)
        for (position, row) in rows.enumerated() {
            let spec = config.indicator(row.indicator)
            let source = IndicatorColumn.Source(
                row: row, position: position, name: spec?.name ?? row.indicator, unit: spec?.unit ?? .tenThousandYuan)
            let values: [(any DatabaseValueConvertible)?] = IndicatorColumn.all.map { $0.value(source) }
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    private static func insertTargets(_ db: Database, _ rows: [TargetRow], config: PipelineConfig) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO out_targets(period, indicator, indicator_name, unit, year, kind, target_value,
                    target_growth_pct, source, ytd, ytd_yoy_pct, completion_pct, time_progress_pct, ahead_pp, gap_pp,
                    required_rest_growth_pct, status, target_growth_exact, ytd_yoy_exact, completion_exact,
                    time_progress_exact, ahead_exact, gap_exact, required_rest_exact, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, row) in rows.enumerated() {
            let spec = config.indicator(row.indicator)
            let unit = spec?.unit ?? .tenThousandYuan
            let isCount = row.kind == .count
            let values: [(any DatabaseValueConvertible)?] = [
                row.period.description, row.indicator, spec?.name ?? "新增规上工业企业", isCount ? "家" : unit.label,
                row.year, row.kind.rawValue,
                isCount ? row.targetCount.map(String.init) : ResultCodec.text(row.targetAmount, unit),
                ResultCodec.rounded(row.targetGrowthPercent), row.source,
                isCount ? row.ytdCount.map(String.init) : ResultCodec.text(row.ytdAmount, unit),
                ResultCodec.rounded(row.ytdYoYPercent), ResultCodec.rounded(row.completionPercent),
                ResultCodec.rounded(row.timeProgressPercent), ResultCodec.rounded(row.aheadPoints),
                ResultCodec.rounded(row.gapPoints), ResultCodec.rounded(row.requiredRestGrowthPercent), row.status.rawValue,
                ResultCodec.exact(row.targetGrowthPercent), ResultCodec.exact(row.ytdYoYPercent),
                ResultCodec.exact(row.completionPercent), ResultCodec.exact(row.timeProgressPercent),
                ResultCodec.exact(row.aheadPoints), ResultCodec.exact(row.gapPoints),
                ResultCodec.exact(row.requiredRestGrowthPercent), position,
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    private static func insertRoster(_ db: Database, _ rows: [RosterRow]) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO out_roster(period, scope, scope_id, scope_name, units, new_units, exited_units, net_units,
                    growing_units, declining_units, unchanged_units, no_base_units, growing_share_pct,
                    declining_share_pct, indicator, growing_share_exact, declining_share_exact, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, row) in rows.enumerated() {
            let values: [(any DatabaseValueConvertible)?] = [
                row.period.description, row.scope.rawValue, row.scopeId, row.scopeName, row.units, row.newUnits,
                row.exitedUnits, row.netUnits, row.growingUnits, row.decliningUnits, row.unchangedUnits, row.noBaseUnits,
                ResultCodec.rounded(row.growingSharePercent), ResultCodec.rounded(row.decliningSharePercent), row.indicator,
                ResultCodec.exact(row.growingSharePercent), ResultCodec.exact(row.decliningSharePercent), position,
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
    }
}
