import Testing
import XLSXFixtures

@testable import ZonestatXLSX

@Suite("Workbook: cells as Excel shows them")
struct WorkbookTests {
    private func sheet(_ rows: [[XLSXFixture.Cell]], date1904: Bool = false) throws -> Worksheet {
        let workbook = try Workbook(bytes: try XLSXFixture.workbook([.init("表1", rows: rows)], date1904: date1904))
        return try #require(workbook.sheets.first)
    }

    @Test func sharedAndInlineStringsAndNumbers() throws {
        let read = try sheet([["企业名称", .inline("甲&乙 <公司>"), .number("6869.8000000000002"), .number("1E-3"), .number("100")]])
        #expect(read.rows.map(\.cells) == [["企业名称", "甲&乙 <公司>", "6869.8", "0.001", "100"]])
        #expect(read.rows.first?.numericColumns == [2, 3, 4])
        #expect(read.rows.first?.number == 1)
    }

    @Test func emptyRowsAndCellsKeepTheirPlaces() throws {
        let read = try sheet([["a", "", "c"], [], ["", "b"]])
        #expect(read.rows.map(\.number) == [1, 3])
        #expect(read.rows.map(\.cells) == [["a", "", "c"], ["", "b"]])
    }

    /// 45046 is 2023-04-30 in both the built-in date format and a custom `yyyy"年"m"月"`; a
    /// number in General format stays a number.
    @Test func dateFormattedSerialsAreDates() throws {
        let read = try sheet([[.date("45046"), .date("45046.75", custom: true), .number("45046")]])
        #expect(read.rows.first?.cells == ["2023-04-30", "2023-04-30", "45046"])
        #expect(read.rows.first?.numericColumns == [2])
        let read1904 = try sheet([[.date("43584")]], date1904: true)
        #expect(read1904.rows.first?.cells == ["2023-04-30"])
    }

    @Test func formulasByTheirCachedValue() throws {
        let read = try sheet([[.formula("SUM(B1:C1)", cached: "12.300000000000001"), .formula("A1*2", cached: nil)]])
        #expect(read.rows.first?.cells == ["12.3"])
        #expect(read.formulasWithoutValue == [CellAddress(row: 1, column: 1)])
        #expect(read.formulasWithoutValue.first?.name == "B1")
    }

    @Test func mergedHeaderCellsKeepTheirTextInTheFirstCell() throws {
        let read = try sheet(
            [["企业名称", "工业总产值", ""], ["", "本月", "1-本月"]])
        #expect(read.rows.map(\.cells) == [["企业名称", "工业总产值"], ["", "本月", "1-本月"]])
    }

    @Test func sheetsInTabOrderAndBlankSheets() throws {
        let bytes = try XLSXFixture.workbook([.init("规上工业", rows: [["a"]]), .init("Sheet2", rows: [])])
        let workbook = try Workbook(bytes: bytes)
        #expect(workbook.sheets.map(\.name) == ["规上工业", "Sheet2"])
        #expect(workbook.sheets.map(\.isBlank) == [false, true])
    }

    @Test func aZipWithoutWorkbookAndDamagedParts() throws {
        #expect(throws: WorkbookError.notAWorkbook) { try Workbook(bytes: try XLSXFixture.zip([("word/document.xml", "<w/>")])) }
        #expect(throws: WorkbookError.notAZip) { try Workbook(bytes: Array("a,b\n".utf8)) }
        let broken = try XLSXFixture.zip([
            ("xl/workbook.xml", #"<workbook><sheets><sheet name="a" r:id="rId1"></sheets></workbook>"#),
        ])
        #expect(throws: WorkbookError.self) { try Workbook(bytes: broken) }
    }

    @Test func richTextAndPhoneticGuidesInSharedStrings() throws {
        let strings = try SharedStrings.read(Array(
            #"<sst><si><r><t>甲</t></r><r><t xml:space="preserve">公司 </t></r><rPh><t>コウ</t></rPh></si><si><t>a_x000D_b</t></si></sst>"#.utf8))
        #expect(strings == ["甲公司 ", "a\rb"])
    }
}
