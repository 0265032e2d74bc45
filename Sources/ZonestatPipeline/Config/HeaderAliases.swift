/// The header texts that identify each field of the three input kinds (inputs.md).
///
/// The defaults are inputs.md's; a pipeline file adds to them, never replaces them.
public struct HeaderAliases: Sendable, Hashable, Codable {
    /// Field name (`period`, `credit_code`, …) → aliases.
    public var fields: [String: [String]]
    /// Basis id (`month`, `ytd`, `base_month`, `base_ytd`) → aliases.
    public var bases: [String: [String]]

    public init(fields: [String: [String]], bases: [String: [String]]) {
        self.fields = fields
        self.bases = bases
    }

    /// The aliases of one field, empty when unknown.
    public func aliases(of field: String) -> [String] { fields[field] ?? [] }

    /// These aliases with `extra` added to each list.
    public func merging(_ extra: HeaderAliases) -> HeaderAliases {
        var merged = self
        for (key, values) in extra.fields { merged.fields[key, default: []].append(contentsOf: values) }
        for (key, values) in extra.bases { merged.bases[key, default: []].append(contentsOf: values) }
        return merged
    }

    /// inputs.md's default aliases.
    public static let defaults = HeaderAliases(
        fields: [
            "period": ["报告期", "统计期", "年月", "时期", "period"],
            "credit_code": ["统一社会信用代码", "社会信用代码", "信用代码", "credit_code"],
            "name": ["企业名称", "单位详细名称", "单位名称", "项目名称", "name", "enterprise"],
            "industry": ["行业代码", "国民经济行业代码", "industry"],
            "area": ["片区", "园区", "所在片区", "area"],
            "indicator": ["指标", "指标名称", "indicator"],
            "basis": ["口径", "类型", "basis"],
            "value": ["数值", "值", "金额", "value"],
            "unit": ["单位", "unit"],
            "year": ["年度", "年份", "year"],
            "target_value": ["目标值", "目标", "年度目标", "target_value"],
            "target_growth_pct": ["目标增速", "增长目标", "目标增长(%)", "目标增长", "target_growth_pct"],
            "source": ["依据", "来源", "文件", "source"],
            "ppi": ["工业生产者出厂价格指数", "出厂价格指数", "价格指数", "PPI", "ppi"],
        ],
        bases: [
            "month": ["本月", "当月", "month"],
            "ytd": ["1-本月", "1—本月", "本年累计", "累计", "本年", "ytd"],
            "base_month": ["上年同月", "上年本月", "上年同期本月", "base_month"],
            "base_ytd": ["上年同期累计", "上年1-同月", "上年同期", "base_ytd"],
        ])

    /// Aliases of the count target for new above-scale units (inputs.md, Kind 3).
    public static let newUnitsAliases = ["new_units", "新增规上企业", "新增规上工业企业"]
}
