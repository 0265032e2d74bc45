import ZonestatCore

/// How exact results are kept in the `out_*` tables: amounts as exact decimal text in the
/// indicator's unit, percentages as 4-decimal numbers for tools plus an exact `n/d` column for
/// the load stage (rounding a rounded value twice would be wrong).
enum ResultCodec {
    static func text(_ amount: AmountSum?, _ unit: MoneyUnit) -> String? { amount?.decimalString(in: unit) }

    static func amount(_ text: String?, _ unit: MoneyUnit) -> AmountSum? {
        guard let text, case .number(let decimal) = NumberParser.parse(text) else { return nil }
        return amount(decimal, unit)
    }

    /// ``amount(_:_:)`` of the UTF-8 bytes SQLite holds, without making a `String`.
    static func amount(utf8 bytes: UnsafeBufferPointer<UInt8>?, _ unit: MoneyUnit) -> AmountSum? {
        guard let bytes, case .number(let decimal) = NumberParser.parse(utf8: bytes) else { return nil }
        return amount(decimal, unit)
    }

    private static func amount(_ decimal: ExactDecimal, _ unit: MoneyUnit) -> AmountSum {
        let shift = unit.yuanExponent + 4 - decimal.decimals
        var raw = decimal.significand
        if shift >= 0 {
            for _ in 0..<shift { raw *= 10 }
        } else {
            for _ in 0 ..< -shift { raw /= 10 }
        }
        return AmountSum(raw: raw)
    }

    static func rounded(_ ratio: Ratio?) -> Double? { ratio.map { $0.rounded(decimals: 4).doubleValue } }

    static func exact(_ ratio: Ratio?) -> String? { ratio.map { "\($0.numerator)/\($0.denominator)" } }

    static func ratio(_ text: String?) -> Ratio? {
        guard let text, let slash = text.firstIndex(of: "/"),
            let numerator = Int128(text[..<slash]), let denominator = Int128(text[text.index(after: slash)...])
        else { return nil }
        return Ratio(numerator: numerator, denominator: denominator)
    }

    /// ``ratio(_:)`` of the UTF-8 bytes SQLite holds: `n/d` of plain ASCII integers is read
    /// here, anything else as text by ``ratio(_:)``, so that both read every text alike.
    static func ratio(utf8 bytes: UnsafeBufferPointer<UInt8>?) -> Ratio? {
        guard let bytes else { return nil }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")),
            let numerator = integer(bytes[..<slash]), let denominator = integer(bytes[(slash + 1)...])
        else { return ratio(String(decoding: bytes, as: UTF8.self)) }
        return Ratio(numerator: numerator, denominator: denominator)
    }

    /// 10⁰ … 10¹⁸.
    private static let powersOfTen: [UInt128] = (0...18).map { power in (0..<power).reduce(UInt128(1)) { value, _ in value * 10 } }

    /// An optional sign and 1…38 ASCII digits (which always fit in `Int128`), else nil.
    private static func integer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int128? {
        var digits = bytes[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard (1...38).contains(digits.count) else { return nil }
        // Up to 18 digits in 64-bit arithmetic: 128-bit multiplication is slower.
        var high: UInt128 = 0, low: UInt64 = 0, lowDigits = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            if lowDigits == 18 {
                high = high * 1_000_000_000_000_000_000 + UInt128(low)
                (low, lowDigits) = (0, 0)
            }
            low = low &* 10 &+ UInt64(digit)
            lowDigits += 1
        }
        // 38 digits are below 10³⁸, which Int128 holds.
        let value = Int128(high * ResultCodec.powersOfTen[lowDigits] + UInt128(low))
        return negative ? -value : value
    }
}
