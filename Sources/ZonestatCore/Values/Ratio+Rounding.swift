/// Rounding for display: half away from zero (四舍五入), exactly (statistics.md §6).
extension Ratio {
    /// The value rounded half away from zero to `decimals` places: 1665/100 → `16.7`,
    /// −1085/100 → `-10.9`, 5/100 → `0.1` at one decimal.
    ///
    /// Exact long division: no floating point, no overflow in the remainder. `decimals` must
    /// be 0…38 and the result must fit in `Int128`, which any rate of real figures does.
    public func rounded(decimals: Int) -> FixedDecimal {
        precondition((0...DecimalText.maximumDecimals).contains(decimals), "decimals must be 0...38")
        let divisor = denominator.magnitude
        var (quotient, remainder) = numerator.magnitude.quotientAndRemainder(dividingBy: divisor)
        for _ in 0..<decimals {
            let (digit, next) = Ratio.nextDigit(remainder: remainder, divisor: divisor)
            quotient = quotient * 10 + digit
            remainder = next
        }
        // Half or more of the last place rounds up in magnitude: 2r ≥ d without computing 2r.
        if remainder != 0, remainder >= divisor - remainder {
            quotient += 1
        }
        guard let magnitude = Int128(exactly: quotient) else {
            preconditionFailure("rounded ratio does not fit in Int128")
        }
        return FixedDecimal(value: isNegative ? -magnitude : magnitude, decimals: decimals)
    }

    /// The next decimal digit of `remainder / divisor` (remainder < divisor) and the new
    /// remainder: ⌊10r / d⌋ and 10r mod d, computed without overflowing even when 10r would.
    private static func nextDigit(remainder: UInt128, divisor: UInt128) -> (UInt128, UInt128) {
        let (tenfold, overflow) = remainder.multipliedReportingOverflow(by: 10)
        if !overflow {
            return tenfold.quotientAndRemainder(dividingBy: divisor)
        }
        var digit: UInt128 = 0
        var accumulated: UInt128 = 0
        for _ in 0..<10 {
            if accumulated >= divisor - remainder {
                accumulated -= divisor - remainder
                digit += 1
            } else {
                accumulated += remainder
            }
        }
        return (digit, accumulated)
    }
}
