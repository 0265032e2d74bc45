import ZonestatCore

/// Section 二: each target's completion, gap and required growth; conflicts named with their
/// sources; a table and a chart of completion against time progress.
extension ReportBuilder {
    mutating func targetBlocks() throws(PublishError) -> [ReportBlock] {
        let targets = context.targets
        guard !targets.isEmpty else { return [] }
        var sentences: [String] = []
        var conflictsSaid: Set<String> = []
        for row in targets {
            if isConflict(row) {
                let key = row.indicator + "|" + row.kind.rawValue
                guard !conflictsSaid.contains(key) else { continue }
                conflictsSaid.insert(key)
                sentences.append(try conflictSentence(row))
            } else {
                sentences.append(try targetSentence(row))
            }
        }
        var blocks: [ReportBlock] = sentences.map(ReportBlock.paragraph)
        blocks.append(.table(try targetTable(targets)))
        if let chart = targetChart(targets) { blocks.append(.chart(.targets(chart))) }
        return blocks
    }

    /// Months left in the year after the period.
    var remainingMonths: Int { 12 - context.period.month }

    /// Whether a row is one of two or more conflicting targets (status n/a with another row of
    /// the same indicator and kind, or a `target_conflict` warning on the indicator).
    func isConflict(_ row: TargetRow) -> Bool {
        guard row.status == .notApplicable else { return false }
        let siblings = context.targets.filter { $0.indicator == row.indicator && $0.kind == row.kind }
        return siblings.count > 1 || conflictWarnings(row.indicator).isEmpty == false
    }

    private func conflictWarnings(_ indicator: String) -> [ComputeWarning] {
        context.result.warnings.filter { $0.code == "target_conflict" && $0.indicator == indicator }
    }

    /// One target in words, from the figures.
    func targetSentence(_ row: TargetRow) throws(PublishError) -> String {
        let name = catalog.name(of: row.indicator)
        let period = ReportNumbers.periodPhrase(context.period)
        switch row.kind {
        case .level:
            let definition = try catalog.definition(row.indicator, in: "report.md")
            let target = row.targetAmount.map { ReportNumbers.plainLevelText($0, definition) } ?? ReportNumbers.undefined
            let done = row.ytdAmount.map { ReportNumbers.levelText($0, definition) } ?? ReportNumbers.undefined
            return "\(name)全年目标\(target)，\(period)完成\(done)" + progressClauses(row) + "。"
        case .count:
            let target = row.targetCount.map { "\($0)家" } ?? ReportNumbers.undefined
            let done = row.ytdCount.map { "\($0)家" } ?? ReportNumbers.undefined
            return "\(name)全年目标\(target)，\(period)已新增\(done)" + progressClauses(row) + "。"
        case .rate:
            let target = row.targetGrowthPercent.map(ReportNumbers.signedTarget) ?? ReportNumbers.undefined
            let estimate = context.zoneRow(row.indicator)?.estimate ?? false
            var text = "\(name)\(period)\(ReportNumbers.growthPhrase(row.ytdYoYPercent, estimate: estimate))"
            if let growth = row.ytdYoYPercent, let goal = row.targetGrowthPercent {
                let gap = ReportNumbers.rate(goal) - ReportNumbers.rate(growth)
                if gap.value > 0 {
                    text += "，与全年目标任务（\(target)）相差\(gap)个百分点"
                } else if gap.value < 0 {
                    text += "，高于全年目标任务（\(target)）\(ReportNumbers.magnitude(gap))个百分点"
                } else {
                    text += "，与全年目标任务（\(target)）持平"
                }
            } else {
                text += "，暂无法与全年目标任务（\(target)）比较"
            }
            return text + restClause(row) + "。"
        }
    }

    /// "，完成全年目标任务的27.6%，落后序时进度5.7个百分点，后8个月需增长30.9%".
    private func progressClauses(_ row: TargetRow) -> String {
        guard let completion = row.completionPercent else { return "，完成率无法计算" + restClause(row) }
        let shown = ReportNumbers.rate(completion)
        var text = "，完成全年目标任务的\(shown)%"
        if row.status == .met {
            return text + "，已完成全年目标任务"
        }
        if let progress = row.timeProgressPercent {
            let difference = shown - ReportNumbers.rate(progress)
            if difference.value > 0 {
                text += "，超序时进度\(difference)个百分点"
            } else if difference.value < 0 {
                text += "，落后序时进度\(ReportNumbers.magnitude(difference))个百分点"
            } else {
                text += "，与序时进度持平"
            }
        }
        return text + restClause(row)
    }

    /// "，后8个月需增长35.4%", or nothing when the required growth is undefined.
    private func restClause(_ row: TargetRow) -> String {
        guard remainingMonths > 0, row.status != .met, let required = row.requiredRestGrowthPercent else { return "" }
        let shown = ReportNumbers.rate(required)
        if shown.value < 0 {
            return "，后\(remainingMonths)个月同比下降不超过\(ReportNumbers.magnitude(shown))%即可完成全年目标"
        }
        return "，后\(remainingMonths)个月需增长\(shown)%"
    }

    /// The targets of one indicator and kind that disagree, each with its source.
    func conflictSentence(_ row: TargetRow) throws(PublishError) -> String {
        let siblings = context.targets.filter { $0.indicator == row.indicator && $0.kind == row.kind }
        var stated: [String] = []
        for sibling in siblings {
            let value = try targetValueText(sibling)
            let entry = "\(value)（来源：\(sibling.source)）"
            if !stated.contains(entry) { stated.append(entry) }
        }
        var text = "\(catalog.name(of: row.indicator))全年目标存在冲突：" + stated.joined(separator: "与")
        if stated.count > 1 { text += "不一致" }
        // The core's warning names every source; it is needed only when the row stands alone.
        if stated.count < 2 {
            let notes = conflictWarnings(row.indicator).map(\.message)
            if !notes.isEmpty { text += "（" + notes.joined(separator: "；") + "）" }
        }
        return text + "，请核定目标后再评价完成情况。"
    }

    /// The target as stated: `52亿元`, `+30%`, `23家`.
    func targetValueText(_ row: TargetRow) throws(PublishError) -> String {
        switch row.kind {
        case .level:
            let definition = try catalog.definition(row.indicator, in: "report.md")
            return row.targetAmount.map { ReportNumbers.plainLevelText($0, definition) } ?? ReportNumbers.undefined
        case .rate:
            return row.targetGrowthPercent.map(ReportNumbers.signedTarget) ?? ReportNumbers.undefined
        case .count:
            return row.targetCount.map { "\($0)家" } ?? ReportNumbers.undefined
        }
    }
}
