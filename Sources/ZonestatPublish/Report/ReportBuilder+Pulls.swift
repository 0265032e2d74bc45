import ZonestatCore

/// Section 三: the industries that pulled each indicator most and least (拉动/下拉), ranked
/// on unrounded values, ties at display precision marked 并列 (statistics.md §5).
extension ReportBuilder {
    /// How many industries each side of the ranking names (more when tied with the last).
    static let rankedCount = 3
    /// How many industries a pull chart shows at most (the largest and smallest halves).
    static let chartedCount = 16

    mutating func pullBlocks() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        for definition in catalog.definitions {
            let ranked = context.industryRows(definition.id)
                .compactMap { row in row.pullPoints.map { (row, $0) } }
                .sorted { lhs, rhs in lhs.1 != rhs.1 ? lhs.1 > rhs.1 : lhs.0.scopeId < rhs.0.scopeId }
            guard !ranked.isEmpty else { continue }
            blocks.append(.subheading(definition.name))
            blocks.append(.paragraph(pullSentence(definition, ranked)))
            blocks.append(.chart(.pulls(pullChart(definition, ranked))))
        }
        return blocks
    }

    /// "规上工业总产值同比增长16.6%。分行业看，8个行业中6个行业拉动增长、2个行业下拉。拉动较多的是：……；下拉较多的是：……。"
    func pullSentence(_ definition: IndicatorDefinition, _ ranked: [(IndicatorRow, Ratio)]) -> String {
        let positive = ranked.filter { $0.1 > .zero }
        let negative = ranked.filter { $0.1 < .zero }.reversed()
        var text = definition.name
        if let zone = context.zoneRow(definition.id) {
            text += ReportNumbers.growthPhrase(zone.ytdYoYPercent, estimate: zone.estimate) + "。分行业看，"
        } else {
            text += "分行业看，"
        }
        let flat = ranked.count - positive.count - negative.count
        if negative.isEmpty, flat == 0 {
            text += "\(ranked.count)个行业均拉动增长。"
        } else if positive.isEmpty, flat == 0 {
            text += "\(ranked.count)个行业均下拉。"
        } else {
            text += "\(ranked.count)个行业中\(positive.count)个行业拉动增长、\(negative.count)个行业下拉"
            text += flat > 0 ? "、\(flat)个行业持平。" : "。"
        }
        // A pull that rounds to 0.0 is not worth naming, as either pull or drag.
        let named = positive.filter { !ReportNumbers.isZero(ReportNumbers.rate($0.1)) }
        let dragged = negative.filter { !ReportNumbers.isZero(ReportNumbers.rate($0.1)) }
        var clauses: [String] = []
        if !named.isEmpty {
            clauses.append("拉动较多的是：" + ReportBuilder.rankingPhrase(Array(named), verb: "拉动"))
        }
        if !dragged.isEmpty {
            clauses.append("下拉较多的是：" + ReportBuilder.rankingPhrase(Array(dragged), verb: "下拉"))
        }
        guard !clauses.isEmpty else { return text }
        return text + clauses.joined(separator: "；") + "。"
    }

    /// The first ``rankedCount`` entries (and any tied with the last at one decimal), grouped
    /// by displayed value: "汽车制造业拉动9.1个百分点（贡献率54.9%），通用设备制造业、电气机械和器材制造业并列拉动3.2个百分点".
    static func rankingPhrase(
        _ entries: [(IndicatorRow, Ratio)], verb: String, count: Int = rankedCount,
        name: (IndicatorRow) -> String = industryName
    ) -> String {
        var groups: [(names: [String], shown: FixedDecimal, share: Ratio?)] = []
        var listed = 0
        for (row, pull) in entries {
            let shown = ReportNumbers.magnitude(ReportNumbers.rate(pull))
            if let last = groups.last, last.shown == shown {
                groups[groups.count - 1].names.append(name(row))
            } else {
                guard listed < count else { break }
                groups.append(([name(row)], shown, row.sharePercent))
            }
            listed += 1
        }
        return groups.map { group in
            if group.names.count > 1 {
                return group.names.joined(separator: "、") + "并列\(verb)\(group.shown)个百分点"
            }
            var text = "\(group.names[0])\(verb)\(group.shown)个百分点"
            if verb == "拉动", let share = group.share { text += "（贡献率\(ReportNumbers.rate(share))%）" }
            return text
        }.joined(separator: "，")
    }

    /// The bars, largest pull first; at most ``chartedCount``, the largest and smallest halves.
    private mutating func pullChart(_ definition: IndicatorDefinition, _ ranked: [(IndicatorRow, Ratio)]) -> PullChart {
        var shown = ranked
        if shown.count > ReportBuilder.chartedCount {
            let half = ReportBuilder.chartedCount / 2
            shown = Array(ranked.prefix(half)) + Array(ranked.suffix(half))
        }
        let bars = shown.map { row, pull in
            PullBar(name: ReportBuilder.industryName(row), value: pull.doubleValue, label: ReportNumbers.rate(pull).description)
        }
        var title = "\(nextFigure())　\(definition.name)分行业拉动（百分点）"
        if shown.count < ranked.count { title += "，列出拉动最大和最小的各\(ReportBuilder.chartedCount / 2)个行业" }
        return PullChart(title: title, bars: bars)
    }
}
