import ZonestatCore

/// Where a context's rows of its period are, found in one pass over the result.
///
/// The report looks up the zone row and the industry rows of every indicator several times; a
/// province period has hundreds of thousands of unit rows, and scanning (and copying) them for
/// every lookup cost far more than writing the report.
struct PeriodRows: Sendable, Hashable {
    /// Positions in `result.indicators` of the first zone row of each indicator.
    private(set) var zone: [String: Int] = [:]
    /// Positions of each indicator's industry rows, in the result's order.
    private(set) var industries: [String: [Int]] = [:]
    /// Positions of each indicator's area rows, in the result's order.
    private(set) var areas: [String: [Int]] = [:]
    /// Position in `result.unitBlocks` of each indicator's unit block.
    private(set) var units: [String: Int] = [:]
    /// Positions of the period's unit blocks, in the result's order.
    private(set) var unitBlocks: [Int] = []
    /// Whether every indicator row is of the period (what the load stage passes), so the rows
    /// are published as they are, without a filtered copy.
    private(set) var onlyThisPeriod = true
    /// The period's targets and roster rows, in the result's order.
    private(set) var targets: [TargetRow] = []
    private(set) var roster: [RosterRow] = []

    init(_ result: ComputeResult, period: Period) {
        for (position, row) in result.indicators.enumerated() {
            guard row.period == period else {
                onlyThisPeriod = false
                continue
            }
            switch row.scope {
            case .zone where zone[row.indicator] == nil: zone[row.indicator] = position
            case .industry: industries[row.indicator, default: []].append(position)
            case .area: areas[row.indicator, default: []].append(position)
            // Unit figures are blocks (below); the core makes no unit rows.
            default: break
            }
        }
        for (position, block) in result.unitBlocks.enumerated() where block.period == period {
            if units[block.indicator] == nil { units[block.indicator] = position }
            unitBlocks.append(position)
        }
        targets = result.targets.filter { $0.period == period }
        roster = result.roster.filter { $0.period == period }
    }
}
