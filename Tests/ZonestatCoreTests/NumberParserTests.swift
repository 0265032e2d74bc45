import Testing
import ZonestatCore

@Suite("NumberParser")
struct NumberParserTests {
    private static func number(_ significand: Int128, _ decimals: Int = 0) -> ParsedNumber {
        .number(ExactDecimal(significand: significand, decimals: decimals))
    }

    @Test(arguments: [
        ("1234.5", number(12345, 1)),
        ("1,234.5", number(12345, 1)),
        ("1，234.5", number(12345, 1)),
        ("1,234,567", number(1_234_567)),
        ("12,345,678.90", number(1_234_567_890, 2)),
        ("１２３", number(123)),
        ("１２３．４", number(1234, 1)),
        ("１，２３４．５", number(12345, 1)),
        ("+12", number(12)),
        ("-12.5", number(-125, 1)),
        ("－12.5", number(-125, 1)),
        ("\u{2212}7", number(-7)),
        ("＋3", number(3)),
        ("  42  ", number(42)),
        ("\u{3000}42\u{3000}", number(42)),
        ("\u{00A0}42\u{00A0}", number(42)),
        ("\t-0.5\t", number(-5, 1)),
        ("\u{FEFF}8", number(8)),
        ("0", number(0)),
        ("-0", number(0)),
        ("0.00", number(0, 2)),
        ("007", number(7)),
        (".5", number(5, 1)),
        ("5.", number(5)),
        ("0.0001", number(1, 4)),
        ("1234.50", number(123_450, 2)),
        ("99999999999999999999999999999999999999", number(Int128("99999999999999999999999999999999999999") ?? 0)),
        ("0000000000000000000000000000000000000000012", number(12)),
    ])
    func readsNumbers(text: String, expected: ParsedNumber) {
        #expect(NumberParser.parse(text) == expected)
    }

    @Test(arguments: ["", "   ", "\u{3000}", "—", "——", "--", "-", "－", "…", "……", "...", "/", "／", " — ", "–", "―", "---", ".."])
    func nullMarkersAreNotReported(text: String) {
        #expect(NumberParser.parse(text) == .notReported)
        #expect(NumberParser.parse(text, percentAllowed: true) == .notReported)
    }

    @Test(arguments: [
        ("12.5%", ExactDecimal(significand: 125, decimals: 1)),
        ("12.5％", ExactDecimal(significand: 125, decimals: 1)),
        ("-3%", ExactDecimal(significand: -3, decimals: 0)),
        (" 100% ", ExactDecimal(significand: 100, decimals: 0)),
    ])
    func percentWhereAllowed(text: String, value: ExactDecimal) {
        #expect(NumberParser.parse(text, percentAllowed: true) == .percent(value))
        #expect(NumberParser.parse(text) == .invalid(.percentNotAllowed))
    }

    @Test func plainNumberWherePercentAllowed() {
        #expect(NumberParser.parse("12.5", percentAllowed: true) == Self.number(125, 1))
    }

    @Test(arguments: [
        ("1.2E+5", NumberProblem.scientificNotation),
        ("9.14403E+17", .scientificNotation),
        ("1e3", .scientificNotation),
        ("1.5e-3", .scientificNotation),
        ("－1.2E+5", .scientificNotation),
        ("１．２Ｅ＋５", .scientificNotation),
        ("E+5", .notANumber),
        ("1E", .notANumber),
        ("1E+", .notANumber),
        ("abc", .notANumber),
        ("12元", .notANumber),
        ("1.2.3", .notANumber),
        ("1 234", .notANumber),
        ("--5", .notANumber),
        ("+", .notANumber),
        (".", .notANumber),
        ("%", .notANumber),
        ("12%3", .notANumber),
        ("(123)", .notANumber),
        ("¥123", .notANumber),
        ("1-2", .notANumber),
        ("—5", .notANumber),
        ("/5", .notANumber),
        ("//", .notANumber),
        ("12,34", .badGrouping),
        ("1,2345", .badGrouping),
        ("1234,567", .badGrouping),
        ("1,234,5", .badGrouping),
        ("1234,5", .badGrouping),
        ("0,5", .badGrouping),
        (",123", .badGrouping),
        ("1,", .badGrouping),
        ("1,,234", .badGrouping),
        ("1.234,5", .badGrouping),
        ("12,34.5", .badGrouping),
        ("999999999999999999999999999999999999999", .outOfRange),
        ("0.000000000000000000000000000000000000001", .outOfRange),
    ])
    func problems(text: String, problem: NumberProblem) {
        #expect(NumberParser.parse(text) == .invalid(problem))
    }

    /// Plain ASCII takes a fast path; grouped and full-width forms the general one. Both must
    /// agree on every value.
    @Test func fastAndGeneralPathsAgree() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let integer = UInt64.random(in: 0...999_999_999_999, using: &generator)
            let fraction = Int.random(in: 0...9_999, using: &generator)
            let decimals = Int.random(in: 0...4, using: &generator)
            let negative = Bool.random(using: &generator)
            let fractionText = decimals == 0 ? "" : "." + String(String(fraction + 10_000).suffix(decimals))
            let plain = (negative ? "-" : "") + String(integer) + fractionText
            let grouped = (negative ? "-" : "") + Self.grouped(integer) + fractionText
            let fullWidth = String(String.UnicodeScalarView(plain.unicodeScalars.map { scalar in
                scalar == "-" ? "－" : Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar
            }))
            let expected = NumberParser.parse(plain)
            guard case .number(let value) = expected else {
                Issue.record("\(plain) did not parse")
                return
            }
            #expect(value.description == Self.canonical(plain))
            #expect(NumberParser.parse(grouped) == expected, "\(grouped)")
            #expect(NumberParser.parse(fullWidth) == expected, "\(fullWidth)")
            #expect(NumberParser.parse(" " + plain + "\u{3000}") == expected)
        }
    }

    private static func grouped(_ value: UInt64) -> String {
        var digits = Array(String(value))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    /// `-0012.3400` → `-12.34`, `-0` → `0`: what `ExactDecimal.description` prints.
    private static func canonical(_ text: String) -> String {
        var negative = text.hasPrefix("-")
        var body = negative ? String(text.dropFirst()) : text
        if body.contains(".") {
            while body.hasSuffix("0") { body.removeLast() }
            if body.hasSuffix(".") { body.removeLast() }
        }
        while body.count > 1, body.hasPrefix("0"), !body.hasPrefix("0.") { body.removeFirst() }
        if body == "0" { negative = false }
        return negative ? "-" + body : body
    }

    @Test func bufferEntryPoint() {
        let bytes = Array("  1,234.5 ".utf8)
        let result = bytes.withUnsafeBufferPointer { NumberParser.parse(utf8: $0) }
        #expect(result == Self.number(12345, 1))
        let empty = [UInt8]().withUnsafeBufferPointer { NumberParser.parse(utf8: $0) }
        #expect(empty == .notReported)
    }

    @Test func longNativeStringParses() {
        let long = String(repeating: " ", count: 40) + "12,345" + String(repeating: " ", count: 40)
        #expect(NumberParser.parse(long) == Self.number(12345))
    }
}
