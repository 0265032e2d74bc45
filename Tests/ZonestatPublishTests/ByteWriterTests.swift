import Testing
import ZonestatCSV
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

    @Test func emptyTablesAsTheReferenceWriters() {
        let table = PublishedTable(columns: ["a", "b,c"], rows: [])
        #expect(table.json() == Array("[]\n".utf8))
        #expect(table.csv(bom: true) == [0xEF, 0xBB, 0xBF] + Array("a,\"b,c\"\r\n".utf8))
    }
}
