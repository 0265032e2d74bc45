/// What the compute core produces: the rows of outputs.md's tables, exact, in a fixed order.
public struct ComputeResult: Sendable, Hashable {
    /// The zone, industry and area rows (outputs.md's indicators.csv).
    public var indicators: [IndicatorRow]
    /// Each indicator's unit figures per period, typed (outputs.md's units.csv), by period and
    /// then in indicator order: a unit's row is ``UnitResultBlock/row(at:code:name:)``.
    public var unitBlocks: [UnitResultBlock]
    public var targets: [TargetRow]
    public var roster: [RosterRow]
    public var warnings: [ComputeWarning]

    public init(
        indicators: [IndicatorRow] = [], unitBlocks: [UnitResultBlock] = [], targets: [TargetRow] = [],
        roster: [RosterRow] = [], warnings: [ComputeWarning] = []
    ) {
        self.indicators = indicators
        self.unitBlocks = unitBlocks
        self.targets = targets
        self.roster = roster
        self.warnings = warnings
    }
}

/// The scope a figure covers (outputs.md, `indicators.csv`).
public enum ScopeKind: String, Sendable, Hashable, CaseIterable, Codable {
    case zone, industry, area, unit
}

/// One indicator for one scope and period: outputs.md's `indicators.csv` row, exact.
public struct IndicatorRow: Sendable, Hashable {
    public var period: Period
    public var indicator: String
    public var scope: ScopeKind
    /// Empty for zone; the 2-digit division (or `unknown`) for industry; the area; the credit code.
    public var scopeId: String
    public var scopeName: String
    /// Units of the scope reporting this indicator in the period.
    public var units: Int
    public var ytd: AmountSum
    /// Σ same-caliber base over the same units (statistics.md §2).
    public var ytdBase: AmountSum
    /// nil when undefined (base ≤ 0).
    public var ytdYoYPercent: Ratio?
    public var ytdIncrement: AmountSum
    /// This month's value (1-2月 for `YYYY-02` of a merged indicator); nil when not derivable.
    public var month: AmountSum?
    public var monthBase: AmountSum?
    public var monthYoYPercent: Ratio?
    /// 拉动 on the zone total, percentage points (zone row: its own growth).
    public var pullPoints: Ratio?
    /// 贡献率, % of the zone's increment (zone row: 100).
    public var sharePercent: Ratio?
    /// The growth is an estimate (value added deflated by PPI).
    public var estimate: Bool

    public init(
        period: Period, indicator: String, scope: ScopeKind, scopeId: String, scopeName: String, units: Int,
        ytd: AmountSum, ytdBase: AmountSum, ytdYoYPercent: Ratio?, ytdIncrement: AmountSum, month: AmountSum?,
        monthBase: AmountSum?, monthYoYPercent: Ratio?, pullPoints: Ratio?, sharePercent: Ratio?, estimate: Bool
    ) {
        self.period = period
        self.indicator = indicator
        self.scope = scope
        self.scopeId = scopeId
        self.scopeName = scopeName
        self.units = units
        self.ytd = ytd
        self.ytdBase = ytdBase
        self.ytdYoYPercent = ytdYoYPercent
        self.ytdIncrement = ytdIncrement
        self.month = month
        self.monthBase = monthBase
        self.monthYoYPercent = monthYoYPercent
        self.pullPoints = pullPoints
        self.sharePercent = sharePercent
        self.estimate = estimate
    }
}

/// How a target is measured (statistics.md §4).
public enum TargetKind: String, Sendable, Hashable, Codable {
    case level, rate, count
}

/// Where a target stands.
public enum TargetStatus: String, Sendable, Hashable, Codable {
    case ahead, behind, met
    case notApplicable = "n/a"
}

/// One target of the period's year and kind: outputs.md's `targets.csv` row, exact.
public struct TargetRow: Sendable, Hashable {
    public var period: Period
    public var indicator: String
    public var year: Int
    public var kind: TargetKind
    /// The level target (kind `level`).
    public var targetAmount: AmountSum?
    /// The count target (kind `count`).
    public var targetCount: Int?
    /// The growth target in percent (kind `rate`).
    public var targetGrowthPercent: Ratio?
    public var source: String
    /// The zone's ytd (level, rate).
    public var ytdAmount: AmountSum?
    /// The count so far (count: new units).
    public var ytdCount: Int?
    public var ytdYoYPercent: Ratio?
    public var completionPercent: Ratio?
    public var timeProgressPercent: Ratio?
    public var aheadPoints: Ratio?
    public var gapPoints: Ratio?
    public var requiredRestGrowthPercent: Ratio?
    public var status: TargetStatus

    public init(
        period: Period, indicator: String, year: Int, kind: TargetKind, targetAmount: AmountSum? = nil,
        targetCount: Int? = nil, targetGrowthPercent: Ratio? = nil, source: String, ytdAmount: AmountSum? = nil,
        ytdCount: Int? = nil, ytdYoYPercent: Ratio? = nil, completionPercent: Ratio? = nil,
        timeProgressPercent: Ratio? = nil, aheadPoints: Ratio? = nil, gapPoints: Ratio? = nil,
        requiredRestGrowthPercent: Ratio? = nil, status: TargetStatus
    ) {
        self.period = period
        self.indicator = indicator
        self.year = year
        self.kind = kind
        self.targetAmount = targetAmount
        self.targetCount = targetCount
        self.targetGrowthPercent = targetGrowthPercent
        self.source = source
        self.ytdAmount = ytdAmount
        self.ytdCount = ytdCount
        self.ytdYoYPercent = ytdYoYPercent
        self.completionPercent = completionPercent
        self.timeProgressPercent = timeProgressPercent
        self.aheadPoints = aheadPoints
        self.gapPoints = gapPoints
        self.requiredRestGrowthPercent = requiredRestGrowthPercent
        self.status = status
    }
}

/// The roster and breadth of one scope (zone, or an industry) for a period: `roster.csv`.
public struct RosterRow: Sendable, Hashable {
    public var period: Period
    public var scope: ScopeKind
    public var scopeId: String
    public var scopeName: String
    public var units: Int
    public var newUnits: Int
    public var exitedUnits: Int
    public var netUnits: Int
    public var growingUnits: Int
    public var decliningUnits: Int
    public var unchangedUnits: Int
    public var noBaseUnits: Int
    public var growingSharePercent: Ratio?
    public var decliningSharePercent: Ratio?
    /// The indicator breadth is measured on (output value by default).
    public var indicator: String

    public init(
        period: Period, scope: ScopeKind, scopeId: String, scopeName: String, units: Int, newUnits: Int,
        exitedUnits: Int, netUnits: Int, growingUnits: Int, decliningUnits: Int, unchangedUnits: Int,
        noBaseUnits: Int, growingSharePercent: Ratio?, decliningSharePercent: Ratio?, indicator: String
    ) {
        self.period = period
        self.scope = scope
        self.scopeId = scopeId
        self.scopeName = scopeName
        self.units = units
        self.newUnits = newUnits
        self.exitedUnits = exitedUnits
        self.netUnits = netUnits
        self.growingUnits = growingUnits
        self.decliningUnits = decliningUnits
        self.unchangedUnits = unchangedUnits
        self.noBaseUnits = noBaseUnits
        self.growingSharePercent = growingSharePercent
        self.decliningSharePercent = decliningSharePercent
        self.indicator = indicator
    }
}

/// A consistency problem the core found (statistics.md §8), with where it came from.
public struct ComputeWarning: Sendable, Hashable {
    public var period: Period?
    public var indicator: String?
    /// `subset_exceeds_total`, `pulls_do_not_add_up`, `ytd_fell`, `target_conflict`, …
    public var code: String
    /// The scope it concerns (`zone`, a credit code, …).
    public var scope: String
    public var message: String

    public init(period: Period?, indicator: String?, code: String, scope: String, message: String) {
        self.period = period
        self.indicator = indicator
        self.code = code
        self.scope = scope
        self.message = message
    }
}
