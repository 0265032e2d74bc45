/// Exact arithmetic on ratios, for formulas such as the required growth for the rest of the
/// year (statistics.md §4). Each operation returns nil instead of trapping when `Int128`
/// overflows, which real figures never make it do.
extension Ratio {
    /// The sum, or nil on overflow.
    public func adding(_ other: Ratio) -> Ratio? {
        let (left, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (right, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (sum, o3) = left.addingReportingOverflow(right)
        let (denominatorProduct, o4) = denominator.multipliedReportingOverflow(by: other.denominator)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return Ratio(numerator: sum, denominator: denominatorProduct)
    }

    /// The difference, or nil on overflow.
    public func subtracting(_ other: Ratio) -> Ratio? {
        guard other.numerator != .min else { return nil }
        return adding(Ratio(reducing: -other.numerator, other.denominator))
    }

    /// The product, or nil on overflow.
    public func multiplied(by other: Ratio) -> Ratio? {
        let (top, o1) = numerator.multipliedReportingOverflow(by: other.numerator)
        let (bottom, o2) = denominator.multipliedReportingOverflow(by: other.denominator)
        guard !(o1 || o2) else { return nil }
        return Ratio(numerator: top, denominator: bottom)
    }

    /// The quotient, or nil when `other` is zero or on overflow.
    public func divided(by other: Ratio) -> Ratio? {
        guard other.numerator != 0 else { return nil }
        let (top, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (bottom, o2) = denominator.multipliedReportingOverflow(by: other.numerator)
        guard !(o1 || o2) else { return nil }
        return Ratio(numerator: top, denominator: bottom)
    }
}
