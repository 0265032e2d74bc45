/// Which facts the compute core reads to produce some periods: the list an incremental transform
/// reads the warehouse by, stated here beside the code that reads them so that a new rule cannot
/// read facts the reduced read left out.
///
/// A period N of year Y reads facts of two years only (statistics.md):
/// - year Y, months 1…N: ytd(N) given or summed from months (§1), month(N) = ytd(N) − ytd(N−1)
///   and the 1-2月 merge (§1), the roster's units(N) (§5);
/// - year Y − 1: the fallback base, the unit's own ytd of the same month last year, for N and
///   N − 1 (§2, month base), last year's roster from its latest month with data (§5), and last
///   year's December with ytd(N) for the required rest-of-year growth (§4).
/// Both years are read whole: a unit's series and its reporting months are built per year.
///
/// One thing reads beyond them: a target conflict (§4) is reported apart from every period
/// unless some period of its year has an output, which the facts of that year tell. Those
/// years are added (conflicting targets are rare, and their years few).
///
/// Price indices, targets and units are small and are read whole.
public enum ComputeNeeds {
    /// The years whose series the periods' rows are computed from: each period's year and the
    /// year before.
    public static func seriesYears(_ periods: Set<Period>) -> Set<Int> {
        Set(periods.flatMap { [$0.year, $0.year - 1] })
    }

    /// The years whose facts computing `periods` reads (see the type's comment): the series
    /// years, and the years of conflicting targets.
    public static func factYears(
        periods: Set<Period>, targets: [TargetDefinition], indicators: [IndicatorDefinition]
    ) -> Set<Int> {
        let plan = TargetPlan(targets: targets, indicators: indicators)
        return seriesYears(periods).union(plan.conflicts.map(\.year))
    }
}
