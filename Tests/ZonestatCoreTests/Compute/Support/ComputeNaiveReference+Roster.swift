import ZonestatCore

/// The roster and breadth of statistics.md §5, naively.
extension ComputeNaiveReference {
    func reportsAny(_ unit: Int, _ period: Period) -> Bool {
        input.indicators.indices.contains { reports(unit, $0, period) }
    }

    var rosterPeriods: [Period] {
        Array(Set(input.indicators.indices.flatMap(outputPeriods))).sorted()
    }

    /// Units reporting in the period; last year's roster; the new ones.
    func roster(_ period: Period) -> (units: [Int], last: [Int], new: [Int], exited: [Int]) {
        let units = input.units.indices.filter { reportsAny($0, period) }
        let lastPeriod = rosterPeriods.filter { $0.year == period.year - 1 }.max()
        let last = lastPeriod.map { last in input.units.indices.filter { reportsAny($0, last) } } ?? []
        return (units, last, units.filter { !last.contains($0) }, last.filter { !units.contains($0) })
    }

    func rosterRows() -> [RosterRow] {
        let breadthIndex = input.indicators.firstIndex { $0.id == breadthIndicator } ?? 0
        let breadthId = input.indicators[breadthIndex].id
        var rows: [RosterRow] = []
        for period in rosterPeriods {
            let (units, _, new, exited) = roster(period)
            func row(_ kind: ScopeKind, _ id: String, _ name: String, _ member: (Int) -> Bool) -> RosterRow {
                var growing = 0
                var declining = 0
                var unchanged = 0
                var noBase = 0
                for unit in units where member(unit) && reports(unit, breadthIndex, period) {
                    let now = ytd(unit, breadthIndex, period.year, period.month) ?? 0
                    let before = base(unit, breadthIndex, period.year, period.month)
                    if before <= 0 {
                        noBase += 1
                    } else if now > before {
                        growing += 1
                    } else if now < before {
                        declining += 1
                    } else {
                        unchanged += 1
                    }
                }
                let measured = Int128(growing + declining + unchanged)
                let newCount = new.filter(member).count
                let exitedCount = exited.filter(member).count
                return RosterRow(
                    period: period, scope: kind, scopeId: id, scopeName: name, units: units.filter(member).count,
                    newUnits: newCount, exitedUnits: exitedCount, netUnits: newCount - exitedCount, growingUnits: growing,
                    decliningUnits: declining, unchangedUnits: unchanged, noBaseUnits: noBase,
                    growingSharePercent: Ratio.percent(part: Int128(growing), whole: measured),
                    decliningSharePercent: Ratio.percent(part: Int128(declining), whole: measured), indicator: breadthId)
            }
            rows.append(row(.zone, "", input.zoneName) { _ in true })
            for id in Set((units + exited).map(division)).sorted() {
                rows.append(row(.industry, id, IndustryDivision.name(id) ?? "未分类") { division($0) == id })
            }
        }
        return rows
    }
}
