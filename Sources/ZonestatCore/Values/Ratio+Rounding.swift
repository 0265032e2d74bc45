/// Rounding for display: half away from zero (四舍五入), exactly (statistics.md §6).
extension Ratio {
    /// The value rounded half away from zero to `decimals` places: 1665/100 → `16.7`,
    /// −1085/100 → `-10.9`, 5/100 → `0.1` at one decimal.
    ///
    /// Exact long division: no floating point, no overflow in the remainder. `decimals` must
    /// be 0…38 and the result must fit in `Int128`, which any rate of real figures does.
    public func rounded(decimals: Int) -> FixedDecimal {
        precondition((0...DecimalText.maximumDecimals).contains(decimals), "decimals must be 0...38")
        if let value = roundedIn64Bits(decimals: decimals) { return FixedDecimal(value: Int128(value), decimals: decimals) }
        return roundedByDigits(decimals: decimals)
    }

    /// ``rounded(decimals:)``'s digits when they are computed in 64 bits, else nil.
    ///
    /// A rate of real figures fits in 64 bits, where ⌊n·10ᵏ / d⌋ and its remainder take one
    /// full-width division (the long division below takes a 128-bit one per decimal) and round
    /// the same way: half of the last place or more rounds up in magnitude.
    func roundedIn64Bits(decimals: Int) -> Int64? {
        guard decimals < Ratio.powersOfTen64.count, let numerator = UInt64(exactly: numerator.magnitude),
            let denominator = UInt64(exactly: denominator)
        else { return nil }
        let scaled = numerator.multipliedFullWidth(by: Ratio.powersOfTen64[decimals])
        // The quotient fits in 64 bits only when the high half is below the divisor.
        guard scaled.high < denominator else { return nil }
        var (quotient, remainder) = denominator.dividingFullWidth(scaled)
        guard quotient < UInt64(Int64.max) else { return nil }
        if remainder != 0, remainder >= denominator - remainder { quotient += 1 }
        let magnitude = Int64(quotient)
        return isNegative ? -magnitude : magnitude
    }

    /// 10⁰ … 10¹⁹, the powers of ten a `UInt64` holds.
    private static let powersOfTen64: [UInt64] = (0...19).map { power in (0..<power).reduce(1) { value, _ in value * 10 } }

    /// ``rounded(decimals:)`` by exact long division in 128 bits, one decimal at a time (the
    /// reference the 64-bit path is tested against).
    func roundedByDigits(decimals: Int) -> FixedDecimal {
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
