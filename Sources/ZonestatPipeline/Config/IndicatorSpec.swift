import ZonestatCore

/// One indicator as the pipeline file declares it: indicators are data, not code (statistics.md §3).
public struct IndicatorSpec: Sendable, Hashable {
    /// Stable identifier used in files and outputs, e.g. `output_value`.
    public var id: String
    /// The official Chinese name, e.g. 规上工业总产值; headers and cells match it like an alias.
    public var name: String
    /// Header and cell texts that mean this indicator (matched after normalisation).
    public var aliases: [String]
    /// The unit amounts are presented in (万元 by default).
    public var unit: MoneyUnit
    /// The unit the written report shows the level in (亿元 in the source document).
    public var displayUnit: MoneyUnit
    /// Decimals shown for the level in `displayUnit`.
    public var displayPrecision: Int
    /// Whether January and February are reported together (1-2月合并).
    public var mergeJanFeb: Bool
    /// The indicator this one is a subset of (tech investment inside fixed investment).
    public var subsetOf: String?
    /// How many of the largest units the report names (重点企业); 0: none.
    public var keyUnits: Int

    public init(
        id: String, name: String, aliases: [String], unit: MoneyUnit = .tenThousandYuan,
        displayUnit: MoneyUnit = .hundredMillionYuan, displayPrecision: Int = 1,
        mergeJanFeb: Bool = true, subsetOf: String? = nil, keyUnits: Int = 0
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.unit = unit
        self.displayUnit = displayUnit
        self.displayPrecision = displayPrecision
        self.mergeJanFeb = mergeJanFeb
        self.subsetOf = subsetOf
        self.keyUnits = keyUnits
    }
}

extension IndicatorSpec {
    /// The five indicators of the source document with the official defaults.
    public static let defaults: [IndicatorSpec] = [
        IndicatorSpec(
            id: "output_value", name: "规上工业总产值", aliases: ["工业总产值", "总产值"],
            displayPrecision: 1, keyUnits: 10),
        IndicatorSpec(
            id: "value_added", name: "规上工业增加值", aliases: ["工业增加值", "增加值"],
            displayPrecision: 1),
        IndicatorSpec(
            id: "fixed_investment", name: "固定资产投资", aliases: ["固定资产投资", "固投", "完成投资"],
            displayPrecision: 2),
        IndicatorSpec(
            id: "tech_investment", name: "技改投资", aliases: ["技改投资", "技术改造投资"],
            displayPrecision: 1, subsetOf: "fixed_investment"),
        IndicatorSpec(
            id: "tax", name: "一般公共预算收入", aliases: ["税收", "税收收入", "一般公共预算收入", "入库税收"],
            displayPrecision: 2, mergeJanFeb: false, keyUnits: 10),
    ]
}
