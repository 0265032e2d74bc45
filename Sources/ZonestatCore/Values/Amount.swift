/// An exact amount of money, as one unit reported it.
///
/// Stored as a count of 1/10,000 元 in `Int64`, so every value a form can state in 元,
/// 千元, 万元 or 亿元 with up to four decimals of 元 is exact, up to about 9.2 × 10¹⁴ 元.
/// Binary floating point never touches it (statistics.md §6). Sums over many amounts use
/// ``AmountSum``, whose `Int128` cannot overflow.
public struct Amount: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// How many raw steps make one 元.
    public static let rawPerYuan: Int64 = 10_000

    /// The count of 1/10,000 元.
    public var raw: Int64

    /// The amount of `raw` steps of 1/10,000 元.
    public init(raw: Int64) {
        self.raw = raw
    }

    /// `whole` of `unit` (`Amount(whole: 5, unit: .tenThousandYuan)` is 5万元), or nil when
    /// that does not fit.
    public init?(whole: Int64, unit: MoneyUnit) {
        guard let scale = DecimalText.powerOfTen(4 + unit.yuanExponent) else { return nil }
        let (product, overflow) = Int128(whole).multipliedReportingOverflow(by: scale)
        guard !overflow, let raw = Int64(exactly: product) else { return nil }
        self.raw = raw
    }

    /// No money.
    public static let zero = Amount(raw: 0)

    /// The sum; traps on overflow past ±9.2 × 10¹⁴ 元, which no real figure reaches.
    /// Use ``adding(_:)`` where the operands are untrusted.
    public static func + (lhs: Amount, rhs: Amount) -> Amount {
        Amount(raw: lhs.raw + rhs.raw)
    }

    /// The difference; traps on overflow like ``+(_:_:)``.
    public static func - (lhs: Amount, rhs: Amount) -> Amount {
        Amount(raw: lhs.raw - rhs.raw)
    }

    /// The negated amount.
    public static prefix func - (operand: Amount) -> Amount {
        Amount(raw: -operand.raw)
    }

    /// Adds in place; traps on overflow like ``+(_:_:)``.
    public static func += (lhs: inout Amount, rhs: Amount) {
        lhs.raw += rhs.raw
    }

    /// Subtracts in place; traps on overflow like ``-(_:_:)``.
    public static func -= (lhs: inout Amount, rhs: Amount) {
        lhs.raw -= rhs.raw
    }

    /// The sum, or nil when it overflows.
    public func adding(_ other: Amount) -> Amount? {
        let (sum, overflow) = raw.addingReportingOverflow(other.raw)
        return overflow ? nil : Amount(raw: sum)
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool {
        lhs.raw < rhs.raw
    }

    /// The exact sum of `amounts`, in `Int128` so that it cannot overflow.
    public static func sum<S: Sequence>(_ amounts: S) -> AmountSum where S.Element == Amount {
        AmountSum(amounts)
    }

    /// The exact value in `unit`, with as many decimals as it needs and no more, never in
    /// exponent notation: `12345.6789`, `0`, `-3.5`, `0.00000001`.
    public func decimalString(in unit: MoneyUnit) -> String {
        DecimalText.plain(Int128(raw), scale: 4 + unit.yuanExponent)
    }

    /// The exact value in `unit` as a decimal number (for example to write it back out).
    public func exactDecimal(in unit: MoneyUnit) -> ExactDecimal {
        ExactDecimal(significand: Int128(raw), decimals: 4 + unit.yuanExponent)
    }

    /// The value in 元 with its unit: `1234.5元`.
    public var description: String {
        decimalString(in: .yuan) + "元"
    }

    /// Decodes the raw count of 1/10,000 元.
    public init(from decoder: any Decoder) throws {
        raw = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes the raw count of 1/10,000 元.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}
