/// An exact fraction, for growth rates, shares and completion rates.
///
/// Rates are computed from exact sums (statistics.md §6) and rounded only for display
/// (``rounded(decimals:)``, half away from zero). A `Ratio` is always reduced and its
/// denominator is positive, so `==` compares values. An undefined rate (a base ≤ 0) is
/// not a `Ratio` at all: the factories return nil, never ∞ or NaN.
public struct Ratio: Sendable, Hashable, CustomStringConvertible {
    /// The numerator, sharing no factor with the denominator.
    public let numerator: Int128
    /// The denominator, always > 0.
    public let denominator: Int128

    /// `numerator / denominator`, reduced; nil when the denominator is zero (or the pair is
    /// the unrepresentable `Int128.min / -1`).
    public init?(numerator: Int128, denominator: Int128) {
        guard denominator != 0 else { return nil }
        let divisor = Ratio.gcd(numerator.magnitude, denominator.magnitude)
        guard let reducedNumerator = Int128(exactly: numerator.magnitude / divisor),
            let reducedDenominator = Int128(exactly: denominator.magnitude / divisor)
        else { return nil }
        let negative = (numerator < 0) != (denominator < 0)
        self.numerator = negative ? -reducedNumerator : reducedNumerator
        self.denominator = reducedDenominator
    }

    /// `numerator / denominator` for a denominator known to be positive.
    init(reducing numerator: Int128, _ denominator: Int128) {
        precondition(denominator > 0, "Ratio denominator must be positive")
        let divisor = Int128(Ratio.gcd(numerator.magnitude, denominator.magnitude))
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// The whole number `integer`.
    public init(_ integer: Int128) {
        numerator = integer
        denominator = 1
    }

    /// Zero.
    public static let zero = Ratio(0)

    /// Whether the value is below zero.
    public var isNegative: Bool { numerator < 0 }

    /// The value as the nearest `Double`, for charts only: never for a published figure.
    public var doubleValue: Double {
        Double(numerator) / Double(denominator)
    }

    /// `numerator/denominator`, for debugging.
    public var description: String {
        denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
    }

    /// The greatest common divisor; 1 when both are zero, so that dividing by it is safe.
    static func gcd(_ lhs: UInt128, _ rhs: UInt128) -> UInt128 {
        var (a, b) = (lhs, rhs)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}
