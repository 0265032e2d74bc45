import ZonestatCore

/// Section 一: the opening sentence, the table of the main indicators, the growth charts.
extension ReportBuilder {
    mutating func overviewBlocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.paragraph(headline())]
        if let momentum = momentumSentence() { blocks.append(.paragraph(momentum)) }
        let rows = catalog.definitions.compactMap { definition in
            context.zoneRow(definition.id).map { (definition, $0) }
        }
        guard !rows.isEmpty else { return blocks }
        blocks.append(.table(overviewTable(rows)))
        for (definition, _) in rows {
            if let chart = growthChart(definition) { blocks.append(.chart(.growth(chart))) }
        }
        return blocks
    }

    /// "1-4月份，实现一般公共预算收入2.26亿元，同比增长51.1%；……。新增规上工业企业16家（净增12家）。"
    func headline() -> String {
        var parts: [String] = []
        for definition in catalog.definitions {
            guard let row = context.zoneRow(definition.id) else { continue }
            var part = "\(definition.name)\(ReportNumbers.levelText(row.ytd, definition))"
            if context.hasPreviousYear {
                part += "，" + ReportNumbers.growthPhrase(row.ytdYoYPercent, estimate: row.estimate)
            }
            parts.append(part)
        }
        var text = ReportNumbers.periodPhrase(context.period) + "，"
        text += parts.isEmpty ? "暂无可发布的指标数据。" : "实现" + parts.joined(separator: "；") + "。"
        guard context.hasPreviousYear else { return text + ReportBuilder.noPreviousYear }
        if let zone = context.roster.first(where: { $0.scope == .zone }) {
            text += "\(IndicatorCatalog.newUnitsName)\(zone.newUnits)家（\(ReportBuilder.netPhrase(zone.netUnits))）。"
        }
        return text
    }

    /// What a zone's first year says instead of any year-on-year figure.
    static let noPreviousYear = "上年无数据，不计算同比。"

    /// `净增12家`, `净减3家`.
    static func netPhrase(_ net: Int) -> String {
        net < 0 ? "净减\(-net)家" : "净增\(net)家"
    }

    private mutating func overviewTable(_ rows: [(IndicatorDefinition, IndicatorRow)]) -> ReportTable {
        let label = ReportNumbers.periodLabel(context.period)
        guard context.hasPreviousYear else { return firstYearTable(rows) }
        let body = rows.map { definition, row in
            [
                definition.name, definition.displayUnit.label, ReportNumbers.level(row.ytd, definition).description,
                ReportNumbers.rateCell(row.ytdYoYPercent, estimate: row.estimate),
                ReportNumbers.level(row.ytdIncrement, definition).description,
                row.month.map { ReportNumbers.level($0, definition).description } ?? ReportNumbers.undefined,
                ReportNumbers.rateCell(row.monthYoYPercent, estimate: row.estimate), String(row.units),
            ]
        }
        var notes = ["同比增速按同口径计算；“—”表示上年同期无基数"]
        if rows.contains(where: { $0.1.estimate }) { notes.append("“估算”为按价格指数折算的估算增速") }
        if context.period.month == 2, rows.contains(where: { $0.0.mergeJanFeb }) {
            notes.append("1-2月合并的指标，“当月”为1-2月合计")
        }
        return ReportTable(
            caption: "\(nextTable())　主要经济指标（\(context.period.year)年\(label)）",
            header: ["指标", "单位", label, "同比增长（%）", "增量", "当月", "当月同比（%）", "户数"],
            rows: body, numericColumns: [2, 3, 4, 5, 6, 7], note: "注：" + notes.joined(separator: "；") + "。")
    }

    /// Table 1 of a zone's first year: levels only.
    private mutating func firstYearTable(_ rows: [(IndicatorDefinition, IndicatorRow)]) -> ReportTable {
        let label = ReportNumbers.periodLabel(context.period)
        let body = rows.map { definition, row in
            [
                definition.name, definition.displayUnit.label, ReportNumbers.level(row.ytd, definition).description,
                row.month.map { ReportNumbers.level($0, definition).description } ?? ReportNumbers.undefined,
                String(row.units),
            ]
        }
        var notes = ["上年无数据，不计算同比"]
        if context.period.month == 2, rows.contains(where: { $0.0.mergeJanFeb }) {
            notes.append("1-2月合并的指标，“当月”为1-2月合计")
        }
        return ReportTable(
            caption: "\(nextTable())　主要经济指标（\(context.period.year)年\(label)）",
            header: ["指标", "单位", label, "当月", "户数"],
            rows: body, numericColumns: [2, 3, 4], note: "注：" + notes.joined(separator: "；") + "。")
    }

    /// Ytd growth by month, this year against last year, from the zone series.
    private mutating func growthChart(_ definition: IndicatorDefinition) -> GrowthChart? {
        let year = context.period.year
        var rows = context.series.filter { $0.scope == .zone && $0.indicator == definition.id }
        if let current = context.zoneRow(definition.id), !rows.contains(where: { $0.period == current.period }) {
            rows.append(current)
        }
        func points(_ chartYear: Int, through month: Int) -> [ChartPoint] {
            rows.filter { $0.period.year == chartYear && $0.period.month <= month }
                .sorted { $0.period < $1.period }
                .compactMap { row in
                    row.ytdYoYPercent.map {
                        ChartPoint(position: row.period.month, value: $0.doubleValue, label: ReportNumbers.rate($0).description)
                    }
                }
        }
        let thisYear = points(year, through: context.period.month)
        let lastYear = points(year - 1, through: 12)
        // One point is no line: a chart needs at least two.
        guard thisYear.count + lastYear.count >= 2 else { return nil }
        return GrowthChart(
            title: "\(nextFigure())　\(definition.name)累计增速（%）",
            firstMonth: definition.mergeJanFeb ? 2 : 1, lastMonth: 12,
            series: [
                GrowthSeries(label: "\(year - 1)年", emphasised: false, points: lastYear),
                GrowthSeries(label: "\(year)年", emphasised: true, points: thisYear),
            ])
    }
}
