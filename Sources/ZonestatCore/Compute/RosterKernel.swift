/// Computes the roster (新增, 退出, 净增) and breadth (增长面, 下降面) of one period for the zone
/// and each industry division (statistics.md §5).
///
/// units(N) = units with a ytd for any indicator in N; last year's roster = the units
/// reporting in last year's latest month with data; new = units(N) ∖ last roster,
/// exited = last roster ∖ units(N).
struct RosterKernel {
    let input: ComputeInput
    let catalog: UnitCatalog
    let period: Period
    /// This year's reporting months per unit.
    let reporting: [UInt16]
    /// Last year's reporting months per unit (empty when last year has no data).
    let lastYearReporting: [UInt16]
    /// The month last year's roster is taken from, nil when last year has no data.
    let lastYearMonth: Int?
    /// The breadth indicator's series this year and last, nil when it has none this year.
    let breadth: SeriesPair?
    let breadthIndicator: String
    let deflator: PriceDeflator

    /// The rows (zone, then industries by id) and the zone's count of new units.
    func run() -> (rows: [RosterRow], newUnits: Int) {
        var zone = RosterCounts()
        var divisions = Array(repeating: RosterCounts(), count: UnitCatalog.divisionSlots)
        let bit = UnitYearSeries.bit(period.month)
        let lastBit = lastYearMonth.map(UnitYearSeries.bit) ?? 0
        for unit in reporting.indices {
            let now = reporting[unit] & bit != 0
            let before = !lastYearReporting.isEmpty && lastYearReporting[unit] & lastBit != 0
            guard now || before else { continue }
            let division = Int(catalog.divisionOfUnit[unit])
            if now {
                zone.units += 1
                divisions[division].units += 1
                if !before {
                    zone.newUnits += 1
                    divisions[division].newUnits += 1
                }
            } else {
                zone.exitedUnits += 1
                divisions[division].exitedUnits += 1
            }
        }
        countBreadth(zone: &zone, divisions: &divisions)

        var rows = [zone.row(period: period, scope: .zone, id: "", name: input.zoneName, indicator: breadthIndicator)]
        for division in UnitCatalog.divisionOrder where divisions[division].hasRow {
            rows.append(
                divisions[division].row(
                    period: period, scope: .industry, id: UnitCatalog.divisionId(division),
                    name: UnitCatalog.divisionName(division), indicator: breadthIndicator))
        }
        return (rows, zone.newUnits)
    }

    /// Breadth on the breadth indicator, at comparable prices when its rows are deflated.
    private func countBreadth(zone: inout RosterCounts, divisions: inout [RosterCounts]) {
        guard let breadth else { return }
        let series = breadth.current
        let month = period.month
        guard series.outputMonths & UnitYearSeries.bit(month) != 0 else { return }
        let table = deflator.usableTable(
            indicator: input.indicators[series.indicator], series: series, period: period, catalog: catalog
        ).table
        for slot in series.units.indices where series.hasYtd(slot: slot, month: month) {
            let unit = Int(series.units[slot])
            let division = Int(catalog.divisionOfUnit[unit])
            let figures = breadth.figures(slot: slot, month: month)
            let current: Int128
            let base: Int128
            if let table {
                current = table.real(ytd: figures.ytd, division: division)
                base = Int128(figures.base) * DeflationTable.scale
            } else {
                current = Int128(figures.ytd)
                base = Int128(figures.base)
            }
            zone.addBreadth(current: current, base: base)
            divisions[division].addBreadth(current: current, base: base)
        }
    }
}
