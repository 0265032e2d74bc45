/// A decimal number exactly as a cell wrote it: `significand / 10^decimals`.
///
/// The number parser produces it; ``amount(in:)`` turns it into money without losing or
/// silently rounding anything, and ``integerValue()`` into a count. Equality is of the
/// written form: `1.50` (150, 2) and `1.5` (15, 1) are different values of this type,
/// because the number of decimals a source used is information (its rounding).
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
    /// The digits, as an integer: `-1234.5` has significand `-12345`.
    public let significand: Int128
    /// How many of the digits are after the point: `-1234.5` has 1. Always 0…38.
    public let decimals: Int

    /// The number `significand / 10^decimals`. `decimals` must be in 0…38.
    public init(significand: Int128, decimals: Int) {
        precondition((0...DecimalText.maximumDecimals).contains(decimals), "decimals must be 0...38")
        self.significand = significand
        self.decimals = decimals
    }

    /// The whole number `integer`.
    public init(_ integer: Int) {
        self.init(significand: Int128(integer), decimals: 0)
    }

    /// Whether the number is zero (`0`, `-0`, `0.00`).
    public var isZero: Bool { significand == 0 }

    /// The number as money stated in `unit`, exactly.
    ///
    /// Fails with ``AmountConversionError/tooPrecise`` when the number has digits below
    /// 1/10,000 元 (`0.00001` 元, `1.23456789` 万元): those are never rounded away. Fails with
    /// ``AmountConversionError/outOfRange`` past about ±9.2 × 10¹⁴ 元.
    public func amount(in unit: MoneyUnit) -> Result<Amount, AmountConversionError> {
        let shift = 4 + unit.yuanExponent - decimals
        // The usual cell, in 64 bits: Int128 arithmetic cost more than parsing the number. An
        // overflow here takes the exact path below, which reports it.
        if shift >= 0, shift <= 18, let small = Int64(exactly: significand) {
            var factor: Int64 = 1
            for _ in 0..<shift { factor &*= 10 }
            let (product, overflow) = small.multipliedReportingOverflow(by: factor)
            if !overflow { return .success(Amount(raw: product)) }
        }
        if shift >= 0 {
            guard let factor = DecimalText.powerOfTen(shift) else { return .failure(.outOfRange) }
            let (product, overflow) = significand.multipliedReportingOverflow(by: factor)
            guard !overflow, let raw = Int64(exactly: product) else { return .failure(.outOfRange) }
            return .success(Amount(raw: raw))
        }
        guard let divisor = DecimalText.powerOfTen(-shift) else {
            return significand == 0 ? .success(.zero) : .failure(.tooPrecise)
        }
        let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
        guard remainder == 0 else { return .failure(.tooPrecise) }
        guard let raw = Int64(exactly: quotient) else { return .failure(.outOfRange) }
        return .success(Amount(raw: raw))
    }

    /// The number as an `Int` when it is a whole number (`18`, `18.0`), else nil (`18.5`, or
    /// too large). For counts of units and projects.
    public func integerValue() -> Int? {
        guard let divisor = DecimalText.powerOfTen(decimals) else { return nil }
        let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
        guard remainder == 0 else { return nil }
        return Int(exactly: quotient)
    }

    /// The same number as an exact ``Ratio``: `16.65` is 1665/100 (reduced to 333/20).
    public var ratio: Ratio {
        Ratio(reducing: significand, DecimalText.powersOfTen[decimals])
    }

    /// The number rounded half away from zero to `decimals` places, for display.
    public func rounded(decimals places: Int) -> FixedDecimal {
        ratio.rounded(decimals: places)
    }

    /// The number with as many decimals as it needs: `1234.5`, `-3`, `0.0001`.
    public var description: String {
        DecimalText.plain(significand, scale: decimals)
    }
}
