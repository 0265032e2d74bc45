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
}
