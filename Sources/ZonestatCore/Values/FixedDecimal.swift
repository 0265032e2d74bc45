/// A number rounded for display, with a fixed number of decimals: `16.7`, `-10.9`, `30.0`.
///
/// This is what reports and data files print. Percentage-point differences in the written
/// report are computed from these displayed values, so a reader can reproduce them
/// (statistics.md §6: 30.0 − 19.2 = 10.8). Equality and order are by value (`16.7` equals
/// `16.70`); ``description`` always shows exactly ``decimals`` digits.
public struct FixedDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digits as an integer: `-10.9` has value `-109`.
    public let value: Int128
    /// The number of digits after the point: `-10.9` has 1.
    public let decimals: Int

    /// The number `value / 10^decimals`; `decimals` must be 0…38.
    public init(value: Int128, decimals: Int) {
        precondition((0...DecimalText.maximumDecimals).contains(decimals), "decimals must be 0...38")
        self.value = value
        self.decimals = decimals
    }

    /// The number with exactly ``decimals`` digits after the point: `16.7`, `0.0000`, `-3`.
    public var description: String {
        DecimalText.fixed(value, decimals: decimals)
    }

    /// The exact value as a ``Ratio``.
    public var ratio: Ratio {
        Ratio(reducing: value, DecimalText.powersOfTen[decimals])
    }

    /// The value as the nearest `Double`, for charts only.
    public var doubleValue: Double {
        // `Double(Int128)` is a slow generic conversion. A value that fits in 64 bits converts
        // to the same nearest double through `Int64`, and 10⁰…10²² are exact doubles, so the
        // quotient is the same correctly rounded division.
        if decimals < FixedDecimal.doublePowersOfTen.count, let small = Int64(exactly: value) {
            return Double(small) / FixedDecimal.doublePowersOfTen[decimals]
        }
        return Double(value) / Double(DecimalText.powersOfTen[decimals])
    }

    /// 10⁰ … 10²²: the powers of ten a `Double` holds exactly.
    private static let doublePowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// The difference, with the larger of the two operands' decimals: 30.0 − 19.2 = 10.8.
    public static func - (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        let (left, right, decimals) = aligned(lhs, rhs)
        return FixedDecimal(value: left - right, decimals: decimals)
    }

    /// The sum, with the larger of the two operands' decimals.
    public static func + (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal {
        let (left, right, decimals) = aligned(lhs, rhs)
        return FixedDecimal(value: left + right, decimals: decimals)
    }

    /// The negated value, with the same decimals.
    public static prefix func - (operand: FixedDecimal) -> FixedDecimal {
        FixedDecimal(value: -operand.value, decimals: operand.decimals)
    }

    public static func == (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        let (left, right, _) = aligned(lhs, rhs)
        return left == right
    }

    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool {
        let (left, right, _) = aligned(lhs, rhs)
        return left < right
    }

    /// Hashes the value without trailing zeros, so that equal values hash alike.
    public func hash(into hasher: inout Hasher) {
        var (value, decimals) = (self.value, self.decimals)
        while decimals > 0, value % 10 == 0 {
            value /= 10
            decimals -= 1
        }
        hasher.combine(value)
        hasher.combine(decimals)
    }

    /// Both values scaled to the larger number of decimals.
    private static func aligned(_ lhs: FixedDecimal, _ rhs: FixedDecimal) -> (Int128, Int128, Int) {
        if lhs.decimals == rhs.decimals { return (lhs.value, rhs.value, lhs.decimals) }
        if lhs.decimals < rhs.decimals {
            let scale = DecimalText.powersOfTen[rhs.decimals - lhs.decimals]
            return (lhs.value * scale, rhs.value, rhs.decimals)
        }
        let scale = DecimalText.powersOfTen[lhs.decimals - rhs.decimals]
        return (lhs.value, rhs.value * scale, lhs.decimals)
    }
}
