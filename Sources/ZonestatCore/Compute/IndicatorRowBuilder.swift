/// Turns a scope's sums into its `indicators.csv` row: growth, increment, month, and its
/// contribution to the zone (拉动 and 贡献率, statistics.md §5).
///
/// The zone row goes through the same formulas: its pull is its own growth and its share 100
/// (nil when the zone did not change).
struct IndicatorRowBuilder {
    let period: Period
    let indicator: String
    let zone: ScopeTotals
    /// Growths, pulls and shares at comparable prices (value added deflated by PPI).
    let deflated: Bool

    /// The figure growth is measured on: ytd, or real ytd in 1/scale steps when deflated.
    @inline(__always)
    func current(_ totals: ScopeTotals) -> Int128 {
        deflated ? totals.real : totals.ytd
    }

    /// The base on the same scale as ``current(_:)``.
    @inline(__always)
    func base(_ totals: ScopeTotals) -> Int128 {
        deflated ? totals.base * DeflationTable.scale : totals.base
    }

    func row(scope: ScopeKind, id: String, name: String, totals: ScopeTotals) -> IndicatorRow {
        let current = self.current(totals)
        let base = self.base(totals)
        let zoneCurrent = self.current(zone)
        let zoneBase = self.base(zone)
        return IndicatorRow(
            period: period, indicator: indicator, scope: scope, scopeId: id, scopeName: name, units: totals.units,
            ytd: AmountSum(raw: totals.ytd), ytdBase: AmountSum(raw: totals.base),
            ytdYoYPercent: Ratio.growthPercent(current: current, base: base),
            ytdIncrement: AmountSum(raw: totals.ytd - totals.base),
            month: AmountSum(raw: totals.month), monthBase: AmountSum(raw: totals.monthBase),
            // A monthly growth at comparable prices would need a monthly index: left undefined.
            monthYoYPercent: deflated ? nil : Ratio.growthPercent(current: totals.month, base: totals.monthBase),
            pullPoints: Ratio.pullPercent(partCurrent: current, partBase: base, totalBase: zoneBase),
            sharePercent: Ratio.shareOfGrowthPercent(
                partCurrent: current, partBase: base, totalCurrent: zoneCurrent, totalBase: zoneBase),
            estimate: deflated)
    }

    /// The check that a partition's pulls add up to the zone's growth and its shares to 100.
    func partitionCheck(_ scope: ScopeKind) -> PartitionCheck {
        let zoneBase = base(zone)
        return PartitionCheck(
            scope: scope, pullDenominator: zoneBase, shareDenominator: (current(zone) - zoneBase).magnitude)
    }

    /// The partition check of scope rows that are not built (units, kept as a block): `covered`
    /// sums the figures given to the block. The pulls of its rows add up to the zone's growth,
    /// and their shares to 100, exactly when it sums to the zone's figures, unit by unit.
    func coverageWarnings(_ covered: ScopeTotals, scope: ScopeKind, zoneRow: IndicatorRow) -> [ComputeWarning] {
        guard covered.units != zone.units || current(covered) != current(zone) || base(covered) != base(zone) else {
            return []
        }
        var warnings: [ComputeWarning] = []
        if base(zone) > 0 { warnings.append(.pullsDoNotAddUp(zone: zoneRow, scope: scope)) }
        if current(zone) != base(zone) { warnings.append(.sharesDoNotAddUp(zone: zoneRow, scope: scope)) }
        return warnings
    }
}
