import ZonestatCore

/// Momentum (走势): each indicator's cumulative growth against the previous period's
/// (增速比1-3月提高0.9个百分点), and the month against the previous month (环比), where both
/// months exist and neither is a merged 1-2月.
extension ReportBuilder {
    /// "从走势看，一般公共预算收入增速比1-3月提高0.9个百分点，4月当月环比增长5.2%；……。", or nil
    /// when no indicator has a previous period to compare with.
    func momentumSentence() -> String? {
        var parts: [String] = []
        for definition in catalog.definitions {
            guard let row = context.zoneRow(definition.id), let previous = context.previousZoneRow(definition.id) else {
                continue
            }
            var clauses: [String] = []
            if let growth = growthChange(row, previous) { clauses.append(growth) }
            if let month = monthOnMonth(row, previous, definition) { clauses.append(month) }
            if !clauses.isEmpty { parts.append(definition.name + clauses.joined(separator: "，")) }
        }
        guard !parts.isEmpty else { return nil }
        return "从走势看，" + parts.joined(separator: "；") + "。"
    }

    /// `增速比1-3月提高0.9个百分点`, `增速比1-3月回落1.2个百分点`, `增速与1-3月持平`: the
    /// difference of the two growth rates as the report prints them.
    func growthChange(_ row: IndicatorRow, _ previous: IndicatorRow) -> String? {
        guard context.hasPreviousYear, let now = row.ytdYoYPercent, let before = previous.ytdYoYPercent else { return nil }
        let label = ReportNumbers.periodLabel(previous.period)
        let change = ReportNumbers.rate(now) - ReportNumbers.rate(before)
        if ReportNumbers.isZero(change) { return "增速与\(label)持平" }
        if change.value > 0 { return "增速比\(label)提高\(change)个百分点" }
        return "增速比\(label)回落\(ReportNumbers.magnitude(change))个百分点"
    }

    /// `4月当月环比增长5.2%`: this month against the previous month, none against a merged 1-2月
    /// or a previous month of nothing.
    func monthOnMonth(_ row: IndicatorRow, _ previous: IndicatorRow, _ definition: IndicatorDefinition) -> String? {
        if definition.mergeJanFeb, previous.period.month <= 2 { return nil }
        guard let month = row.month, let before = previous.month, before > .zero,
            let percent = Ratio.growthPercent(current: month, base: before)
        else { return nil }
        let shown = ReportNumbers.rate(percent)
        let lead = "\(row.period.month)月当月环比"
        if ReportNumbers.isZero(shown) { return lead + "持平" }
        if shown.value < 0 { return lead + "下降\(ReportNumbers.magnitude(shown))%" }
        return lead + "增长\(shown)%"
    }
}
