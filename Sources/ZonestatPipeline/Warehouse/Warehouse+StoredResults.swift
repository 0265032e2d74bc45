import GRDB
import ZonestatCore

extension Warehouse {
    /// The periods that have stored results, oldest first.
    public func resultPeriods() throws(WarehouseError) -> [Period] {
        try read("list result periods") { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT period FROM out_indicators ORDER BY period")
                .compactMap { Warehouse.period($0) }
        }
    }

    /// The stored results (exact), for the given periods or all.
    public func storedResult(periods: Set<Period>? = nil, config: PipelineConfig, scopes: Set<ScopeKind>? = nil)
        throws(WarehouseError) -> ComputeResult
    {
        try read("read stored results") { db in
            func wanted(_ text: String?) -> Period? {
                guard let period = text.flatMap(Warehouse.period) else { return nil }
                return periods.map { $0.contains(period) } ?? true ? period : nil
            }
            var result = ComputeResult()
            let scopeFilter = scopes.map { " WHERE scope IN (" + $0.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",") + ")" } ?? ""
            let periodFilter = periods.map { set in
                (scopeFilter.isEmpty ? " WHERE " : " AND ") + "period IN (" + set.map { "'\($0)'" }.sorted().joined(separator: ",") + ")"
            } ?? ""
            for row in try Row.fetchAll(db, sql: "SELECT * FROM out_indicators\(scopeFilter)\(periodFilter) ORDER BY period, position") {
                guard let period = wanted(row["period"]) else { continue }
                let unit = config.indicator(row["indicator"])?.unit ?? .tenThousandYuan
                result.indicators.append(IndicatorRow(
                    period: period, indicator: row["indicator"], scope: ScopeKind(rawValue: row["scope"]) ?? .zone,
                    scopeId: row["scope_id"], scopeName: row["scope_name"], units: row["units"],
                    ytd: ResultCodec.amount(row["ytd"], unit) ?? .zero, ytdBase: ResultCodec.amount(row["ytd_base"], unit) ?? .zero,
                    ytdYoYPercent: ResultCodec.ratio(row["ytd_yoy_exact"]),
                    ytdIncrement: ResultCodec.amount(row["ytd_increment"], unit) ?? .zero,
                    month: ResultCodec.amount(row["month"], unit), monthBase: ResultCodec.amount(row["month_base"], unit),
                    monthYoYPercent: ResultCodec.ratio(row["month_yoy_exact"]), pullPoints: ResultCodec.ratio(row["pull_exact"]),
                    sharePercent: ResultCodec.ratio(row["share_exact"]), estimate: (row["estimate"] as Int) == 1))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM out_targets ORDER BY period, position") {
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
            for row in try Row.fetchAll(db, sql: "SELECT * FROM out_roster ORDER BY period, position") {
                guard let period = wanted(row["period"]) else { continue }
                result.roster.append(RosterRow(
                    period: period, scope: ScopeKind(rawValue: row["scope"]) ?? .zone, scopeId: row["scope_id"],
                    scopeName: row["scope_name"], units: row["units"], newUnits: row["new_units"],
                    exitedUnits: row["exited_units"], netUnits: row["net_units"], growingUnits: row["growing_units"],
                    decliningUnits: row["declining_units"], unchangedUnits: row["unchanged_units"],
                    noBaseUnits: row["no_base_units"], growingSharePercent: ResultCodec.ratio(row["growing_share_exact"]),
                    decliningSharePercent: ResultCodec.ratio(row["declining_share_exact"]), indicator: row["indicator"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM out_warnings ORDER BY position") {
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
        let all = try storedResult(periods: nil, config: config, scopes: [.zone])
        return all.indicators
    }

    /// `2023-04` → the period.
    static func period(_ text: String) -> Period? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return Period(year: year, month: month)
    }
}
