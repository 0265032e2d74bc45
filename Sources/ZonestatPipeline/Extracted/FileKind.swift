/// The kinds of input file (inputs.md), recognised by header.
public enum FileKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Kind 1: one row per unit and period, one column per indicator and basis (企业月报).
    case wide
    /// Kind 2: one value per row.
    case long
    /// Kind 3: annual targets (年度目标).
    case targets
    /// Kind 4: cumulative producer price index by industry (same period last year = 100), for
    /// value added at comparable prices (statistics.md §3).
    case priceIndex = "price_index"

    /// The fields a file of this kind reads; a column holding another is not read
    /// (`ignored_column`).
    var readFields: Set<String> {
        switch self {
        case .wide: ["period", "credit_code", "name", "industry", "area"]
        case .long: ["period", "credit_code", "name", "industry", "area", "indicator", "basis", "value", "unit"]
        case .targets: ["year", "indicator", "target_value", "target_growth_pct", "unit", "source"]
        case .priceIndex: ["period", "industry", "ppi"]
        }
    }

    /// Whether the kind reads indicator columns such as 工业总产值本月 (only the wide one does).
    var readsAmountColumns: Bool { self == .wide }

    /// The kind's name for analysts.
    var chineseName: String {
        switch self {
        case .wide: "企业月报（宽表）"
        case .long: "长表"
        case .targets: "年度目标表"
        case .priceIndex: "价格指数表"
        }
    }

    /// What a file of this kind must have, for the message when a file matches no kind.
    var requirement: String {
        switch self {
        case .wide:
            "kind 1 (wide enterprise report): 报告期, 统一社会信用代码, 企业名称 and at least one indicator column such as 工业总产值本月"
        case .long:
            "kind 2 (long): 报告期, 统一社会信用代码, 企业名称, 指标, 数值 (口径, 单位, 行业代码, 片区 optional)"
        case .targets:
            "kind 3 (targets): 年度, 指标 and 目标值 (with 单位) or 目标增速"
        case .priceIndex:
            "kind 4 (price index): 报告期, 工业生产者出厂价格指数 (上年同期=100), 行业代码 optional"
        }
    }
}
