import GRDB
import ZonestatCore

/// What the transform reads for some periods only: the current targets (which the read's scope
/// depends on) and the period-key ranges of the current blocks the compute core needs.
extension Warehouse {
    /// The targets in force (not superseded), in the order the compute core is given them.
    static func currentTargets(_ db: Database) throws -> [TargetDefinition] {
        var targets: [TargetDefinition] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT year, indicator, target_amount, target_count, target_growth, source FROM targets
                WHERE superseded_by IS NULL ORDER BY year, indicator, source
                """)
        {
            let growth = (row["target_growth"] as String?).flatMap(Warehouse.exactRatio)
            targets.append(TargetDefinition(
                year: row["year"], indicator: row["indicator"], amount: (row["target_amount"] as Int64?).map(Amount.init(raw:)),
                count: row["target_count"], growthPercent: growth, source: row["source"]))
        }
        return targets
    }

    /// The period-key ranges of the current blocks that computing `periods` reads
    /// (``ComputeNeeds/factYears(periods:targets:indicators:)``), nil for every block: whole
    /// years, adjacent years joined into one range (one index range scan of `current_blocks_key`).
    static func blockRanges(
        periods: Set<Period>?, targets: [TargetDefinition], config: PipelineConfig
    ) -> [ClosedRange<Int32>]? {
        guard let periods else { return nil }
        let years = ComputeNeeds.factYears(periods: periods, targets: targets, indicators: config.indicators.map(\.definition))
        var ranges: [ClosedRange<Int32>] = []
        for year in years.sorted() {
            let low = Int32(clamping: year * 100), high = Int32(clamping: year * 100 + 99)
            if let last = ranges.last, last.upperBound &+ 1 == low {
                ranges[ranges.count - 1] = last.lowerBound...high
            } else {
                ranges.append(low...high)
            }
        }
        return ranges
    }
}
