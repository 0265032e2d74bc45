import ZonestatCore

/// The appendix 附件：数据质量说明: the problems an analyst must look at, grouped by kind,
/// with the file and line to open.
extension ReportBuilder {
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
        "future_dated": "文件日期晚于当前时间", "no_rows": "文件只有表头、没有数据",
        "no_final_line_end": "文件末行不完整（可能未复制完）", "implausible_target": "年度目标数值异常",
        "period_from_title": "报告期取自标题", "period_from_name": "报告期取自文件名",
        "period_mismatch": "标题或文件名与报告期列不符", "missing_industry": "缺少行业代码（计入未分类）",
        "ignored_sheet": "工作簿中未读取的工作表",
    ]

    /// How many examples of each kind of problem the appendix lists (all are in warnings.csv).
    static let examplesPerKind = 10

    /// 附件：数据质量说明: quarantined files, the warnings grouped by kind with counts and at
    /// most ``examplesPerKind`` examples each, and the revisions; in Chinese, no codes.
    mutating func qualityBlocks() -> [ReportBlock] {
        let all = context.warnings.sorted(by: PublishedWarning.listedBefore)
        let quarantined = all.filter { $0.code == "quarantined_file" }
        let warnings = all.filter { $0.code != "quarantined_file" }
        let revisions = revisionBlocks()
        guard !all.isEmpty || !revisions.isEmpty else { return [.paragraph("本期数据未发现需要核实的问题。")] }
        var intro = "本期数据"
        if warnings.isEmpty {
            intro += "未发现需要核实的数据提示"
        } else {
            let extracted = warnings.filter { $0.source == .extract }.count
            intro += "共有\(warnings.count)条提示需要核实（数据文件\(extracted)条、计算校验\(warnings.count - extracted)条）"
        }
        if !quarantined.isEmpty { intro += "，\(quarantined.count)个文件被拒收、未计入本期数据" }
        intro += "。以下按类别说明，每类至多列出\(ReportBuilder.examplesPerKind)条，完整清单见随报告发布的warnings.csv。"
        var blocks: [ReportBlock] = [.paragraph(intro)]
        var part = 0
        func nextPart(_ title: String) -> ReportBlock {
            part += 1
            return .subheading("（\(ReportBuilder.chineseNumeral(part))）\(title)")
        }
        if !quarantined.isEmpty {
            blocks.append(nextPart("被拒收的文件（\(quarantined.count)个）"))
            blocks.append(.bullets(quarantined.prefix(ReportBuilder.examplesPerKind).map { warning in
                let name = warning.file ?? ""
                return "“\(name)”：未计入本期数据。错误明细见quarantine文件夹中的“\(name).errors.csv”，请按明细修正后重新报送。"
            }))
        }
        if !warnings.isEmpty {
            var order: [String] = []
            var byCode: [String: [PublishedWarning]] = [:]
            for warning in warnings {
                if byCode[warning.code] == nil { order.append(warning.code) }
                byCode[warning.code, default: []].append(warning)
            }
            order.sort { (byCode[$0]?.count ?? 0, $1) > (byCode[$1]?.count ?? 0, $0) }
            blocks.append(nextPart("需核实的数据（\(warnings.count)条）"))
            for code in order {
                let group = byCode[code] ?? []
                var text = "\(ReportBuilder.warningLabel(code))\(group.count)条"
                if let advice = ReportBuilder.warningAdvice[code] { text += "，" + advice }
                text += group.count > ReportBuilder.examplesPerKind ? "。其中\(ReportBuilder.examplesPerKind)条：" : "："
                blocks.append(.paragraph(text))
                blocks.append(.bullets(group.prefix(ReportBuilder.examplesPerKind).map(warningLine)))
            }
            blocks.append(
                .table(
                    ReportTable(
                        caption: "\(nextTable())　数据问题分类统计", header: ["问题类别", "条数"],
                        rows: order.map { [ReportBuilder.warningLabel($0), String(byCode[$0]?.count ?? 0)] },
                        numericColumns: [1])))
        }
        if !revisions.isEmpty {
            blocks.append(nextPart("数据修订说明"))
            blocks += revisions
        }
        return blocks
    }

    /// The Chinese label of a code; a code with none is said to be another problem.
    static func warningLabel(_ code: String) -> String {
        warningLabels[code] ?? "其他数据问题"
    }

    /// What to do about the commonest kinds, for the office.
    static let warningAdvice: [String: String] = [
        "check_character": "数据已计入，请与企业核对统一社会信用代码",
        "default_unit": "已按默认计量单位计入，请核对报表单位",
        "ytd_mismatch": "请核对累计数与各月数据",
        "month_jump": "请与企业核实当月数据",
        "ignored_column": "该列未计入，请核对表头",
        "cells_beyond_header": "这些单元格未计入，请核对报表",
    ]

    /// "2023-04 税收.csv第237行，列“统一社会信用代码”，值“91340500MA8NC3M9XK”": where the
    /// problem is, in Chinese (the English message and the code stay in warnings.csv).
    func warningLine(_ warning: PublishedWarning) -> String {
        var place: [String] = []
        if let file = warning.file {
            place.append("“\(file)”" + (warning.line.map { "第\($0)行" } ?? ""))
        }
        if let column = warning.column { place.append("列“\(column)”") }
        if let value = warning.value { place.append("值“\(value)”") }
        if warning.source == .compute {
            if let period = warning.period { place.append(ReportBuilder.periodName(period)) }
            if let indicator = warning.indicator { place.append(catalog.name(of: indicator)) }
            if let scope = warning.scope, !scope.isEmpty { place.append(scopeName(scope)) }
        }
        return place.isEmpty ? ReportBuilder.warningLabel(warning.code) : place.joined(separator: "，")
    }

    /// `2023年4月`.
    static func periodName(_ period: Period) -> String {
        "\(period.year)年\(period.month)月"
    }

    /// A compute warning's scope in words: 全区, a unit's name with its code, an industry's name.
    func scopeName(_ scope: String) -> String {
        if scope == ScopeKind.zone.rawValue { return "全区" }
        if let unit = warnedUnits[scope] { return "\(unit.name)（\(scope)）" }
        return IndustryDivision.name(scope) ?? scope
    }
}
