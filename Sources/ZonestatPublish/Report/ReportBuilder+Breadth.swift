import ZonestatCore

/// Section 四: growth breadth (增长面/下降面) of the zone, with units that had no base counted
/// apart, and a table by industry.
extension ReportBuilder {
    mutating func breadthBlocks() -> [ReportBlock] {
        let rows = context.roster
        guard let zone = rows.first(where: { $0.scope == .zone }) else { return [] }
        var blocks: [ReportBlock] = [.paragraph(breadthSentence(zone))]
        let body = rows.map { row in
            [
                row.scope == .zone ? "全区" : row.scopeName, String(row.units), String(row.newUnits),
                String(row.exitedUnits), String(row.netUnits), String(row.growingUnits), String(row.decliningUnits),
                String(row.unchangedUnits), String(row.noBaseUnits), ReportNumbers.rateCell(row.growingSharePercent),
                ReportNumbers.rateCell(row.decliningSharePercent),
            ]
        }
        blocks.append(
            .table(
                ReportTable(
                    caption: "\(nextTable())　分行业企业增减及增长面（按\(catalog.name(of: zone.indicator))计）",
                    header: ["范围", "企业数", "新增", "退出", "净增", "增长", "下降", "持平", "无基数", "增长面（%）", "下降面（%）"],
                    rows: body, numericColumns: Set(1...10),
                    note: "注：增长面、下降面以上年同期有基数的企业为分母，无基数企业单列。")))
        return blocks
    }

    /// "从增长面看，按规上工业总产值计，全区125家企业中上年同期有基数的113家，增长80家、下降30家、持平3家，增长面70.8%，下降面26.5%；另有12家上年同期无基数……"
    func breadthSentence(_ zone: RosterRow) -> String {
        let based = zone.growingUnits + zone.decliningUnits + zone.unchangedUnits
        var text = "从增长面看，按\(catalog.name(of: zone.indicator))计，全区\(zone.units)家企业中"
        text += "上年同期有基数的\(based)家，增长\(zone.growingUnits)家、下降\(zone.decliningUnits)家"
        if zone.unchangedUnits > 0 { text += "、持平\(zone.unchangedUnits)家" }
        text += "，增长面\(ReportNumbers.rateText(zone.growingSharePercent))%"
        text += "，下降面\(ReportNumbers.rateText(zone.decliningSharePercent))%"
        if zone.noBaseUnits > 0 {
            text += "；另有\(zone.noBaseUnits)家上年同期无基数（新投产或新入库），不计入增长面"
        }
        text += "。本期新增\(zone.newUnits)家、退出\(zone.exitedUnits)家，\(ReportBuilder.netPhrase(zone.netUnits))。"
        return text
    }
}
