import Foundation
import Testing
import ZIPFoundation
import ZonestatCore

@testable import ZonestatPublish

/// tables.xlsx: a zip of SpreadsheetML whose bytes depend on the figures alone.
@Suite("tables.xlsx")
struct TablesWorkbookTests {
    @Test func identicalInputsGiveIdenticalBytesWithFixedEntryDates() throws {
        let context = SourceDocument.context()
        let first = try TablesWorkbook.render(context)
        #expect(first == (try TablesWorkbook.render(context)))
        let archive = try Archive(data: Data(first), accessMode: .read)
        let entries = Array(archive)
        #expect(entries.first?.path == "[Content_Types].xml")
        // 1980-01-01 00:00:00 UTC, the first time a ZIP entry can state; rw-r--r--.
        #expect(entries.allSatisfy { $0.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800) })
        #expect(entries.allSatisfy { ($0.fileAttributes[.posixPermissions] as? Int16).map { $0 & 0o777 } == 0o644 })
        #expect(entries.contains { $0.path == "xl/worksheets/sheet1.xml" })
    }

    @Test func publishedTextBecomesNumbersAtItsDecimalsAndCodesStayText() {
        #expect(WorkbookCell.published("51.1") == .number("51.1", decimals: 1))
        #expect(WorkbookCell.published("+36.3") == .signedNumber("36.3", decimals: 1))
        #expect(WorkbookCell.published("-0.10") == .number("-0.10", decimals: 2))
        #expect(WorkbookCell.published("125") == .number("125", decimals: 0))
        #expect(WorkbookCell.published("—") == .text("—"))
        #expect(WorkbookCell.published("19.2（估算）") == .text("19.2（估算）"))
        #expect(WorkbookCell(.text("06")) == .text("06"))
        #expect(WorkbookCell(.text("913405001093791222")) == .text("913405001093791222"))
        #expect(WorkbookCell(.number("333057.1")) == .number("333057.1", decimals: 1))
    }

    @Test func cellsAreAddressedAndEscaped() {
        #expect(WorkbookXML.columnName(0) == "A" && WorkbookXML.columnName(25) == "Z")
        #expect(WorkbookXML.columnName(26) == "AA" && WorkbookXML.columnName(701) == "ZZ")
        #expect(WorkbookXML.escape("a<b>&\"c\u{1}") == "a&lt;b&gt;&amp;&quot;c")
        let sheet = WorkbookSheet(name: "t", rows: [[.header("代码")], [.text("06"), .number("1.50", decimals: 2)]], frozenRows: 1)
        let xml = String(decoding: WorkbookXML.worksheet(sheet), as: UTF8.self)
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<c r=\"A2\" s=\"2\" t=\"inlineStr\"><is><t>06</t></is></c><c r=\"B2\" s=\"5\"><v>1.50</v></c>"))
        #expect(WorkbookXML.styles.contains("<numFmt numFmtId=\"165\" formatCode=\"0.00\"/>"))
        #expect(WorkbookXML.styles.contains("<numFmt numFmtId=\"173\" formatCode=\"+0.0;-0.0;0.0\"/>"))
        let signed = WorkbookSheet(name: "t", rows: [[.signedNumber("36.3", decimals: 1)]], frozenRows: 0)
        #expect(String(decoding: WorkbookXML.worksheet(signed), as: UTF8.self).contains("<c r=\"A1\" s=\"13\"><v>36.3</v></c>"))
    }

    /// A sheet past Excel's 1,048,576 rows would not open: the unit rows continue in 企业2, …,
    /// each under the header, in the same order.
    @Test func unitRowsContinueOnNewSheetsPastTheRowLimit() throws {
        let context = GeneratedResult.context(units: 120)
        let blocks = context.periodUnitBlocks
        let total = blocks.reduce(0) { $0 + $1.count }
        let whole = try TablesWorkbook.unitSheets(context, blocks)
        #expect(whole.count == 1 && whole[0].name == "企业" && whole[0].rowCount == total + 1)
        let parts = try TablesWorkbook.unitSheets(context, blocks, rowsPerSheet: 100)
        #expect(parts.map(\.name) == ["企业"] + (2...((total + 99) / 100)).map { "企业\($0)" })
        #expect(parts.allSatisfy { $0.row(0) == whole[0].row(0) && $0.rowCount <= 101 })
        let rows = parts.flatMap { sheet in (1..<sheet.rowCount).map { sheet.row($0) } }
        #expect(rows == (1...total).map { whole[0].row($0) })
        #expect(WorkbookSheet.maxRows == 1_048_576)
    }

    /// A unit sheet longer than one part is deflated in parts: the workbook's entry inflates to
    /// exactly the sheet's XML written in one go.
    @Test func aLongUnitSheetReadsBackWhole() throws {
        let context = GeneratedResult.context(units: 5_000)
        let sheets = try TablesWorkbook.sheets(context, document: try ReportBuilder.document(context))
        let index = try #require(sheets.firstIndex { $0.name == "企业" })
        #expect(sheets[index].rowCount > WorkbookZip.rowsPerPart)
        let archive = try Archive(data: Data(try TablesWorkbook.render(context)), accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet\(index + 1).xml"])
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        #expect([UInt8](data) == WorkbookXML.worksheet(sheets[index]))
    }

    /// The unit rows written straight into XML are the bytes their cells give, for every kind
    /// of name (quotes, controls, spaces, formulas), empty industries and areas, and every sign.
    @Test func unitRowsWrittenDirectlyEqualTheirCells() throws {
        let context = GeneratedResult.context(units: 600)
        let sheets = try TablesWorkbook.unitSheets(context, context.periodUnitBlocks, rowsPerSheet: 1_000)
        #expect(sheets.count > 1 && sheets.allSatisfy { $0.writeRow != nil })
        for sheet in sheets {
            var cellsOnly = sheet
            cellsOnly.writeRow = nil
            #expect(WorkbookXML.worksheet(sheet) == WorkbookXML.worksheet(cellsOnly), "\(sheet.name)")
        }
    }
}
