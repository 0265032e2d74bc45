import ZonestatCore

/// The table and chart of section 二.
extension ReportBuilder {
    mutating func targetTable(_ targets: [TargetRow]) throws(PublishError) -> ReportTable {
        let label = ReportNumbers.periodLabel(context.period)
        var body: [[String]] = []
        for row in targets {
            let done: String
            switch row.kind {
            case .level:
                let definition = try catalog.definition(row.indicator, in: "report.md")
                done = row.ytdAmount.map { ReportNumbers.levelText($0, definition) } ?? ReportNumbers.undefined
            case .count:
                done = row.ytdCount.map { "\($0)家" } ?? ReportNumbers.undefined
            case .rate:
                done = row.ytdYoYPercent.map { "\(ReportNumbers.rate($0))%" } ?? ReportNumbers.undefined
            }
            let shownCompletion = row.completionPercent.map(ReportNumbers.rate)
            let shownProgress = row.timeProgressPercent.map(ReportNumbers.rate)
            var ahead = ReportNumbers.undefined
            if let shownCompletion, let shownProgress { ahead = ReportBuilder.signed(shownCompletion - shownProgress) }
            // One sign convention: + ahead of time progress, + above the growth target.
            var gap = ReportNumbers.undefined
            if let goal = row.targetGrowthPercent, let growth = row.ytdYoYPercent, row.kind == .rate {
                gap = ReportBuilder.signed(ReportNumbers.rate(growth) - ReportNumbers.rate(goal))
            }
            if isConflict(row) {
                // None of the conflicting targets is used: no figure is measured against them.
                body.append([
                    catalog.name(of: row.indicator), ReportBuilder.kindLabel(row.kind), try targetValueText(row), done,
                ] + Array(repeating: ReportNumbers.undefined, count: 5) + [statusLabel(row)])
                continue
            }
            body.append([
                catalog.name(of: row.indicator), ReportBuilder.kindLabel(row.kind), try targetValueText(row), done,
                shownCompletion?.description ?? ReportNumbers.undefined,
                shownProgress?.description ?? ReportNumbers.undefined, ahead, gap,
                ReportNumbers.rateCell(row.requiredRestGrowthPercent), statusLabel(row),
            ])
        }
        let rest = remainingMonths > 0 ? "后\(remainingMonths)个月需增长（%）" : "后续需增长（%）"
        return ReportTable(
            caption: "\(nextTable())　年度目标完成情况（\(context.period.year)年\(label)）",
            header: ["指标", "类型", "全年目标", label, "完成率（%）", "序时进度（%）", "超(+)/落后(−)序时进度（百分点）",
                     "高于(+)/低于(−)目标增速（百分点）", rest, "状态"],
            rows: body, numericColumns: [4, 5, 6, 7, 8],
            note: "注：百分点差按表中显示的一位小数计算，正数为超序时进度或高于目标增速；增速目标不与序时进度比较。")
    }

    /// `+36.3`, `-5.7`, `0.0`.
    static func signed(_ value: FixedDecimal) -> String {
        value.value > 0 ? "+\(value)" : value.description
    }

    static func kindLabel(_ kind: TargetKind) -> String {
        switch kind {
        case .level: "总量"
        case .rate: "增速"
        case .count: "户数"
        }
    }

    func statusLabel(_ row: TargetRow) -> String {
        switch row.status {
        case .met: "已完成"
        case .ahead: row.kind == .rate ? "高于目标" : "超序时进度"
        case .behind: row.kind == .rate ? "低于目标" : "落后序时进度"
        case .notApplicable: isConflict(row) ? "目标冲突" : "无法计算"
        }
    }

    /// Completion against time progress for the level and count targets that have both.
    mutating func targetChart(_ targets: [TargetRow]) -> TargetChart? {
        let bars: [TargetBar] = targets.compactMap { row in
            guard row.kind != .rate, row.status != .notApplicable, let completion = row.completionPercent,
                let progress = row.timeProgressPercent
            else { return nil }
            let name = catalog.name(of: row.indicator)
            return TargetBar(
                name: name, completion: completion.doubleValue,
                completionLabel: "\(ReportNumbers.rate(completion))%", timeProgress: progress.doubleValue,
                timeProgressLabel: "\(ReportNumbers.rate(progress))%")
        }
        guard !bars.isEmpty else { return nil }
        return TargetChart(title: "\(nextFigure())　年度目标完成率与序时进度（%）", bars: bars)
    }
}
