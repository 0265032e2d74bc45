import ZonestatCore

/// 数据修订说明: when the period was published again and the zone's figures moved, each figure
/// from what to what in the report's own units, and the correction files that caused it.
extension ReportBuilder {
    func revisionBlocks() -> [ReportBlock] {
        let zone = context.changes.filter { $0.scope == ScopeKind.zone.rawValue }
        guard !zone.isEmpty else { return [] }
        var blocks: [ReportBlock] = []
        // One paragraph per republication, oldest first.
        var order: [String] = []
        var byPublication: [String: [PublishedChange]] = [:]
        for change in zone {
            if byPublication[change.publishedNow] == nil { order.append(change.publishedNow) }
            byPublication[change.publishedNow, default: []].append(change)
        }
        for publication in order {
            let changes = byPublication[publication] ?? []
            var phrases: [String] = []
            for definition in catalog.definitions {
                let level = changes.first { $0.indicator == definition.id && $0.field == "ytd" }
                let growth = changes.first { $0.indicator == definition.id && $0.field == "ytd_yoy_pct" }
                var parts: [String] = []
                if let level, let old = level.oldDisplay, let new = level.newDisplay, old != new {
                    parts.append("由\(old)修订为\(new)")
                }
                if let growth, let old = growth.oldDisplay, let new = growth.newDisplay, old != new {
                    parts.append("同比增速由\(old)修订为\(new)")
                }
                if !parts.isEmpty { phrases.append(definition.name + parts.joined(separator: "，")) }
            }
            let when = ReportBuilder.runDate(publication).map { "于\($0)" } ?? ""
            var text = "本期数据\(when)重新发布。"
            if phrases.isEmpty {
                text += "全区主要指标的变动均小于本报告所示精度，报告所列数据不变。"
            } else {
                text += "与此前发布的数据相比，" + phrases.joined(separator: "；") + "。"
            }
            blocks.append(.paragraph(text))
        }
        if !context.revisingFiles.isEmpty {
            let files = context.revisingFiles.map { "“\($0.name)”更正数据\($0.values)个" }
            blocks.append(.paragraph("修订依据：" + files.joined(separator: "；") + "。"))
        }
        return blocks
    }

    /// `2026年12月3日` from a run id that starts `20261203T…`; nil for any other form.
    static func runDate(_ runId: String) -> String? {
        let digits = Array(runId.prefix(8))
        guard digits.count == 8, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let year = Int(String(digits[0..<4])), let month = Int(String(digits[4..<6])), let day = Int(String(digits[6..<8])),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return "\(year)年\(month)月\(day)日"
    }
}
