import ZonestatCore

/// 重点企业: per indicator with `key_units`, the largest units by 1-本月 with growth and pull,
/// and the units that pulled the zone's growth up most and dragged it most, by name.
extension ReportBuilder {
    /// How many units each side of the pull ranking names.
    static let rankedUnits = 5

    mutating func keyUnitBlocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        for definition in catalog.definitions {
            let count = context.keyUnits[definition.id] ?? 0
            guard count > 0, let zone = context.zoneRow(definition.id) else { continue }
            let rows = context.unitRows(definition.id)
            guard !rows.isEmpty else { continue }
            let largest = rows.leading(count) { lhs, rhs in lhs.ytd != rhs.ytd ? lhs.ytd > rhs.ytd : lhs.scopeId < rhs.scopeId }
            let (pulling, dragging) = ReportBuilder.pullRanking(rows)
            let named = context.units(codes: largest.map(\.scopeId) + (pulling + dragging).map(\.0.scopeId))
            blocks.append(.subheading(definition.name))
            blocks.append(.paragraph(keyUnitSentence(definition, zone: zone, largest: Array(largest), rows: rows)))
            let label = ReportNumbers.periodLabel(context.period)
            let unitLabel = ReportBuilder.unitTableUnit.label
            var header = ["序号", "企业名称", "行业", label + "（\(unitLabel)）"]
            if context.hasPreviousYear { header += ["同比增长（%）", "拉动（百分点）"] }
            let body = largest.enumerated().map { index, row in
                var cells = [String(index + 1), row.scopeName, unitIndustry(row, named), ReportBuilder.unitLevel(row.ytd)]
                if context.hasPreviousYear {
                    cells += [ReportNumbers.rateCell(row.ytdYoYPercent, estimate: row.estimate), ReportNumbers.rateCell(row.pullPoints)]
                }
                return cells
            }
            blocks.append(
                .table(
                    ReportTable(
                        caption: "\(nextTable())　\(definition.name)前\(largest.count)家企业（\(context.period.year)年\(label)）",
                        header: header, rows: body, numericColumns: Set([0] + Array(3..<header.count)))))
            guard context.hasPreviousYear, !(pulling.isEmpty && dragging.isEmpty) else { continue }
            let ranked = pulling + dragging
            blocks.append(
                .table(
                    ReportTable(
                        caption: "\(nextTable())　\(definition.name)拉动和下拉最多的企业",
                        header: ["企业名称", "行业", label + "（\(unitLabel)）", "同比增长（%）", "拉动（百分点）", "贡献率（%）"],
                        rows: ranked.map { row, pull in
                            [
                                row.scopeName, unitIndustry(row, named), ReportBuilder.unitLevel(row.ytd),
                                ReportNumbers.rateCell(row.ytdYoYPercent, estimate: row.estimate),
                                ReportNumbers.rate(pull).description, ReportNumbers.rateCell(row.sharePercent),
                            ]
                        }, numericColumns: [2, 3, 4, 5],
                        note: "注：“—”表示上年同期无基数（新投产或新入库）。")))
            let bars = ranked.map { row, pull in
                PullBar(name: row.scopeName, value: pull.doubleValue, label: ReportNumbers.rate(pull).description)
            }
            blocks.append(.chart(.pulls(PullChart(title: "\(nextFigure())　\(definition.name)拉动和下拉最多的企业（百分点）", bars: bars))))
        }
        return blocks
    }

    /// "规上工业总产值前10家企业1-4月份合计完成12.3亿元，占全区的36.9%。拉动最多的是：A拉动1.2个百分点，……；下拉最多的是：……。"
    func keyUnitSentence(
        _ definition: IndicatorDefinition, zone: IndicatorRow, largest: [IndicatorRow], rows: [IndicatorRow]
    ) -> String {
        let total = largest.reduce(AmountSum.zero) { $0 + $1.ytd }
        var text = "\(definition.name)前\(largest.count)家企业\(ReportNumbers.periodPhrase(context.period))合计完成"
        text += ReportNumbers.levelText(total, definition)
        if let share = Ratio.percent(part: total.raw, whole: zone.ytd.raw) {
            text += "，占全区的\(ReportNumbers.rate(share))%"
        }
        text += "。"
        guard context.hasPreviousYear else { return text }
        let (pulling, dragging) = ReportBuilder.pullRanking(rows)
        var clauses: [String] = []
        if !pulling.isEmpty {
            clauses.append(
                "拉动最多的是：" + ReportBuilder.rankingPhrase(pulling, verb: "拉动", count: ReportBuilder.rankedUnits, name: \.scopeName))
        }
        if !dragging.isEmpty {
            clauses.append(
                "下拉最多的是：" + ReportBuilder.rankingPhrase(dragging, verb: "下拉", count: ReportBuilder.rankedUnits, name: \.scopeName))
        }
        guard !clauses.isEmpty else { return text }
        return text + "从企业看，" + clauses.joined(separator: "；") + "。"
    }

    /// The units that pulled most (largest first) and dragged most (most negative first), at
    /// most ``rankedUnits`` each, ranked on exact values; none whose pull rounds to 0.0.
    static func pullRanking(_ rows: [IndicatorRow]) -> (pulling: [(IndicatorRow, Ratio)], dragging: [(IndicatorRow, Ratio)]) {
        let ranked = rows.lazy.compactMap { row in row.pullPoints.map { (row, $0) } }
            .filter { !ReportNumbers.isZero(ReportNumbers.rate($0.1)) }
        // Most pulling first (then by credit code); most dragging first (then by credit code, reversed).
        let pulling = ranked.filter { $0.1 > .zero }
            .leading(rankedUnits) { lhs, rhs in lhs.1 != rhs.1 ? lhs.1 > rhs.1 : lhs.0.scopeId < rhs.0.scopeId }
        let dragging = ranked.filter { $0.1 < .zero }
            .leading(rankedUnits) { lhs, rhs in lhs.1 != rhs.1 ? lhs.1 < rhs.1 : lhs.0.scopeId > rhs.0.scopeId }
        return (pulling, dragging)
    }

    /// The unit the key-enterprise tables state amounts in.
    static let unitTableUnit = MoneyUnit.tenThousandYuan

    /// A unit's amount in 万元 to one decimal.
    static func unitLevel(_ sum: AmountSum) -> String {
        sum.exactDecimal(in: unitTableUnit).rounded(decimals: 1).description
    }

    /// The industry name of a unit row's unit (from `units`, the warehouse's by credit code),
    /// `—` when unknown.
    func unitIndustry(_ row: IndicatorRow, _ units: [String: UnitInfo]) -> String {
        guard let code = units[row.scopeId]?.industry, code.count >= 2 else { return ReportNumbers.undefined }
        return IndustryDivision.name(String(code.prefix(2))) ?? ReportNumbers.undefined
    }
}
