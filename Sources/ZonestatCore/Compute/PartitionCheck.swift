/// Verifies that the pulls of a partition of the zone (industries, areas, units) add up to the
/// zone's growth and its shares to 100 (statistics.md §5, §8).
///
/// With exact arithmetic this never fails; it guards the code. Every pull has the zone base
/// as a multiple of its denominator (every share, the zone increment), so the sum is taken
/// exactly over that common denominator in `Int128`, without building intermediate ratios.
struct PartitionCheck {
    let scope: ScopeKind
    /// The zone base the pulls are over; ≤ 0 when pulls are undefined.
    let pullDenominator: Int128
    /// |zone increment|, the shares' common denominator; 0 when shares are undefined.
    let shareDenominator: UInt128
    private var pullSum: Int128 = 0
    private var shareSum: Int128 = 0
    private var pullBroken = false
    private var shareBroken = false

    init(scope: ScopeKind, pullDenominator: Int128, shareDenominator: UInt128) {
        self.scope = scope
        self.pullDenominator = pullDenominator
        self.shareDenominator = shareDenominator
    }

    mutating func add(_ row: IndicatorRow) {
        if pullDenominator > 0 {
            PartitionCheck.accumulate(row.pullPoints, over: pullDenominator.magnitude, into: &pullSum, broken: &pullBroken)
        }
        if shareDenominator > 0 {
            PartitionCheck.accumulate(row.sharePercent, over: shareDenominator, into: &shareSum, broken: &shareBroken)
        }
    }

    /// The warnings for the partition, given the zone row.
    func warnings(zone: IndicatorRow) -> [ComputeWarning] {
        var warnings: [ComputeWarning] = []
        if pullDenominator > 0 {
            var expected: Int128 = 0
            var broken = false
            PartitionCheck.accumulate(zone.pullPoints, over: pullDenominator.magnitude, into: &expected, broken: &broken)
            if broken || pullBroken || expected != pullSum {
                warnings.append(.pullsDoNotAddUp(zone: zone, scope: scope))
            }
        }
        if shareDenominator > 0 {
            let (expected, overflow) = Int128(100).multipliedReportingOverflow(by: Int128(shareDenominator))
            if overflow || shareBroken || expected != shareSum {
                warnings.append(.sharesDoNotAddUp(zone: zone, scope: scope))
            }
        }
        return warnings
    }

    /// Adds `value × denominator` (an integer when the value's denominator divides it).
    private static func accumulate(_ value: Ratio?, over denominator: UInt128, into sum: inout Int128, broken: inout Bool) {
        guard !broken else { return }
        guard let value else {
            broken = true
            return
        }
        let (factor, remainder) = denominator.quotientAndRemainder(dividingBy: value.denominator.magnitude)
        guard remainder == 0, let multiplier = Int128(exactly: factor) else {
            broken = true
            return
        }
        let (term, o1) = value.numerator.multipliedReportingOverflow(by: multiplier)
        let (total, o2) = sum.addingReportingOverflow(term)
        guard !o1, !o2 else {
            broken = true
            return
        }
        sum = total
    }
}
