/// A numeric cell's stored value as text, the way Excel displays it in a General column
/// widened enough: the shortest decimal that reads back as the same double, without exponent.
///
/// Excel stores `6869.8` as `6869.8000000000002` (17 significant digits); both are the same
/// double, and `6869.8` is what the analyst typed and sees.
public enum CellNumber {
    /// The shortest round-trip decimal of the stored text `stored` (`6869.8000000000002` →
    /// `6869.8`, `1E-3` → `0.001`, `100` → `100`); nil when it is no finite number.
    public static func text(_ stored: String) -> String? {
        if let plain = plain(stored.utf8) { return plain }
        guard let value = Double(stored), value.isFinite else { return nil }
        return text(value)
    }

    /// The shortest round-trip decimal of `value`, without exponent.
    public static func text(_ value: Double) -> String {
        if value == 0 { return "0" }
        // Swift's description is the shortest round-trip digits, in plain or exponent form.
        let shortest = value.magnitude.description
        // The common case, plain (`361.9`, `1992.0`): only a `.0` to drop.
        if !shortest.utf8.contains(UInt8(ascii: "e")) {
            let plain = shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
            return value < 0 ? "-" + plain : plain
        }
        let (digits, exponent) = decompose(shortest)
        let sign = value < 0 ? "-" : ""
        // value = 0.digits × 10^exponent
        if exponent <= 0 {
            return sign + "0." + String(repeating: "0", count: -exponent) + digits
        }
        if exponent >= digits.count {
            return sign + digits + String(repeating: "0", count: exponent - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: exponent)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// A number in a percent format as Excel shows it: `0.125` → `12.5%` (the decimal point
    /// moved, not a product of doubles, so that `0.123` is `12.3%`, never `12.299999999999999%`).
    public static func percentText(_ stored: String) -> String? {
        guard let plain = text(stored) else { return nil }
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: max(0, 2 - fraction.count))
        integer += fraction.prefix(2)
        fraction = String(fraction.dropFirst(2))
        while integer.count > 1, integer.hasPrefix("0") { integer.removeFirst() }
        let shifted = integer + (fraction.isEmpty ? "" : "." + fraction)
        return (negative && shifted != "0" ? "-" : "") + shifted + "%"
    }

    /// How Excel's General format shows a number too long for its column (`9.14403E+17`): six
    /// significant digits and an exponent. What a credit code stored as a number looks like in
    /// the sheet, and in a CSV saved from it.
    public static func generalDisplay(_ value: Double) -> String {
        let magnitude = value.magnitude
        guard magnitude >= 1e11 || (magnitude != 0 && magnitude < 1e-9) else { return text(value) }
        var exponent = Int((magnitude.log10Floor))
        var mantissa = (magnitude / pow10(exponent) * 100_000).rounded() / 100_000
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        let sign = value < 0 ? "-" : ""
        let exponentText = (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
        return sign + text(mantissa) + "E" + exponentText
    }

    /// Digits without leading or trailing zeros, and the decimal exponent `e` with
    /// value = 0.digits × 10^e, of a non-negative description (`123.45`, `1e-05`, `1.2e+20`).
    private static func decompose(_ description: String) -> (String, Int) {
        var mantissa = Substring(description)
        var power = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = description[..<e]
            power = Int(description[description.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var exponent = integer.count + power
        while digits.hasPrefix("0") {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, exponent)
    }

    /// The stored text itself, tidied, when it is a plain decimal of at most 15 significant
    /// digits: any two such decimals are different doubles, so it already is the shortest.
    private static func plain(_ utf8: String.UTF8View) -> String? {
        var significant = 0
        var seenNonZero = false
        var dot = false
        var first = true
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "-") where first:
                break
            case UInt8(ascii: "."):
                if dot { return nil }
                dot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if byte != UInt8(ascii: "0") { seenNonZero = true }
                if seenNonZero { significant += 1 }
            default:
                return nil
            }
            first = false
        }
        guard significant <= 15, !first else { return nil }
        var text = String(decoding: utf8, as: UTF8.self)
        if dot {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        // Leading zeros (`007`, `-00.5`) and `-0`: let the double path normalise them.
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        if body.isEmpty || (body.hasPrefix("0") && body.count > 1 && !body.hasPrefix("0.")) || body == "0" && text.hasPrefix("-") {
            return nil
        }
        if body.hasPrefix(".") { return nil }
        return text
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

extension Double {
    /// ⌊log₁₀ x⌋ for a positive x, counted rather than computed so that powers of ten are exact.
    fileprivate var log10Floor: Int {
        var exponent = 0
        var scaled = self
        while scaled >= 10 {
            scaled /= 10
            exponent += 1
        }
        while scaled < 1 {
            scaled *= 10
            exponent -= 1
        }
        return exponent
    }
}
