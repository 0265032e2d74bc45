/// Everything the compute core needs, as values: no files, no SQLite, no command line.
public struct ComputeInput: Sendable {
    /// The zone's name (the `zone` scope's name).
    public var zoneName: String
    /// The indicators, in report order.
    public var indicators: [IndicatorDefinition]
    /// The reporting units; facts refer to them by index.
    public var units: [UnitInfo]
    /// The current vintage of every fact, for ``ComputeCore/compute(_:options:)`` (tests, small
    /// zones); empty and unused when the values come from a ``CurrentValueReader`` (the transform).
    public var facts: [Fact]
    /// The current annual targets (possibly conflicting: the core reports conflicts).
    public var targets: [TargetDefinition]
    /// Producer price indices per period and industry division, for value added at comparable prices.
    public var priceIndices: [PriceIndex]

    public init(
        zoneName: String, indicators: [IndicatorDefinition], units: [UnitInfo], facts: [Fact],
        targets: [TargetDefinition] = [], priceIndices: [PriceIndex] = []
    ) {
        self.zoneName = zoneName
        self.indicators = indicators
        self.units = units
        self.facts = facts
        self.targets = targets
        self.priceIndices = priceIndices
    }
}

/// An indicator as the core needs it (statistics.md §3: indicators are data, not code).
public struct IndicatorDefinition: Sendable, Hashable {
    public var id: String
    public var name: String
    public var unit: MoneyUnit
    /// January and February reported together: no `YYYY-01` output period (statistics.md §1).
    public var mergeJanFeb: Bool
    /// The indicator this one is part of (tech investment in fixed investment), for consistency checks.
    public var subsetOf: String?
    /// The unit the written report shows levels in (亿元 in the source document).
    public var displayUnit: MoneyUnit
    /// Decimals of the level in `displayUnit` (2.26亿元: 2; 33.3亿元: 1).
    public var displayPrecision: Int

    public init(
        id: String, name: String, unit: MoneyUnit = .tenThousandYuan, mergeJanFeb: Bool, subsetOf: String? = nil,
        displayUnit: MoneyUnit = .hundredMillionYuan, displayPrecision: Int = 1
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.mergeJanFeb = mergeJanFeb
        self.subsetOf = subsetOf
        self.displayUnit = displayUnit
        self.displayPrecision = displayPrecision
    }
}

/// A reporting unit (enterprise or project) with its details as last reported.
public struct UnitInfo: Sendable, Hashable {
    /// 统一社会信用代码.
    public var code: String
    public var name: String
    /// GB/T 4754 code as normalised by extract (`3670`, `36`, `0610`), nil when unknown.
    public var industry: String?
    public var area: String?
    /// The caller's key for the unit (the warehouse's unit id); ``UnitResultBlock/unitIds`` carry it.
    public var id: Int64

    public init(code: String, name: String, industry: String?, area: String?, id: Int64 = 0) {
        self.code = code
        self.name = name
        self.industry = industry
        self.area = area
        self.id = id
    }
}

/// One current value: unit, period, indicator, basis, exact amount.
public struct Fact: Sendable, Hashable {
    // Stored widest first, the period as year and month: 24 bytes a fact rather than 40 (a
    // nation's compute input holds tens of millions).
    public var amount: Amount
    /// Index into `ComputeInput.units`.
    public var unit: Int32
    /// Index into `ComputeInput.indicators`.
    public var indicator: Int16
    private var year: Int16
    private var month: UInt8
    public var basis: Basis

    public var period: Period {
        get { Period(checkedYear: Int(year), month: Int(month)) }
        set {
            year = Int16(newValue.year)
            month = UInt8(newValue.month)
        }
    }

    public init(unit: Int32, period: Period, indicator: Int16, basis: Basis, amount: Amount) {
        self.amount = amount
        self.unit = unit
        self.indicator = indicator
        // A period's year is 1…9999 and its month 1…12: both fit.
        self.year = Int16(period.year)
        self.month = UInt8(period.month)
        self.basis = basis
    }
}

/// An annual target as stored: a level, a growth rate, or both (then it is two targets).
public struct TargetDefinition: Sendable, Hashable {
    public var year: Int
    /// An indicator id, or `new_units` (a count of new above-scale units).
    public var indicator: String
    public var amount: Amount?
    public var count: Int?
    /// Target growth in percent (`30` for +30%).
    public var growthPercent: Ratio?
    public var source: String

    public init(year: Int, indicator: String, amount: Amount? = nil, count: Int? = nil, growthPercent: Ratio? = nil, source: String) {
        self.year = year
        self.indicator = indicator
        self.amount = amount
        self.count = count
        self.growthPercent = growthPercent
        self.source = source
    }
}

/// A cumulative producer price index: period, industry division, index with the same period of
/// last year = 100 (e.g. 97.9 for −2.1%).
public struct PriceIndex: Sendable, Hashable {
    public var period: Period
    /// 2-digit GB/T 4754 division, or nil for the index of all industry.
    public var division: String?
    public var index: Ratio

    public init(period: Period, division: String?, index: Ratio) {
        self.period = period
        self.division = division
        self.index = index
    }
}
