import ZonestatCore

/// The targets of statistics.md §4, naively.
extension ComputeNaiveReference {
    struct TargetEntry: Hashable {
        var year: Int
        var indicator: String
        var kind: TargetKind
        var amount: Amount?
        var count: Int?
        var growth: Ratio?
        var source: String
    }

    var targetEntries: [TargetEntry] {
        var entries = Set<TargetEntry>()
        for target in input.targets {
            if target.indicator == "new_units" {
                if let count = target.count {
                    entries.insert(TargetEntry(year: target.year, indicator: target.indicator, kind: .count, count: count, source: target.source))
                }
                continue
            }
            guard input.indicators.contains(where: { $0.id == target.indicator }) else { continue }
            if let amount = target.amount {
                entries.insert(TargetEntry(year: target.year, indicator: target.indicator, kind: .level, amount: amount, source: target.source))
            }
            if let growth = target.growthPercent {
                entries.insert(TargetEntry(year: target.year, indicator: target.indicator, kind: .rate, growth: growth, source: target.source))
            }
        }
        return Array(entries)
    }

    func conflicted(_ entry: TargetEntry) -> Bool {
        targetEntries.contains {
            $0.year == entry.year && $0.indicator == entry.indicator && $0.kind == entry.kind
                && ($0.amount != entry.amount || $0.count != entry.count || $0.growth != entry.growth)
        }
    }

    /// Last year's zone ytd at `month`, over the units with a ytd then; nil when none.
    func lastYearZone(_ indicator: Int, _ year: Int, _ month: Int) -> Int128? {
        let values = input.units.indices.compactMap { ytd($0, indicator, year - 1, month) }
        return values.isEmpty ? nil : values.reduce(Int128(0)) { $0 + Int128($1) }
    }

    func targetRows() -> [TargetRow] {
        var rows: [TargetRow] = []
        let rank = { (entry: TargetEntry) in input.indicators.firstIndex { $0.id == entry.indicator } ?? input.indicators.count }
        let kindRank: [TargetKind: Int] = [.level: 0, .rate: 1, .count: 2]
        for period in rosterPeriods {
            let entries = targetEntries.filter { $0.year == period.year }.sorted {
                (rank($0), kindRank[$0.kind] ?? 0, $0.source, $0.amount?.raw ?? 0, $0.count ?? 0, $0.growth ?? .zero)
                    < (rank($1), kindRank[$1.kind] ?? 0, $1.source, $1.amount?.raw ?? 0, $1.count ?? 0, $1.growth ?? .zero)
            }
            let timeProgress = Ratio(numerator: Int128(period.month) * 100, denominator: 12)
            for entry in entries {
                let conflict = conflicted(entry)
                if entry.kind == .count, let target = entry.count {
                    let new = roster(period).new.count
                    let completion = Ratio.percent(part: Int128(new), whole: Int128(target))
                    let ahead = completion.flatMap { c in timeProgress.flatMap { c.subtracting($0) } }
                    let status: TargetStatus =
                        conflict || ahead == nil ? .notApplicable : new >= target ? .met : (ahead ?? .zero) >= .zero ? .ahead : .behind
                    rows.append(
                        TargetRow(
                            period: period, indicator: entry.indicator, year: entry.year, kind: .count, targetCount: target,
                            source: entry.source, ytdCount: new, completionPercent: completion, timeProgressPercent: timeProgress,
                            aheadPoints: ahead, status: status))
                    continue
                }
                guard let indicator = input.indicators.firstIndex(where: { $0.id == entry.indicator }),
                    outputPeriods(indicator).contains(period)
                else { continue }
                let scope = input.units.indices.filter { reports($0, indicator, period) }
                let zone = sums(scope, indicator, period)
                let growth = Ratio.growthPercent(current: zone.ytd, base: zone.base)
                var rest: Int128?
                if let december = lastYearZone(indicator, period.year, 12) {
                    let r = december - (lastYearZone(indicator, period.year, period.month) ?? 0)
                    rest = r > 0 ? r : nil
                }
                if entry.kind == .level, let target = entry.amount {
                    let completion = Ratio.percent(part: zone.ytd, whole: Int128(target.raw))
                    let ahead = completion.flatMap { c in timeProgress.flatMap { c.subtracting($0) } }
                    let required = rest.flatMap { r in
                        Ratio(numerator: Int128(target.raw) - zone.ytd, denominator: r)?.subtracting(Ratio(1))?.multiplied(by: Ratio(100))
                    }
                    let status: TargetStatus =
                        conflict || ahead == nil
                        ? .notApplicable : zone.ytd >= Int128(target.raw) ? .met : (ahead ?? .zero) >= .zero ? .ahead : .behind
                    rows.append(
                        TargetRow(
                            period: period, indicator: entry.indicator, year: entry.year, kind: .level,
                            targetAmount: AmountSum(target), source: entry.source, ytdAmount: AmountSum(raw: zone.ytd),
                            ytdYoYPercent: growth, completionPercent: completion, timeProgressPercent: timeProgress,
                            aheadPoints: ahead, requiredRestGrowthPercent: required, status: status))
                } else if entry.kind == .rate, let target = entry.growth {
                    // ((1 + G)·(B + R) − ytd) / R − 1
                    let required = rest.flatMap { r -> Ratio? in
                        let onePlusG = Ratio(100).adding(target)?.divided(by: Ratio(100))
                        return onePlusG?.multiplied(by: Ratio(zone.base + r))?.subtracting(Ratio(zone.ytd))?
                            .divided(by: Ratio(r))?.subtracting(Ratio(1))?.multiplied(by: Ratio(100))
                    }
                    let status: TargetStatus = conflict ? .notApplicable : growth.map { $0 >= target ? .ahead : .behind } ?? .notApplicable
                    rows.append(
                        TargetRow(
                            period: period, indicator: entry.indicator, year: entry.year, kind: .rate,
                            targetGrowthPercent: target, source: entry.source, ytdAmount: AmountSum(raw: zone.ytd),
                            ytdYoYPercent: growth, gapPoints: growth.flatMap { target.subtracting($0) },
                            requiredRestGrowthPercent: required, status: status))
                }
            }
        }
        return rows
    }
}
