import Testing
import ZonestatCSV
@testable import ZonestatCore
@testable import ZonestatPublish

/// The one CSV and the one JSON string encoder against cells written out by hand, on text chosen
/// to reach every branch: quoting, the formula guard, control characters, and the UTF-8 lead byte
/// E2 that starts U+2028/U+2029 but also `—`, `…` and `“`; numbers against their reference values.
@Suite("Byte writer")
struct ByteWriterTests {
    /// outputs.md's CSV cells, written out by hand: quoted when they hold a comma, quote or line
    /// break (quotes doubled), `'` before what a spreadsheet would evaluate unless it is a number.
    @Test func csvFieldsAsOutputsMdSays() {
        let expected: [(String, String)] = [
            ("", ""), ("plain", "plain"), ("华鑫", "华鑫"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("=1+1", "'=1+1"), ("+", "'+"), ("-", "'-"), ("-3.5", "-3.5"), ("+2", "+2"), ("1.2.3", "1.2.3"),
            ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("\r\n", "\"'\r\n\""), ("x\ny", "\"x\ny\""),
            ("—", "—"), ("'quoted'", "'quoted'"), ("\"", "\"\"\"\""), ("\"=x\"", "\"\"\"=x\"\"\""), ("-0.5.1", "'-0.5.1"),
        ]
        for (field, cell) in expected {
            var writer = ByteWriter(capacity: 0)
            writer.appendCSVField(field)
            #expect(writer.bytes == Array(cell.utf8), "\(field.debugDescription)")
            #expect(CSVWriter.escape(field) == cell)
        }
        var file = CSVWriter()
        file.append(["a", "=b"])
        file.append([])
        #expect(file.bytes == [0xEF, 0xBB, 0xBF] + Array("a,'=b\r\n\r\n".utf8))
        #expect(CSVWriter(byteOrderMark: false).bytes.isEmpty)
    }

    /// JSON string literals, written out by hand: `"` and `\\` escaped, control characters as
    /// short escapes or `\\u00XX`, U+2028 and U+2029 escaped, everything else as UTF-8.
    @Test func jsonStringsAsRFC8259() {
        let expected: [(String, String)] = [
            ("", "\"\""), ("plain", "\"plain\""), ("a\"b", "\"a\\\"b\""), ("\\", "\"\\\\\""),
            ("\n\r\t\u{08}\u{0C}", "\"\\n\\r\\t\\b\\f\""), ("\u{01}\u{1F}", "\"\\u0001\\u001f\""), ("\u{7F}", "\"\u{7F}\""),
            ("\u{2028}", "\"\\u2028\""), ("a\u{2029}b", "\"a\\u2029b\""), ("—…“", "\"—…“\""), ("\u{E2}", "\"\u{E2}\""),
            ("🏭", "\"🏭\""), ("e\u{301}", "\"e\u{301}\""),
        ]
        for (text, literal) in expected {
            var writer = ByteWriter(capacity: 0)
            writer.appendJSONString(text)
            #expect(writer.bytes == Array(literal.utf8), "\(text.debugDescription)")
            #expect(JSONValue.string(text).rendered() == literal)
        }
    }

    @Test func cellsAsTheirJSONValue() {
        for cell in [TableCell.text("x\"y"), .number("12.5"), .number("1e5"), .number("-0"), .number("01"), .empty] {
            var writer = ByteWriter(capacity: 0)
            writer.appendJSON(cell)
            #expect(writer.bytes == Array(cell.jsonValue.rendered().utf8))
        }
    }

    @Test func percentsAsRoundedRatios() {
        var ratios: [Ratio] = [.zero, Ratio(100), Ratio(-7)]
        let limit = Int128(UInt64.max / 10_000)
        for numerator: Int128 in [1, 5, 15, 25, 49_999, 50_000, 99_999, 123_456_789, limit - 1, limit, limit + 1, Int128(UInt64.max), Int128(UInt64.max) * 3] {
            for denominator: Int128 in [1, 2, 3, 7, 8, 16, 20_000, 40_000, 99_991, Int128(UInt64.max), Int128(UInt64.max) + 2] {
                for sign: Int128 in [1, -1] {
                    if let ratio = Ratio(numerator: sign * numerator, denominator: denominator) { ratios.append(ratio) }
                }
            }
        }
        var seed: UInt64 = 3
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let numerator = Int128(Int64(bitPattern: seed) >> Int64(seed % 60))
            let denominator = Int128(1 + (seed >> 40) % 1_000_003)
            if let ratio = Ratio(numerator: numerator, denominator: denominator) { ratios.append(ratio) }
        }
        for ratio in ratios {
            var writer = ByteWriter(capacity: 0)
            writer.appendPercent(ratio)
            #expect(writer.bytes == Array(ratio.roundedByDigits(decimals: 4).description.utf8), "\(ratio)")
        }
    }

    @Test func emptyTablesAsTheReferenceWriters() {
        let table = PublishedTable(columns: ["a", "b,c"], rows: [])
        #expect(table.json() == Array("[]\n".utf8))
        #expect(table.csv(bom: true) == [0xEF, 0xBB, 0xBF] + Array("a,\"b,c\"\r\n".utf8))
    }
}
