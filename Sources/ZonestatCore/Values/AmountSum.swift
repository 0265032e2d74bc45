/// An exact sum of amounts, wide enough that no sum over real data can overflow.
///
/// The compute core adds thousands of ``Amount``s per period; `Int128` raw steps of
/// 1/10,000 元 make the result exact and independent of order and thread count
/// (statistics.md §6). Ratios (``Ratio``) are built from these raw sums.
public struct AmountSum: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The count of 1/10,000 元.
    public var raw: Int128

    /// The sum of `raw` steps of 1/10,000 元.
    public init(raw: Int128) {
        self.raw = raw
    }

    /// The sum holding one amount.
    public init(_ amount: Amount) {
        raw = Int128(amount.raw)
    }

    /// The exact sum of `amounts`.
    public init<S: Sequence>(_ amounts: S) where S.Element == Amount {
        var total: Int128 = 0
        for amount in amounts { total += Int128(amount.raw) }
        raw = total
    }

    /// Nothing added yet.
    public static let zero = AmountSum(raw: 0)

    public static func + (lhs: AmountSum, rhs: AmountSum) -> AmountSum {
        AmountSum(raw: lhs.raw + rhs.raw)
    }

    public static func - (lhs: AmountSum, rhs: AmountSum) -> AmountSum {
        AmountSum(raw: lhs.raw - rhs.raw)
    }

    public static prefix func - (operand: AmountSum) -> AmountSum {
        AmountSum(raw: -operand.raw)
    }

    public static func += (lhs: inout AmountSum, rhs: Amount) {
        lhs.raw += Int128(rhs.raw)
    }

    public static func += (lhs: inout AmountSum, rhs: AmountSum) {
        lhs.raw += rhs.raw
    }

    public static func -= (lhs: inout AmountSum, rhs: Amount) {
        lhs.raw -= Int128(rhs.raw)
    }

    public static func < (lhs: AmountSum, rhs: AmountSum) -> Bool {
        lhs.raw < rhs.raw
    }

    /// The sum as a single ``Amount``, or nil when it is beyond `Amount`'s range.
    public var amount: Amount? {
        Int64(exactly: raw).map(Amount.init(raw:))
    }

    /// The exact value in `unit`, with as many decimals as it needs and no more, never in
    /// exponent notation (as ``Amount/decimalString(in:)``).
    public func decimalString(in unit: MoneyUnit) -> String {
        DecimalText.plain(raw, scale: 4 + unit.yuanExponent)
    }

    /// The exact value in `unit` as a decimal number.
    public func exactDecimal(in unit: MoneyUnit) -> ExactDecimal {
        ExactDecimal(significand: raw, decimals: 4 + unit.yuanExponent)
    }

    /// The value in 元 with its unit: `1234.5元`.
    public var description: String {
        decimalString(in: .yuan) + "元"
    }
}
