import Testing
import ZonestatCSV
import ZonestatCore

@testable import ZonestatPipeline

/// Files are validated record by record as they are read; these pin the cases where that needs
/// care: a layout decided on the first records only, repeated rows, cells read as bytes.
@Suite("Records are validated as they are read")
struct StreamingTests {
    let a = Codes.valid(1), b = Codes.valid(2)

    @Test func blankLinesBeforeTextBeyondTheHeaderSearch() {
        let parsed = parse(String(repeating: ",,\n", count: 15) + "姓名,年龄\n张三,30\n")
        #expect(parsed.errors.map(\.code) == [.unknownLayout])
        #expect(parsed.errors.first?.value == "姓名,年龄")
        #expect(parsed.errors.first?.line == nil)
    }

    @Test func onlyBlankLinesAreAnEmptyFile() {
        #expect(parse(String(repeating: ",,\n", count: 30)).errors.map(\.code) == [.emptyFile])
    }

    @Test func aFileShorterThanTheHeaderSearch() {
        let parsed = parse(wideFile(period: "2023-04", rows: [(a, "甲", "10", "30")]))
        #expect(parsed.errors.isEmpty)
        #expect(parsed.facts.count == 2)
    }

    @Test func aSyntaxErrorAfterManyRowsLeavesOnlyItself() {
        var text = wideFile(period: "2023-04", rows: Array(repeating: (a, "甲", "x", "30"), count: 40))
        text += "\(b),\"乙,C3670,2023-04,1,2\n"
        let parsed = parse(text)
        #expect(parsed.problems.map(\.code) == [.csvSyntax])
        #expect(parsed.kind == nil)
    }

    @Test func aUnitPeriodRepeatedOnThreeRows() {
        let parsed = parse(wideFile(period: "2023-04", rows: [(a, "甲", "1", ""), (a, "甲", "", "2"), (a, "甲", "3", "4")]))
        #expect(parsed.errors.map(\.code) == [.duplicateKey])
        #expect(parsed.errors.map(\.line) == [5])
        #expect(parsed.errors.first?.message.contains("already given on line 3") == true)
        #expect(parsed.facts.map(\.line) == [3, 4])
    }

    @Test func aUnitInTwoPeriodsIsNoDuplicate() {
        let text = "单位:千元\n统一社会信用代码,企业名称,报告期,工业总产值本月,工业总产值1-本月\n"
            + "\(a),甲,2023-03,1,2\n\(b),乙,2023-03,1,2\n\(a),甲,2023-04,1,2\n\(a),甲公司,2023-04,5,\n"
        let parsed = parse(text)
        #expect(parsed.errors.map(\.code) == [.duplicateKey])
        #expect(parsed.errors.map(\.line) == [6])
        #expect(parsed.units.map(\.name) == ["甲公司", "乙"])
    }

    @Test(arguments: ["甲", " 甲", "甲 ", "\u{3000}甲\u{3000}", "\u{A0}甲", "甲\r", "\t", "", " \u{301}甲", "甲 \u{301}", "a\r\n"])
    func cellTextTrimsAsStrings(_ text: String) {
        var copy = text
        #expect(copy.withUTF8 { CellText.trimmed($0) } == text.trimmingWhitespace)
    }

    @Test func unitKeyIndexFindsWhatItStored() {
        var index = UnitKeyIndex()
        for n in 0..<5000 {
            #expect(index.position(of: UInt128(n) &* 0x9E37_79B9_7F4A_7C15, orInsert: Int32(n)) == nil)
        }
        for n in 0..<5000 {
            #expect(index.position(of: UInt128(n) &* 0x9E37_79B9_7F4A_7C15, orInsert: -2) == Int32(n))
        }
    }

    @Test func cellMemoReadsEachTextOnce() {
        var memo = CellMemo<String>()
        var reads = 0
        for text in ["2023-04", "2023-04", "x", "2023-04", "", "x"] {
            var copy = text
            let value = copy.withUTF8 { memo.value(of: $0) { reads += 1; return $0 + "!" } }
            #expect(value == text + "!")
        }
        #expect(reads == 3)
    }
}
