import GRDB
import GRDBSQLite
import ZonestatCore

extension Warehouse {
    /// The periods that have stored results, oldest first.
    public func resultPeriods() throws(WarehouseError) -> [Period] {
        try read("list result periods") { db in
            // One index seek per period: `SELECT DISTINCT period` read the index entry of every row.
            let next = try db.makeStatement(sql: "SELECT MIN(period) FROM out_indicators WHERE period > ?")
            var periods: [Period] = []
            var last = ""
            while let text = try String.fetchOne(next, arguments: [last]) {
                if let period = Warehouse.period(text) { periods.append(period) }
                last = text
            }
            return periods
        }
    }

    /// The stored results (exact), for the given periods or all; the unit figures as the blocks
    /// the transform stored (when `scopes` includes units).
    public func storedResult(periods: Set<Period>? = nil, config: PipelineConfig, scopes: Set<ScopeKind>? = nil)
        throws(WarehouseError) -> ComputeResult
    {
        try read("read stored results") { db in
            var result = ComputeResult()
            result.indicators = try Warehouse.indicatorRows(
                db, config: config, periods: periods, scopes: scopes)
            if scopes.map({ $0.contains(.unit) }) ?? true {
                result.unitBlocks = try Warehouse.unitBlocks(db, periods: periods)
            }
            let periodTexts = periods.map { $0.map(\.description).sorted() }
            let periodFilter = periodTexts.map { "period IN (\(Warehouse.placeholders($0.count)))" }
            let periodWhere = periodFilter.map { " WHERE " + $0 } ?? ""
            let periodArguments = StatementArguments(periodTexts ?? [])
            func wanted(_ text: String?) -> Period? {
                guard let period = text.flatMap(Warehouse.period) else { return nil }
                return periods.map { $0.contains(period) } ?? true ? period : nil
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM out_targets\(periodWhere) ORDER BY period, position", arguments: periodArguments)
            {
                guard let period = wanted(row["period"]) else { continue }
                let unit = config.indicator(row["indicator"])?.unit ?? .tenThousandYuan
                let kind = TargetKind(rawValue: row["kind"]) ?? .level
                let isCount = kind == .count
                result.targets.append(TargetRow(
                    period: period, indicator: row["indicator"], year: row["year"], kind: kind,
                    targetAmount: isCount ? nil : ResultCodec.amount(row["target_value"], unit),
                    targetCount: isCount ? (row["target_value"] as String?).flatMap { Int($0) } : nil,
                    targetGrowthPercent: ResultCodec.ratio(row["target_growth_exact"]), source: row["source"],
                    ytdAmount: isCount ? nil : ResultCodec.amount(row["ytd"], unit),
                    ytdCount: isCount ? (row["ytd"] as String?).flatMap { Int($0) } : nil,
                    ytdYoYPercent: ResultCodec.ratio(row["ytd_yoy_exact"]),
                    completionPercent: ResultCodec.ratio(row["completion_exact"]),
                    timeProgressPercent: ResultCodec.ratio(row["time_progress_exact"]),
                    aheadPoints: ResultCodec.ratio(row["ahead_exact"]), gapPoints: ResultCodec.ratio(row["gap_exact"]),
                    requiredRestGrowthPercent: ResultCodec.ratio(row["required_rest_exact"]),
                    status: TargetStatus(rawValue: row["status"]) ?? .notApplicable))
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM out_roster\(periodWhere) ORDER BY period, position", arguments: periodArguments)
            {
                guard let period = wanted(row["period"]) else { continue }
                result.roster.append(RosterRow(
                    period: period, scope: ScopeKind(rawValue: row["scope"]) ?? .zone, scopeId: row["scope_id"],
                    scopeName: row["scope_name"], units: row["units"], newUnits: row["new_units"],
                    exitedUnits: row["exited_units"], netUnits: row["net_units"], growingUnits: row["growing_units"],
                    decliningUnits: row["declining_units"], unchangedUnits: row["unchanged_units"],
                    noBaseUnits: row["no_base_units"], growingSharePercent: ResultCodec.ratio(row["growing_share_exact"]),
                    decliningSharePercent: ResultCodec.ratio(row["declining_share_exact"]), indicator: row["indicator"]))
            }
            // Warnings without a period concern every period.
            let warningWhere = periodFilter.map { " WHERE period IS NULL OR " + $0 } ?? ""
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM out_warnings\(warningWhere) ORDER BY position", arguments: periodArguments)
            {
                let periodText: String? = row["period"]
                if periodText != nil, wanted(periodText) == nil { continue }
                result.warnings.append(ComputeWarning(
                    period: periodText.flatMap(Warehouse.period), indicator: row["indicator"], code: row["code"],
                    scope: row["scope"], message: row["message"]))
            }
            return result
        }
    }

    /// The zone rows of every period (for `series.csv` and the growth charts).
    public func storedZoneSeries(config: PipelineConfig) throws(WarehouseError) -> [IndicatorRow] {
        try storedZoneSeries(periods: nil, config: config)
    }

    /// The zone rows of `periods` (all when nil), by period and position.
    public func storedZoneSeries(periods: Set<Period>?, config: PipelineConfig) throws(WarehouseError) -> [IndicatorRow] {
        if let periods, periods.isEmpty { return [] }
        return try read("read the zone series") { db in
            try Warehouse.indicatorRows(db, config: config, periods: periods, scopes: [.zone])
        }
    }

    /// The `out_indicators` rows of `periods` and `scopes` (all when nil), by period and
    /// position, each read back exact through ``IndicatorColumn/all``. (Zone, industry and area
    /// rows: a few dozen a period since the unit figures are stored as blocks.)
    private static func indicatorRows(
        _ db: Database, config: PipelineConfig, periods: Set<Period>?, scopes: Set<ScopeKind>?
    ) throws -> [IndicatorRow] {
        let periodTexts = periods.map { $0.map(\.description).sorted() }
        let scopeTexts = scopes.map { $0.map(\.rawValue).sorted() }
        let filters = [
            periodTexts.map { "period IN (\(placeholders($0.count)))" }, scopeTexts.map { "scope IN (\(placeholders($0.count)))" },
        ].compactMap { $0 }
        let stored = try Row.fetchCursor(
            db, sql: IndicatorColumn.selectSQL + (filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND "))
                + " ORDER BY period, position",
            arguments: StatementArguments((periodTexts ?? []) + (scopeTexts ?? [])))
        var rows: [IndicatorRow] = []
        while let columns = try stored.next() {
            let periodText: String = columns["period"]
            guard let period = Warehouse.period(periodText) else { continue }
            let indicator: String = columns["indicator"]
            let unit = config.indicator(indicator)?.unit ?? .tenThousandYuan
            var row = IndicatorRow(
                period: period, indicator: indicator, scope: .zone, scopeId: "", scopeName: "", units: 0, ytd: .zero,
                ytdBase: .zero, ytdYoYPercent: nil, ytdIncrement: .zero, month: nil, monthBase: nil, monthYoYPercent: nil,
                pullPoints: nil, sharePercent: nil, estimate: false)
            for column in IndicatorColumn.all { column.read?(&row, columns, unit) }
            rows.append(row)
        }
        return rows
    }

    /// `2023-04` → the period.
    static func period(_ text: String) -> Period? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return Period(year: year, month: month)
    }

    /// `?, ?, ?` for `count` parameters.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
