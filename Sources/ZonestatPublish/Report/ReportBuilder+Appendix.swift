import ZonestatCore

/// The appendix: every industry's figures for each indicator, in the core's order.
extension ReportBuilder {
    mutating func appendixBlocks() -> [ReportBlock] {
        let label = ReportNumbers.periodLabel(context.period)
        var blocks: [ReportBlock] = []
        for definition in catalog.definitions {
            let rows = context.industryRows(definition.id)
            guard !rows.isEmpty else { continue }
            // Names, not codes (the workbook keeps the codes); no growth without last year.
            let growth = context.hasPreviousYear
            let body = rows.map { row in
                [ReportBuilder.industryName(row), String(row.units), ReportNumbers.level(row.ytd, definition).description]
                    + (growth
                        ? [
                            ReportNumbers.rateCell(row.ytdYoYPercent, estimate: row.estimate),
                            ReportNumbers.rateCell(row.pullPoints), ReportNumbers.rateCell(row.sharePercent),
                        ] : [])
            }
            let header = ["行业", "户数", label] + (growth ? ["同比增长（%）", "拉动（百分点）", "贡献率（%）"] : [])
            blocks.append(
                .table(
                    ReportTable(
                        caption: "\(nextTable())　\(definition.name)分行业情况（\(definition.displayUnit.label)）",
                        header: header, rows: body, numericColumns: Set(1..<header.count))))
        }
        return blocks
    }
}
