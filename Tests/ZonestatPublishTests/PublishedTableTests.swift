import Testing
import ZonestatCore
@testable import ZonestatPublish

@Suite("PublishedTable: CSV and JSON conventions")
struct PublishedTableTests {
    let table = PublishedTable(
        columns: ["name", "amount", "pct"],
        rows: [
            [.text("a"), .number("12345.6789"), .empty],
            [.text("=SUM(A1)"), .number("-3.5"), .number("51.0993")],
        ])

    @Test func csvHasBOMAndCRLFByDefault() {
        let bytes = table.csv()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(TestText.string(bytes) == "\u{FEFF}name,amount,pct\r\na,12345.6789,\r\n'=SUM(A1),-3.5,51.0993\r\n")
    }

    @Test func csvWithoutBOM() {
        #expect(TestText.string(table.csv(bom: false)).hasPrefix("name,amount,pct\r\n"))
    }

    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+1", "+1"), ("-3.5", "-3.5"), ("@x", "'@x"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-", "'-"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("line1\nline2", "\"line1\nline2\""),
        ("\tx", "'\tx"), ("普通文本", "普通文本"), ("a\r\nb", "\"a\r\nb\""), ("\"\u{301}x", "\"\"\"\u{301}x\""),
    ])
    func csvQuotingAndInjection(input: String, expected: String) {
        let csv = PublishedTable(columns: ["c"], rows: [[.text(input)]]).csv(bom: false)
        #expect(TestText.string(csv) == "c\r\n" + expected + "\r\n")
    }

    @Test func jsonHasTypedNumbersNullsAndColumnKeysInOrder() {
        let json = TestText.string(table.json())
        #expect(json == """
            [
              {"name": "a", "amount": 12345.6789, "pct": null},
              {"name": "=SUM(A1)", "amount": -3.5, "pct": 51.0993}
            ]

            """)
    }

    @Test func jsonOfNoRowsIsAnEmptyArray() {
        #expect(TestText.string(PublishedTable(columns: ["a"], rows: []).json()) == "[]\n")
    }

    @Test func jsonEscapesStrings() {
        let json = TestText.string(PublishedTable(columns: ["s"], rows: [[.text("q\"b\\n\nt\t\u{01}<")]]).json())
        #expect(json.contains(#"{"s": "q\"b\\n\nt\t\u0001<"}"#))
    }

    @Test func aNumberCellThatIsNotAJSONNumberIsWrittenAsAString() {
        let json = TestText.string(PublishedTable(columns: ["n"], rows: [[.number("1e5")], [.number("007")]]).json())
        #expect(json.contains(#""n": "1e5""#))
        #expect(json.contains(#""n": "007""#))
    }

    @Test(arguments: ["0", "-3.5", "12345.6789", "0.0001", "-0"])
    func validNumberLiterals(text: String) {
        #expect(JSONValue.isNumberLiteral(text))
    }

    @Test(arguments: ["", "-", "1.", ".5", "01", "1e5", "+1", "1,5", "NaN"])
    func invalidNumberLiterals(text: String) {
        #expect(!JSONValue.isNumberLiteral(text))
    }

    @Test func cellFormatting() {
        #expect(TableCell.percent(Ratio(numerator: 1, denominator: 3)) == .number("0.3333"))
        #expect(TableCell.percent(Ratio(numerator: -2, denominator: 3)) == .number("-0.6667"))
        #expect(TableCell.percent(nil) == .empty)
        #expect(TableCell.amount(AmountSum(raw: 123_456_789), in: .tenThousandYuan) == .number("1.23456789"))
        #expect(TableCell.amount(AmountSum(raw: -350_000), in: .tenThousandYuan) == .number("-0.0035"))
        #expect(TableCell.amount(.zero, in: .tenThousandYuan) == .number("0"))
        #expect(TableCell.flag(true) == .number("1"))
    }
}
