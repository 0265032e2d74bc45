import ZonestatCore

/// The appendix: every industry's figures for each indicator, in the core's order.
extension ReportBuilder {
    mutating func appendixBlocks() -> [ReportBlock] {
        let label = ReportNumbers.periodLabel(context.period)
        var blocks: [ReportBlock] = []
        for definition in catalog.definitions {
            let rows = context.industryRows(definition.id)
            guard !rows.isEmpty else { continue }
            let body = rows.map { row in
                [
                    ReportBuilder.industryName(row), row.scopeId, String(row.units),
                    ReportNumbers.level(row.ytd, definition).description,
                    ReportNumbers.rateCell(row.ytdYoYPercent, estimate: row.estimate),
                    ReportNumbers.rateCell(row.pullPoints), ReportNumbers.rateCell(row.sharePercent),
                ]
            }
            blocks.append(
                .table(
                    ReportTable(
                        caption: "\(nextTable())　\(definition.name)分行业情况（\(definition.displayUnit.label)）",
                        header: ["行业", "代码", "户数", label, "同比增长（%）", "拉动（百分点）", "贡献率（%）"],
                        rows: body, numericColumns: [2, 3, 4, 5, 6])))
        }
        return blocks
    }
}
