import ZonestatCore

/// Section 五: the warnings an analyst must look at: counts by code, then the first few
/// with the file and line to open.
extension ReportBuilder {
    /// How many warnings the report lists one by one (the rest are in `warnings.csv`).
    static let listedWarnings = 8

    /// What each known code means, for readers who do not know the codes.
    static let warningLabels: [String: String] = [
        "check_character": "信用代码校验位不符", "default_unit": "未注明单位（按默认单位）",
        "ytd_mismatch": "累计数与各月合计不符", "month_jump": "当月数异常波动",
        "subset_exceeds_total": "分项大于总量", "totals_mismatch": "合计与明细不符",
        "pulls_do_not_add_up": "拉动合计与总增速不符", "shares_do_not_add_up": "贡献率合计不为100%",
        "ytd_fell": "累计数小于上月累计", "duplicate_fact": "同一数据重复报送",
        "amount_overflow": "金额超出范围", "fact_out_of_range": "数据超出范围",
        "target_conflict": "年度目标冲突", "target_unsupported": "目标无法使用",
        "target_unknown_indicator": "目标指标未定义", "price_index_invalid": "价格指数无效",
        "price_index_conflict": "价格指数冲突", "price_index_missing": "缺少价格指数",
        "quarantined_file": "文件被拒收（未计入本期数据）",
        "ignored_column": "有内容的列未被读取", "cells_beyond_header": "表头之外的单元格未被读取",
        "ignored_sheet": "工作簿中未读取的工作表",
    ]

    mutating func warningBlocks() -> [ReportBlock] {
        let warnings = context.warnings.sorted(by: PublishedWarning.listedBefore)
        guard !warnings.isEmpty else { return [.paragraph("本期数据未发现需要核实的问题。")] }
        var counts: [String: Int] = [:]
        for warning in warnings { counts[warning.code, default: 0] += 1 }
        let byCount = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let extracted = warnings.filter { $0.source == .extract }.count
        var text = "本期数据共有\(warnings.count)条提示需要核实（数据文件\(extracted)条、计算校验\(warnings.count - extracted)条），"
        text += "其中" + byCount.map { code, count in "\(ReportBuilder.warningLabels[code] ?? code)\(count)条" }
            .joined(separator: "、") + "。"
        let listed = min(warnings.count, ReportBuilder.listedWarnings)
        text += warnings.count > listed ? "前\(listed)条如下，完整清单见 warnings.csv：" : "逐条如下："
        var blocks: [ReportBlock] = [.paragraph(text)]
        blocks.append(.bullets(ReportBuilder.sample(warnings, count: listed).map(warningLine)))
        blocks.append(
            .table(
                ReportTable(
                    caption: "\(nextTable())　数据问题分类统计", header: ["代码", "说明", "条数"],
                    rows: byCount.map { [$0.key, ReportBuilder.warningLabels[$0.key] ?? "", String($0.value)] },
                    numericColumns: [2])))
        return blocks
    }

    /// `count` warnings to show, in list order: the first of each code before a second of any,
    /// so that one frequent problem does not hide the others.
    static func sample(_ warnings: [PublishedWarning], count: Int) -> [PublishedWarning] {
        var chosen: [Int] = []
        var codes: Set<String> = []
        for (index, warning) in warnings.enumerated() where chosen.count < count && codes.insert(warning.code).inserted {
            chosen.append(index)
        }
        for index in warnings.indices where chosen.count < count && !chosen.contains(index) {
            chosen.append(index)
        }
        return chosen.sorted().map { warnings[$0] }
    }

    /// "2023-04.csv第17行，列“工业总产值本月”，值“1.2E+5”：…（scientific_notation）".
    func warningLine(_ warning: PublishedWarning) -> String {
        var place: [String] = []
        if let file = warning.file {
            place.append(file + (warning.line.map { "第\($0)行" } ?? ""))
        }
        if let column = warning.column { place.append("列“\(column)”") }
        if let value = warning.value { place.append("值“\(value)”") }
        if warning.source == .compute {
            if let period = warning.period { place.append(period.description) }
            if let indicator = warning.indicator { place.append(catalog.name(of: indicator)) }
            if let scope = warning.scope, !scope.isEmpty { place.append(scope) }
        }
        let location = place.isEmpty ? "" : place.joined(separator: "，") + "："
        return location + warning.message + "（\(warning.code)）"
    }
}
