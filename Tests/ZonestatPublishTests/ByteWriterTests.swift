import Testing
import ZonestatCSV
@testable import ZonestatCore
@testable import ZonestatPublish

/// The byte writers against the reference writers they replace, on text chosen to reach every
/// branch: quoting, the formula guard, control characters, and the UTF-8 lead byte E2 that
/// starts U+2028/U+2029 but also `—`, `…` and `“`.
@Suite("Byte writer")
struct ByteWriterTests {
    static let samples = [
        "", "plain", "华鑫", "a,b", "say \"hi\"", "=1+1", "+", "-", "-3.5", "+2", "1.2.3", "@x", "\tx", "\rx", "\r\n",
        "x\ny", "\u{2028}", "a\u{2029}b", "—", "…", "“引号”", "\u{E2}", "\u{01}\u{1F}\u{7F}", "\u{08}\u{0C}", "\\",
        "e\u{301}", "🏭", "'quoted'", "\"", "\"=x\"",
    ]

    @Test(arguments: samples)
    func csvFieldAsCSVWriter(_ text: String) {
        var writer = ByteWriter(capacity: 0)
        writer.appendCSVField(text)
        #expect(writer.bytes == Array(CSVWriter.escape(text).utf8))
    }

    @Test(arguments: samples)
    func jsonStringAsJSONValue(_ text: String) {
        var writer = ByteWriter(capacity: 0)
        writer.appendJSONString(text)
        #expect(writer.bytes == Array(JSONValue.string(text).rendered().utf8))
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
