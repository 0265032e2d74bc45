import GRDB
import ZonestatCore

extension Warehouse {
    /// Deletes the stored results of `periods` (all stored results when nil), and the warnings
    /// tied to no period.
    static func clearResults(_ db: Database, periods: Set<Period>?) throws {
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

    static func insertIndicators(_ db: Database, _ rows: [IndicatorRow], config: PipelineConfig) throws {
        // The bulk of a transform's output (a row per unit): bound through SQLite's C API.
        let statement = try RawStatement(
            db,
            """
            INSERT INTO out_indicators(period, indicator, indicator_name, unit, scope, scope_id, scope_name, units,
                ytd, ytd_base, ytd_yoy_pct, ytd_increment, month, month_base, month_yoy_pct, pull_pp, share_pct,
                estimate, ytd_yoy_exact, month_yoy_exact, pull_exact, share_exact, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Bindings stay until rebound: what changes by period, indicator or scope only is bound
        // when it changes, numbers are written as bytes into one buffer.
        var text = ResultText()
        var current: (period: Period, indicator: String, scope: ScopeKind)?
        var unit = MoneyUnit.tenThousandYuan
        for (position, row) in rows.enumerated() {
            if current?.period != row.period {
                statement.bind(text: row.period.description, at: 1)
            }
            if current?.indicator != row.indicator {
                let spec = config.indicator(row.indicator)
                unit = spec?.unit ?? .tenThousandYuan
                statement.bind(text: row.indicator, at: 2)
                statement.bind(text: spec?.name ?? row.indicator, at: 3)
                statement.bind(text: unit.label, at: 4)
            }
            if current?.scope != row.scope {
                statement.bind(text: row.scope.rawValue, at: 5)
            }
            current = (row.period, row.indicator, row.scope)
            statement.bind(text: row.scopeId, at: 6)
            statement.bind(text: row.scopeName, at: 7)
            statement.bind(int: row.units, at: 8)
            statement.bind(utf8: text.amount(row.ytd, unit), at: 9)
            statement.bind(utf8: text.amount(row.ytdBase, unit), at: 10)
            statement.bind(double: ResultCodec.rounded(row.ytdYoYPercent), at: 11)
            statement.bind(utf8: text.amount(row.ytdIncrement, unit), at: 12)
            statement.bind(utf8: text.amount(row.month, unit), at: 13)
            statement.bind(utf8: text.amount(row.monthBase, unit), at: 14)
            statement.bind(double: ResultCodec.rounded(row.monthYoYPercent), at: 15)
            statement.bind(double: ResultCodec.rounded(row.pullPoints), at: 16)
            statement.bind(double: ResultCodec.rounded(row.sharePercent), at: 17)
            statement.bind(int: row.estimate ? 1 : 0, at: 18)
            statement.bind(utf8: text.fraction(row.ytdYoYPercent), at: 19)
            statement.bind(utf8: text.fraction(row.monthYoYPercent), at: 20)
            statement.bind(utf8: text.fraction(row.pullPoints), at: 21)
            statement.bind(utf8: text.fraction(row.sharePercent), at: 22)
            statement.bind(int: position, at: 23)
            try statement.run()
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
