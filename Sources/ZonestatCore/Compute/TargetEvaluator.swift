/// Measures the targets of one period (statistics.md §4): completion and time progress for
/// level and count targets, the gap for rate targets, and the growth needed over the rest of
/// the year.
struct TargetEvaluator {
    let plan: TargetPlan
    let window: SeriesWindow
    let period: Period
    /// The zone figures of each indicator with an output at the period (by indicator index).
    let zone: [Int: ZoneFigures]
    /// The zone's new units at the period, nil when the period has no roster.
    let newUnits: Int?

    /// The period's target rows in row order, and a `target_conflict` warning per conflict shown.
    func run() -> (rows: [TargetRow], warnings: [ComputeWarning]) {
        var rows: [TargetRow] = []
        var shownConflicts = Set<Int>()
        var warnings: [ComputeWarning] = []
        for entry in plan.entries where entry.year == period.year {
            guard let row = row(for: entry) else { continue }
            rows.append(row)
            if let conflict = entry.conflict, shownConflicts.insert(conflict).inserted {
                let details = plan.conflicts[conflict]
                warnings.append(
                    .targetConflict(
                        period: period, year: details.year, indicator: details.indicator, kind: details.kind,
                        listing: details.listing))
            }
        }
        return (rows, warnings)
    }

    private func row(for entry: TargetPlan.Entry) -> TargetRow? {
        let timeProgress = Ratio.percent(part: Int128(period.month), whole: 12)
        switch entry.kind {
        case .count:
            guard let newUnits, let target = entry.count else { return nil }
            let completion = Ratio.percent(part: Int128(newUnits), whole: Int128(target))
            return TargetRow(
                period: period, indicator: entry.indicator, year: entry.year, kind: .count, targetCount: target,
                source: entry.source, ytdCount: newUnits, completionPercent: completion,
                timeProgressPercent: timeProgress, aheadPoints: TargetEvaluator.points(completion, timeProgress),
                status: entry.conflict != nil
                    ? .notApplicable : TargetEvaluator.levelStatus(reached: newUnits >= target, completion, timeProgress))
        case .level:
            guard let indicator = entry.indicatorIndex, let figures = zone[indicator], let target = entry.amount else {
                return nil
            }
            let ytd = figures.ytd.raw
            let completion = Ratio.percent(part: ytd, whole: Int128(target.raw))
            let rest = restOfYear(indicator: indicator)
            let required = rest.flatMap { rest in
                Ratio(numerator: 100 * (Int128(target.raw) - ytd - rest), denominator: rest)
            }
            return TargetRow(
                period: period, indicator: entry.indicator, year: entry.year, kind: .level,
                targetAmount: AmountSum(target), source: entry.source, ytdAmount: figures.ytd,
                ytdYoYPercent: figures.growth, completionPercent: completion, timeProgressPercent: timeProgress,
                aheadPoints: TargetEvaluator.points(completion, timeProgress), requiredRestGrowthPercent: required,
                status: entry.conflict != nil
                    ? .notApplicable
                    : TargetEvaluator.levelStatus(reached: ytd >= Int128(target.raw), completion, timeProgress))
        case .rate:
            guard let indicator = entry.indicatorIndex, let figures = zone[indicator], let target = entry.growth else {
                return nil
            }
            let status: TargetStatus
            if entry.conflict != nil {
                status = .notApplicable
            } else if let growth = figures.growth {
                status = growth >= target ? .ahead : .behind
            } else {
                status = .notApplicable
            }
            return TargetRow(
                period: period, indicator: entry.indicator, year: entry.year, kind: .rate,
                targetGrowthPercent: target, source: entry.source, ytdAmount: figures.ytd,
                ytdYoYPercent: figures.growth, gapPoints: figures.growth.flatMap { target.subtracting($0) },
                requiredRestGrowthPercent: requiredRate(target: target, figures: figures, indicator: indicator),
                status: status)
        }
    }

    /// R: what last year recorded for months N+1…12, each month-end over last year's own
    /// scope; nil when last year's December is missing or R ≤ 0.
    private func restOfYear(indicator: Int) -> Int128? {
        guard let lastYear = window.series(indicator: indicator, year: period.year - 1),
            let december = lastYear.zoneYtd(month: 12)
        else { return nil }
        let rest = december - (lastYear.zoneYtd(month: period.month) ?? 0)
        return rest > 0 ? rest : nil
    }

    /// g_rest = ((1 + G)·(B_N + R) − ytd(N)) / R − 1, in percent, with ytd at comparable prices
    /// when the indicator is deflated.
    private func requiredRate(target: Ratio, figures: ZoneFigures, indicator: Int) -> Ratio? {
        guard let rest = restOfYear(indicator: indicator),
            let factor = Ratio(100).adding(target)?.divided(by: Ratio(100)),
            let needed = factor.multiplied(by: Ratio(figures.base.raw + rest)),
            let remaining = needed.subtracting(figures.comparableYtd),
            let growth = remaining.divided(by: Ratio(rest))?.subtracting(Ratio(1))
        else { return nil }
        return growth.multiplied(by: Ratio(100))
    }

    /// completion − time progress, in points.
    private static func points(_ completion: Ratio?, _ timeProgress: Ratio?) -> Ratio? {
        guard let completion, let timeProgress else { return nil }
        return completion.subtracting(timeProgress)
    }

    /// `met` once reached; else `ahead` or `behind` time progress; `n/a` when completion is undefined.
    private static func levelStatus(reached: Bool, _ completion: Ratio?, _ timeProgress: Ratio?) -> TargetStatus {
        guard let completion, let timeProgress else { return .notApplicable }
        if reached { return .met }
        return completion >= timeProgress ? .ahead : .behind
    }
}
