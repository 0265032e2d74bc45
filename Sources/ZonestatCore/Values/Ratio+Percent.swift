/// The percentages of statistics.md §2, §4 and §5, built exactly from sums.
extension Ratio {
    /// Year-over-year growth in percent: (current / base − 1) × 100.
    ///
    /// Nil when `base` ≤ 0: growth is undefined there (written `—`), never ∞ or NaN.
    /// `current` = 0 with a positive base is −100. Arguments are raw sums in any one unit.
    public static func growthPercent(current: Int128, base: Int128) -> Ratio? {
        guard base > 0 else { return nil }
        return scaledPercent(current.subtractingReportingOverflow(base), over: base)
    }

    /// Year-over-year growth in percent of two exact sums; see ``growthPercent(current:base:)``.
    public static func growthPercent(current: AmountSum, base: AmountSum) -> Ratio? {
        growthPercent(current: current.raw, base: base.raw)
    }

    /// 拉动: the percentage points a part adds to the total's growth,
    /// (partCurrent − partBase) / totalBase × 100. Nil when `totalBase` ≤ 0.
    public static func pullPercent(partCurrent: Int128, partBase: Int128, totalBase: Int128) -> Ratio? {
        guard totalBase > 0 else { return nil }
        return scaledPercent(partCurrent.subtractingReportingOverflow(partBase), over: totalBase)
    }

    /// 贡献率: a part's share of the total's growth in percent,
    /// (partCurrent − partBase) / (totalCurrent − totalBase) × 100. Nil when the total did not
    /// change (the share is undefined).
    public static func shareOfGrowthPercent(
        partCurrent: Int128, partBase: Int128, totalCurrent: Int128, totalBase: Int128
    ) -> Ratio? {
        let (totalChange, overflow) = totalCurrent.subtractingReportingOverflow(totalBase)
        guard !overflow, totalChange != 0 else { return nil }
        return scaledPercent(partCurrent.subtractingReportingOverflow(partBase), over: totalChange)
    }

    /// `part` as a percentage of `whole`: part / whole × 100 (completion rate, time progress,
    /// share of units). Nil when `whole` ≤ 0: a percentage of nothing is undefined.
    public static func percent(part: Int128, whole: Int128) -> Ratio? {
        guard whole > 0 else { return nil }
        return scaledPercent((part, false), over: whole)
    }

    /// `difference × 100 / denominator`, nil when the difference overflowed or × 100 does.
    private static func scaledPercent(
        _ difference: (partialValue: Int128, overflow: Bool), over denominator: Int128
    ) -> Ratio? {
        guard !difference.overflow else { return nil }
        let (scaled, overflow) = difference.partialValue.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        return Ratio(numerator: scaled, denominator: denominator)
    }
}
