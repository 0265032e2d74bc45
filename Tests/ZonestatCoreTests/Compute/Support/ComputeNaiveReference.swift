import ZonestatCore

/// A deliberately simple implementation of statistics.md, to check the compute core against:
/// dictionaries keyed by unit and period, straight loops, the formulas as written. Slow, and
/// meant to be obviously right. No price deflation (checked separately).
struct ComputeNaiveReference {
    struct Key: Hashable {
        var unit: Int
        var indicator: Int
        var year: Int
        var month: Int
        var basis: Basis
    }

    let input: ComputeInput
    let breadthIndicator: String
    var reported: [Key: Int64] = [:]

    init(_ input: ComputeInput, breadthIndicator: String = "output_value") {
        self.input = input
        self.breadthIndicator = breadthIndicator
        for fact in input.facts {
            let key = Key(
                unit: Int(fact.unit), indicator: Int(fact.indicator), year: fact.period.year, month: fact.period.month,
                basis: fact.basis)
            reported[key] = max(reported[key] ?? .min, fact.amount.raw)  // duplicates: the largest
        }
    }

    // MARK: - Unit series (§1, §2)

    /// The cumulative figure: given, else carried-forward cumulative + this month.
    func cumulative(_ unit: Int, _ indicator: Int, _ year: Int, _ month: Int, total: Basis, single: Basis) -> Int64? {
        guard month >= 1 else { return nil }
        if let given = reported[Key(unit: unit, indicator: indicator, year: year, month: month, basis: total)] {
            return given
        }
        guard let value = reported[Key(unit: unit, indicator: indicator, year: year, month: month, basis: single)] else {
            return nil
        }
        var carried: Int64 = 0
        var earlier = month - 1
        while earlier >= 1 {
            if let before = cumulative(unit, indicator, year, earlier, total: total, single: single) {
                carried = before
                break
            }
            earlier -= 1
        }
        return carried + value
    }

    func ytd(_ unit: Int, _ indicator: Int, _ year: Int, _ month: Int) -> Int64? {
        cumulative(unit, indicator, year, month, total: .ytd, single: .month)
    }

    func base(_ unit: Int, _ indicator: Int, _ year: Int, _ month: Int) -> Int64 {
        if month == 0 { return 0 }
        if let own = cumulative(unit, indicator, year, month, total: .baseYtd, single: .baseMonth) { return own }
        return ytd(unit, indicator, year - 1, month) ?? 0
    }

    func merged(_ indicator: Int) -> Bool { input.indicators[indicator].mergeJanFeb }

    func startsYear(_ indicator: Int, _ month: Int) -> Bool { month == 1 || (merged(indicator) && month == 2) }

    func month(_ unit: Int, _ indicator: Int, _ year: Int, _ month: Int) -> Int128 {
        let now = ytd(unit, indicator, year, month) ?? 0
        let before = startsYear(indicator, month) ? 0 : (ytd(unit, indicator, year, month - 1) ?? 0)
        return Int128(now) - Int128(before)
    }

    func monthBase(_ unit: Int, _ indicator: Int, _ year: Int, _ month: Int) -> Int128 {
        if let given = reported[Key(unit: unit, indicator: indicator, year: year, month: month, basis: .baseMonth)] {
            return Int128(given)
        }
        if startsYear(indicator, month) { return Int128(base(unit, indicator, year, month)) }
        return Int128(base(unit, indicator, year, month)) - Int128(base(unit, indicator, year, month - 1))
    }

    /// Whether `unit` counts as reporting `indicator` in the period (never January of a merged one).
    func reports(_ unit: Int, _ indicator: Int, _ period: Period) -> Bool {
        if merged(indicator) && period.month == 1 { return false }
        return ytd(unit, indicator, period.year, period.month) != nil
    }

    var years: [Int] { Array(Set(input.facts.map(\.period.year))).sorted() }

    func outputPeriods(_ indicator: Int) -> [Period] {
        var periods: [Period] = []
        for year in years {
            for month in 1...12 where input.units.indices.contains(where: { reports($0, indicator, period(year, month)) }) {
                periods.append(period(year, month))
            }
        }
        return periods
    }

    // MARK: - Scopes (§2, §5)

    func division(_ unit: Int) -> String {
        input.units[unit].industry.flatMap(IndustryCode.normalize)?.division ?? "unknown"
    }

    func area(_ unit: Int) -> String {
        let area = input.units[unit].area ?? ""
        return area.isEmpty ? "unknown" : area
    }

    struct Sums {
        var units = 0
        var ytd: Int128 = 0
        var base: Int128 = 0
        var month: Int128 = 0
        var monthBase: Int128 = 0
    }

    func sums(_ members: [Int], _ indicator: Int, _ period: Period) -> Sums {
        var sums = Sums()
        for unit in members {
            sums.units += 1
            sums.ytd += Int128(ytd(unit, indicator, period.year, period.month) ?? 0)
            sums.base += Int128(base(unit, indicator, period.year, period.month))
            sums.month += month(unit, indicator, period.year, period.month)
            sums.monthBase += monthBase(unit, indicator, period.year, period.month)
        }
        return sums
    }

    func indicatorRows() -> [IndicatorRow] {
        var rows: [(Period, Int, [IndicatorRow])] = []
        for indicator in input.indicators.indices {
            for period in outputPeriods(indicator) {
                let scope = input.units.indices.filter { reports($0, indicator, period) }
                let zone = sums(scope, indicator, period)
                func row(_ kind: ScopeKind, _ id: String, _ name: String, _ s: Sums) -> IndicatorRow {
                    IndicatorRow(
                        period: period, indicator: input.indicators[indicator].id, scope: kind, scopeId: id, scopeName: name,
                        units: s.units, ytd: AmountSum(raw: s.ytd), ytdBase: AmountSum(raw: s.base),
                        ytdYoYPercent: Ratio.growthPercent(current: s.ytd, base: s.base),
                        ytdIncrement: AmountSum(raw: s.ytd - s.base), month: AmountSum(raw: s.month),
                        monthBase: AmountSum(raw: s.monthBase),
                        monthYoYPercent: Ratio.growthPercent(current: s.month, base: s.monthBase),
                        pullPoints: Ratio.pullPercent(partCurrent: s.ytd, partBase: s.base, totalBase: zone.base),
                        sharePercent: Ratio.shareOfGrowthPercent(
                            partCurrent: s.ytd, partBase: s.base, totalCurrent: zone.ytd, totalBase: zone.base),
                        estimate: false)
                }
                var periodRows = [row(.zone, "", input.zoneName, zone)]
                for id in Set(scope.map(division)).sorted() {
                    periodRows.append(
                        row(.industry, id, IndustryDivision.name(id) ?? "未分类", sums(scope.filter { division($0) == id }, indicator, period)))
                }
                for id in Set(scope.map(area)).sorted() {
                    periodRows.append(row(.area, id, id == "unknown" ? "未分区" : id, sums(scope.filter { area($0) == id }, indicator, period)))
                }
                let byCode = scope.sorted { (input.units[$0].code, $0) < (input.units[$1].code, $1) }
                for unit in byCode {
                    periodRows.append(row(.unit, input.units[unit].code, input.units[unit].name, sums([unit], indicator, period)))
                }
                rows.append((period, indicator, periodRows))
            }
        }
        return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.flatMap(\.2)
    }
}
