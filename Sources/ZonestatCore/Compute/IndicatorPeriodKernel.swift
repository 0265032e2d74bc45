/// Computes one indicator's rows for one period: the zone, each industry division, each area
/// and each unit, with growth, contributions and the period's consistency checks.
///
/// Scope S_N is the units with a ytd in N (statistics.md §2); every scope sums over the same
/// units, so partitions add up exactly.
struct IndicatorPeriodKernel {
    let input: ComputeInput
    let catalog: UnitCatalog
    let pair: SeriesPair
    /// The series of the indicator this one is a subset of, same year, if any.
    let total: UnitYearSeries?
    let deflator: PriceDeflator
    let period: Period

    /// The rows in row order (zone, industries by id, areas by id), the zone's figures, the
    /// period's warnings and the units' figures as a block (by credit code).
    func run() -> IndicatorPeriodOutput {
        let series = pair.current
        let definition = input.indicators[series.indicator]
        let month = period.month
        var warnings: [ComputeWarning] = []
        let (deflation, missing) = deflator.usableTable(
            indicator: definition, series: series, period: period, catalog: catalog)
        if !missing.isEmpty {
            warnings.append(.priceIndexMissing(period: period, divisions: missing))
        }

        var zone = ScopeTotals()
        var divisions = Array(repeating: ScopeTotals(), count: UnitCatalog.divisionSlots)
        var areas = Array(repeating: ScopeTotals(), count: catalog.areaKeys.count)
        for slot in series.units.indices where series.hasYtd(slot: slot, month: month) {
            let unit = Int(series.units[slot])
            let division = Int(catalog.divisionOfUnit[unit])
            let figures = pair.figures(slot: slot, month: month)
            let real = deflation?.real(ytd: figures.ytd, division: division) ?? 0
            zone.add(figures, real: real)
            divisions[division].add(figures, real: real)
            areas[Int(catalog.areaOfUnit[unit])].add(figures, real: real)
            warnings += unitChecks(slot: slot, unit: unit, definition: definition)
        }
        warnings += zoneSubsetCheck(zone: zone, definition: definition)

        let builder = IndicatorRowBuilder(
            period: period, indicator: definition.id, zone: zone, deflated: deflation != nil)
        let zoneRow = builder.row(scope: .zone, id: "", name: input.zoneName, totals: zone)
        var rows = [zoneRow]

        var industryCheck = builder.partitionCheck(.industry)
        for division in UnitCatalog.divisionOrder where divisions[division].units > 0 {
            let row = builder.row(
                scope: .industry, id: UnitCatalog.divisionId(division), name: UnitCatalog.divisionName(division),
                totals: divisions[division])
            industryCheck.add(row)
            rows.append(row)
        }
        var areaCheck = builder.partitionCheck(.area)
        for area in areas.indices where areas[area].units > 0 {
            let row = builder.row(
                scope: .area, id: catalog.areaKeys[area], name: catalog.areaNames[area], totals: areas[area])
            areaCheck.add(row)
            rows.append(row)
        }
        // Units as typed columns: their rows are derived from these when published. What the
        // block covers is checked against the zone's sums (a unit missed or counted twice would
        // break the pulls and shares of the unit rows).
        var block = UnitResultBlock(
            period: period, indicator: definition.id, deflated: deflation != nil, zoneYtd: zone.ytd,
            zoneBase: zone.base, zoneReal: zone.real)
        block.reserveCapacity(zone.units)
        var covered = ScopeTotals()
        for unit32 in catalog.unitOrder {
            let unit = Int(unit32)
            let slot = Int(series.slotOfUnit[unit])
            guard slot >= 0, series.hasYtd(slot: slot, month: month) else { continue }
            let figures = pair.figures(slot: slot, month: month)
            let real = deflation?.real(ytd: figures.ytd, division: Int(catalog.divisionOfUnit[unit])) ?? 0
            covered.add(figures, real: real)
            block.append(unitId: input.units[unit].id, figures, real: real)
        }
        for check in [industryCheck, areaCheck] {
            warnings += check.warnings(zone: zoneRow)
        }
        warnings += builder.coverageWarnings(covered, scope: .unit, zoneRow: zoneRow)

        let comparableYtd =
            deflation == nil
            ? Ratio(zone.ytd) : (Ratio(numerator: zone.real, denominator: DeflationTable.scale) ?? Ratio(zone.ytd))
        let figures = ZoneFigures(
            ytd: AmountSum(raw: zone.ytd), base: AmountSum(raw: zone.base), growth: zoneRow.ytdYoYPercent,
            comparableYtd: comparableYtd)
        return IndicatorPeriodOutput(rows: rows, warnings: warnings, zone: figures, units: block)
    }

    /// A unit's ytd falling within the year, and a unit's subset figure above its total.
    private func unitChecks(slot: Int, unit: Int, definition: IndicatorDefinition) -> [ComputeWarning] {
        let series = pair.current
        let month = period.month
        let ytd = series.ytd(slot: slot, month: month)
        var warnings: [ComputeWarning] = []
        if month > 1, series.hasYtd(slot: slot, month: month - 1) {
            let previous = series.ytd(slot: slot, month: month - 1)
            if ytd < previous {
                warnings.append(
                    .ytdFell(
                        period: period, indicator: definition, code: input.units[unit].code, previous: previous,
                        current: ytd))
            }
        }
        if let total, let whole = total.ytd(unit: unit, month: month), ytd > whole {
            warnings.append(
                .subsetExceedsTotal(
                    period: period, subset: definition, total: input.indicators[total.indicator],
                    scope: input.units[unit].code, part: Int128(ytd), whole: Int128(whole)))
        }
        return warnings
    }

    /// The zone's subset figure above its total's.
    private func zoneSubsetCheck(zone: ScopeTotals, definition: IndicatorDefinition) -> [ComputeWarning] {
        guard let total, let whole = total.zoneYtd(month: period.month), zone.ytd > whole else { return [] }
        return [
            .subsetExceedsTotal(
                period: period, subset: definition, total: input.indicators[total.indicator], scope: "zone",
                part: zone.ytd, whole: whole)
        ]
    }
}
