/// Exact ordering, for rankings, which use unrounded values (statistics.md §5).
extension Ratio: Comparable {
    public static func < (lhs: Ratio, rhs: Ratio) -> Bool {
        switch (lhs.isNegative, rhs.isNegative) {
        case (true, false): return true
        case (false, true): return false
        case (false, false):
            return compareMagnitudes(lhs, rhs) < 0
        case (true, true):
            return compareMagnitudes(lhs, rhs) > 0
        }
    }

    /// −1, 0 or 1 as |lhs| is less than, equal to or greater than |rhs|, without overflow:
    /// cross products when they fit, else a continued-fraction comparison.
    private static func compareMagnitudes(_ lhs: Ratio, _ rhs: Ratio) -> Int {
        var (a, b) = (lhs.numerator.magnitude, lhs.denominator.magnitude)
        var (c, d) = (rhs.numerator.magnitude, rhs.denominator.magnitude)
        let (left, o1) = a.multipliedReportingOverflow(by: d)
        let (right, o2) = c.multipliedReportingOverflow(by: b)
        if !o1, !o2 {
            return left < right ? -1 : (left == right ? 0 : 1)
        }
        // a/b against c/d: compare integer parts, then the inverted remainders.
        while true {
            let (q1, r1) = a.quotientAndRemainder(dividingBy: b)
            let (q2, r2) = c.quotientAndRemainder(dividingBy: d)
            if q1 != q2 { return q1 < q2 ? -1 : 1 }
            if r1 == 0 || r2 == 0 {
                if r1 == r2 { return 0 }
                return r1 == 0 ? -1 : 1
            }
            // r1/b < r2/d  ⟺  d/r2 < b/r1: the same question about smaller numbers.
            (a, b, c, d) = (d, r2, b, r1)
        }
    }
}
