import ZonestatCore

/// 分片区情况: when units have areas, each indicator by area (1-本月, growth, pull, units) in a
/// sentence, a table and a chart of the pulls.
extension ReportBuilder {
    mutating func areaBlocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        let label = ReportNumbers.periodLabel(context.period)
        for definition in catalog.definitions {
            let rows = context.areaRows(definition.id).sorted { $0.scopeId < $1.scopeId }
            guard !rows.isEmpty else { continue }
            blocks.append(.subheading(definition.name))
            blocks.append(.paragraph(areaSentence(definition, rows)))
            var header = ["片区", "\(label)（\(definition.displayUnit.label)）"]
            if context.hasPreviousYear { header += ["同比增长（%）", "拉动（百分点）"] }
            header.append("户数")
            let body = rows.map { row in
                var cells = [row.scopeName, ReportNumbers.level(row.ytd, definition).description]
                if context.hasPreviousYear {
                    cells += [ReportNumbers.rateCell(row.ytdYoYPercent, estimate: row.estimate), ReportNumbers.rateCell(row.pullPoints)]
                }
                cells.append(String(row.units))
                return cells
            }
            blocks.append(
                .table(
                    ReportTable(
                        caption: "\(nextTable())　\(definition.name)分片区情况（\(context.period.year)年\(label)）",
                        header: header, rows: body, numericColumns: Set(1..<header.count))))
            let bars = rows.compactMap { row in
                row.pullPoints.map { PullBar(name: row.scopeName, value: $0.doubleValue, label: ReportNumbers.rate($0).description) }
            }
            if context.hasPreviousYear, !bars.isEmpty {
                blocks.append(.chart(.pulls(PullChart(title: "\(nextFigure())　\(definition.name)分片区拉动（百分点）", bars: bars))))
            }
        }
        return blocks
    }

    /// "分片区看，东区完成15.0亿元，同比增长17.2%，拉动7.9个百分点；……。"
    func areaSentence(_ definition: IndicatorDefinition, _ rows: [IndicatorRow]) -> String {
        let parts = rows.map { row in
            var text = "\(row.scopeName)完成\(ReportNumbers.levelText(row.ytd, definition))"
            guard context.hasPreviousYear else { return text }
            text += "，" + ReportNumbers.growthPhrase(row.ytdYoYPercent, estimate: row.estimate)
            if let pull = row.pullPoints {
                let shown = ReportNumbers.rate(pull)
                if shown.value > 0 {
                    text += "，拉动全区增长\(shown)个百分点"
                } else if shown.value < 0 {
                    text += "，下拉全区增长\(ReportNumbers.magnitude(shown))个百分点"
                }
            }
            return text
        }
        return "\(definition.name)分片区看，" + parts.joined(separator: "；") + "。"
    }
}
