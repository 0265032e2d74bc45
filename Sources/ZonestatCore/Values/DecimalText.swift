/// Shared exact decimal arithmetic and formatting for the value types.
///
/// Everything here works on an integer significand and a count of decimals, so that
/// no binary floating point ever touches an amount or a rate.
enum DecimalText {
    /// 10⁰ … 10³⁸: every power of ten that fits in `Int128`.
    static let powersOfTen: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 1...38 { powers.append((powers.last ?? 1) * 10) }
        return powers
    }()

    /// The largest number of decimals a significand can carry (10³⁸ still fits in `Int128`).
    static var maximumDecimals: Int { 38 }

    /// 10ⁿ, or nil when it does not fit in `Int128` (n > 38) or n is negative.
    static func powerOfTen(_ exponent: Int) -> Int128? {
        guard exponent >= 0, exponent <= maximumDecimals else { return nil }
        if exponent <= 19 { return Int128(smallPowerOfTen(exponent)) }
        return powersOfTen[exponent]
    }

    /// 10ⁿ for n in 0…19 by multiplication, so that the common conversions touch no global.
    @inline(__always)
    private static func smallPowerOfTen(_ exponent: Int) -> UInt64 {
        var power: UInt64 = 1
        for _ in 0..<exponent { power &*= 10 }
        return power
    }

    /// `value / 10^scale` written with as many decimals as it needs and no more:
    /// `12345.6789`, `0`, `-3.5`, `0.00000001`. Never exponent notation.
    static func plain(_ value: Int128, scale: Int) -> String {
        var magnitude = value.magnitude
        var scale = max(scale, 0)
        while scale > 0, magnitude % 10 == 0 {
            magnitude /= 10
            scale -= 1
        }
        return write(magnitude: magnitude, negative: value < 0, scale: scale)
    }

    /// `value / 10^decimals` written with exactly `decimals` digits after the point:
    /// `16.7`, `-10.9`, `0.0000`, `30.0`.
    static func fixed(_ value: Int128, decimals: Int) -> String {
        write(magnitude: value.magnitude, negative: value < 0, scale: max(decimals, 0))
    }

    private static func write(magnitude: UInt128, negative: Bool, scale: Int) -> String {
        var digits = String(magnitude)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            let split = digits.index(digits.endIndex, offsetBy: -scale)
            digits = digits[..<split] + "." + digits[split...]
        }
        return negative ? "-" + digits : digits
    }
}
