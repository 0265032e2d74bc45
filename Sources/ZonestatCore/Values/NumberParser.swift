/// Reads number cells as analysts' spreadsheets really write them (inputs.md "Cell values").
///
/// Accepts `1234.5`, `1,234.5`, `1，234.5`, full-width digits and point (`１２３．４`), a
/// leading `+`, `-`, `－` or `−`, and surrounding spaces (ASCII, U+3000, U+00A0, tabs).
/// Empty cells and the null markers `—`, `——`, `--`, `-`, `－`, `…`, `……`, `...`, `/` are
/// ``ParsedNumber/notReported``, not zero. A trailing `%`/`％` is a percentage where one is
/// expected. Everything else, scientific notation included, is a ``NumberProblem``.
///
/// The scan works on UTF-8 bytes and allocates nothing; numbers are exact (`Int128`
/// significand), never `Double`.
public enum NumberParser {
    /// Parses one cell's text.
    public static func parse(_ text: String, percentAllowed: Bool = false) -> ParsedNumber {
        if let result = text.utf8.withContiguousStorageIfAvailable({
            parse(utf8: $0, percentAllowed: percentAllowed)
        }) {
            return result
        }
        var copy = text
        return copy.withUTF8 { parse(utf8: $0, percentAllowed: percentAllowed) }
    }

    /// Parses one cell's UTF-8 bytes, for callers that hold a buffer and no `String`.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, percentAllowed: Bool = false) -> ParsedNumber {
        // Most cells are plain digits, first and last: no space to trim, no sign.
        if let first = bytes.first, let last = bytes.last, first &- 0x30 < 10, last &- 0x30 < 10,
            let plain = plainASCII(bytes, from: 0, to: bytes.count, negative: false)
        {
            return .number(plain)
        }
        var (start, end) = trimmedBounds(bytes)
        guard start < end else { return .notReported }
        let first = bytes[start]
        if !(0x30...0x39).contains(first), isNullMarker(bytes, start, end) {
            return .notReported
        }
        var negative = false
        let (sign, width) = foldedCharacter(bytes, start, end)
        if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            start += width
        }
        if let plain = plainASCII(bytes, from: start, to: end, negative: negative) {
            return .number(plain)
        }
        return scanDigits(bytes, from: start, to: end, negative: negative, percentAllowed: percentAllowed)
    }

    /// The amount of a plain cell — ASCII digits with at most one point, a digit first and
    /// last, at most 18 digits — stated in `unit`, straight from its bytes in 64 bits: what
    /// ``parse(utf8:percentAllowed:)`` and ``ExactDecimal/amount(in:)`` give it. Nil for any
    /// other cell, and for one those would reject (too precise, out of range), which the
    /// caller then reads through them.
    @inline(__always)
    public static func plainAmount(utf8 bytes: UnsafeBufferPointer<UInt8>, in unit: MoneyUnit) -> Amount? {
        let count = bytes.count
        guard count > 0, count <= 19, let base = bytes.baseAddress, base[0] &- 0x30 < 10, base[count - 1] &- 0x30 < 10
        else { return nil }
        var significand: Int64 = 0
        var pointAt = -1
        for index in 0..<count {
            let byte = base[index]
            let digit = byte &- 0x30
            if digit < 10 {
                significand = significand &* 10 &+ Int64(digit)
            } else if byte == UInt8(ascii: "."), pointAt < 0 {
                pointAt = index
            } else {
                return nil
            }
        }
        // 19 bytes with no point are 19 digits: more than the 18 the plain path takes.
        guard pointAt >= 0 || count <= 18 else { return nil }
        let decimals = pointAt < 0 ? 0 : count - pointAt - 1
        let shift = 4 + unit.yuanExponent - decimals
        guard shift >= 0, shift <= 18 else { return nil }
        let (product, overflow) = significand.multipliedReportingOverflow(by: powersOfTen64[shift])
        return overflow ? nil : Amount(raw: product)
    }

    /// 10^0 … 10^18.
    private static let powersOfTen64: [Int64] = (0...18).map { power in (0..<power).reduce(1) { total, _ in total * 10 } }

    /// Reads the digits, separators, point and `%` after the sign.
    private static func scanDigits(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, negative: Bool,
        percentAllowed: Bool
    ) -> ParsedNumber {
        var significand: UInt128 = 0
        var significantDigits = 0
        var integerDigits = 0
        var fractionDigits = 0
        var groupDigits = 0
        var firstDigitIsZero = false
        var sawPoint = false
        var sawComma = false
        var isPercent = false
        var index = start
        while index < end {
            let (character, width) = foldedCharacter(bytes, index, end)
            switch character {
            case 0x30...0x39:
                let digit = UInt128(character &- 0x30)
                if sawPoint {
                    fractionDigits += 1
                } else {
                    if integerDigits == 0 { firstDigitIsZero = digit == 0 }
                    integerDigits += 1
                    groupDigits += 1
                }
                if sawPoint || significand != 0 || digit != 0 {
                    significantDigits += 1
                    guard significantDigits <= DecimalText.maximumDecimals else { return .invalid(.outOfRange) }
                    significand = significand &* 10 &+ digit
                }
            case UInt8(ascii: ","):
                if sawPoint || integerDigits == 0 { return .invalid(.badGrouping) }
                let firstGroupBad = groupDigits > 3 || firstDigitIsZero
                if sawComma ? groupDigits != 3 : firstGroupBad { return .invalid(.badGrouping) }
                sawComma = true
                groupDigits = 0
            case UInt8(ascii: "."):
                if sawPoint { return .invalid(.notANumber) }
                if sawComma, groupDigits != 3 { return .invalid(.badGrouping) }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                let hasMantissa = integerDigits + fractionDigits > 0
                if hasMantissa, isExponent(bytes, index + width, end) { return .invalid(.scientificNotation) }
                return .invalid(.notANumber)
            case UInt8(ascii: "%"):
                guard index + width == end, integerDigits + fractionDigits > 0 else { return .invalid(.notANumber) }
                isPercent = true
            default:
                return .invalid(.notANumber)
            }
            index += width
        }
        guard integerDigits + fractionDigits > 0 else { return .invalid(.notANumber) }
        if sawComma, !sawPoint, groupDigits != 3 { return .invalid(.badGrouping) }
        let magnitude = Int128(truncatingIfNeeded: significand)
        let value = ExactDecimal(significand: negative ? -magnitude : magnitude, decimals: fractionDigits)
        guard isPercent else { return .number(value) }
        return percentAllowed ? .percent(value) : .invalid(.percentNotAllowed)
    }

    /// The common case in one tight loop: ASCII digits with at most one point and at most 18
    /// digits. Nil for anything else (separators, full-width forms, `%`, problems), which
    /// ``scanDigits(_:from:to:negative:percentAllowed:)`` then reads.
    @inline(__always)
    private static func plainASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, negative: Bool
    ) -> ExactDecimal? {
        guard end - start <= 19 else { return nil }
        var significand: UInt64 = 0
        var pointAt = -1
        var index = start
        while index < end {
            let byte = bytes[index]
            let digit = byte &- 0x30
            if digit < 10 {
                significand = significand &* 10 &+ UInt64(digit)
            } else if byte == UInt8(ascii: "."), pointAt < 0 {
                pointAt = index
            } else {
                return nil
            }
            index += 1
        }
        let digits = pointAt < 0 ? end - start : end - start - 1
        guard digits > 0, digits <= 18 else { return nil }
        let magnitude = Int128(significand)
        let decimals = pointAt < 0 ? 0 : end - pointAt - 1
        return ExactDecimal(significand: negative ? -magnitude : magnitude, decimals: decimals)
    }

    /// Whether the bytes from `start` are an exponent's rest: an optional sign, then digits.
    private static func isExponent(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        if index < end {
            let (sign, width) = foldedCharacter(bytes, index, end)
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += width }
        }
        guard index < end else { return false }
        while index < end {
            let (character, width) = foldedCharacter(bytes, index, end)
            guard (0x30...0x39).contains(character) else { return false }
            index += width
        }
        return true
    }
}
