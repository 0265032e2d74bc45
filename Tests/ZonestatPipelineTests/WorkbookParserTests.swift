import Foundation
import Testing
import XLSXFixtures
import ZonestatCore

@testable import ZonestatPipeline

private let c1 = Codes.valid(1)
private let c2 = Codes.valid(2)

/// A form as a zone office keeps it in Excel: a title, a unit line, a two-row header whose
/// 工业总产值 is merged over 本月 and 1-本月, the period as a date cell, amounts as Excel
/// stores them, and a 合计 row.
func industryWorkbook(total: String = "12002") throws -> [UInt8] {
    try XLSXFixture.workbook([
        .init(
            "规上工业",
            rows: [
                ["XX经济开发区规上工业企业主要经济指标"],
                ["单位:千元"],
                ["统一社会信用代码", "企业名称", "行业代码", "报告期", "工业总产值", ""],
                ["", "", "", "", "本月", "1-本月"],
                [.text(c1), "甲公司", "C3670", .date("45046"), .number("6869.8000000000002"), .number("12000")],
                [.text(c2), .inline("乙公司"), .number("3670"), .date("45046", custom: true), .number("1"), .number("2")],
                ["", "合计", "", "", .formula("SUM(E5:E6)", cached: "6870.8"), .formula("SUM(F5:F6)", cached: total)],
            ],
            merged: ["A1:F1", "E3:F3", "A3:A4", "B3:B4", "C3:C4", "D3:D4"]),
        .init("Sheet2", rows: []),
    ])
}

/// The same form saved as CSV by Excel.
private let industryCSV = """
    XX经济开发区规上工业企业主要经济指标,,,,,
    单位:千元,,,,,
    统一社会信用代码,企业名称,行业代码,报告期,工业总产值,
    ,,,,本月,1-本月
    \(c1),甲公司,C3670,2023-04-30,6869.8,12000
    \(c2),乙公司,3670,2023-04-30,1,2
    ,合计,,,6870.8,12002

    """

@Suite("Excel workbooks are read as the CSV saved from them would be")
struct WorkbookParserTests {
    private let parser = FileParser(config: PipelineConfig(zoneName: "z", workspace: "/tmp"))

    @Test func aWorkbookReadsAsItsCSV() throws {
        let fromExcel = parser.parse(try industryWorkbook(), name: "2023-04 规上工业.xlsx")
        let fromCSV = parser.parse(Array(industryCSV.utf8), name: "2023-04 规上工业.csv")
        #expect(fromExcel.problems == [])
        #expect(fromExcel.kind == .wide)
        #expect(fromExcel.rows == 2, "the 合计 row is no data row")
        #expect(fromExcel.facts == fromCSV.facts)
        #expect(fromExcel.units == fromCSV.units)
        #expect(fromExcel.columnHeaders == fromCSV.columnHeaders)
        #expect(fromExcel.facts.count == 4)
        #expect(fromExcel.encoding == "xlsx")
        #expect(fromExcel.sheet == "规上工业")
    }

    /// A 合计 row that does not add up is a warning that names the sheet and the row.
    @Test func aTotalRowIsCheckedAndProblemsNameTheSheet() throws {
        let parsed = parser.parse(try industryWorkbook(total: "12003"), name: "月报.xlsx")
        let problem = try #require(parsed.problems.first)
        #expect(parsed.problems.map(\.code) == [.totalsMismatch])
        #expect(problem.file == "月报.xlsx[规上工业]")
        #expect(problem.line == 7)
        #expect(problem.column == "工业总产值1-本月")
        #expect(problem.value == "12003")
    }

    @Test func aFormulaSavedWithoutItsValueIsAnError() throws {
        let bytes = try XLSXFixture.workbook([.init("表", rows: [
            ["统一社会信用代码", "企业名称", "行业代码", "报告期", "工业总产值本月(千元)", "工业总产值1-本月(千元)"],
            [.text(c1), "甲", "C3670", "2023-04", .formula("F2-100", cached: nil), .number("300")],
        ])])
        let parsed = parser.parse(bytes, name: "x.xlsx")
        let problem = try #require(parsed.problems.first { $0.code == .formulaWithoutValue })
        #expect(parsed.isRejected)
        #expect(problem.file == "x.xlsx[表]" && problem.line == 2 && problem.column == "工业总产值本月(千元)")
        #expect(problem.message.contains("E2"))
    }

    /// A credit code typed without the text format is stored as a number: Excel shows it as
    /// `9.14403E+17`, and so does the problem.
    @Test func aCreditCodeStoredAsANumberIsMangled() throws {
        let bytes = try XLSXFixture.workbook([.init("表", rows: [
            ["统一社会信用代码", "企业名称", "行业代码", "报告期", "工业总产值本月(千元)", "工业总产值1-本月(千元)"],
            [.number("9.14403E+17"), "甲", "C3670", "2023-04", .number("1"), .number("2")],
            [.number("911234567890123456"), "乙", "C3670", "2023-04", .number("1"), .number("2")],
        ])])
        let parsed = parser.parse(bytes, name: "x.xlsx")
        #expect(parsed.errors.map(\.code) == [.creditCodeMangled, .creditCodeMangled])
        #expect(parsed.errors.map(\.value) == ["9.14403E+17", "9.11235E+17"])
        #expect(parsed.errors.map(\.column) == ["统一社会信用代码", "统一社会信用代码"])
    }

    /// A growth target in a percent cell reads as Excel shows it, 30%, not as the stored 0.3.
    @Test func aPercentCellIsThePercentageShown() throws {
        let bytes = try XLSXFixture.workbook([.init("目标", rows: [
            ["年度", "指标", "目标值", "单位", "目标增速"],
            [.number("2023"), "固定资产投资", .number("52"), "亿元", .percent("0.3")],
        ])])
        let parsed = parser.parse(bytes, name: "2023年度目标.xlsx")
        #expect(parsed.problems == [])
        #expect(parsed.targets.map(\.growth) == ["30"])
    }

    @Test func aLegacyWorkbookSaysHowToSaveIt() {
        let ole2: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        for name in ["月报.xls", "月报.et"] {
            let parsed = parser.parse(ole2, name: name)
            #expect(parsed.problems.map(\.code) == [.legacyExcel])
            #expect(parsed.problems.first?.message.hasPrefix("这是旧版Excel(.xls)工作簿，请在Excel或WPS中另存为.xlsx或“CSV UTF-8”后重新放入") == true)
        }
    }

    @Test func otherBinaryFilesAreNoTable() throws {
        let files: [(String, [UInt8])] = [
            ("a.zip", try XLSXFixture.zip([("报表/说明.txt", "hello")])),
            ("a.pdf", Array("%PDF-1.7\n%\u{00e2}\n".utf8) + [0, 1, 2]),
            ("a.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]),
            ("a.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
        ]
        for (name, bytes) in files {
            let parsed = parser.parse(bytes, name: name)
            #expect(parsed.problems.map(\.code) == [.notATable], "\(name)")
            #expect(parsed.problems.first?.file == name)
        }
    }

    @Test func aDamagedWorkbookSaysSo() throws {
        let bytes = try XLSXFixture.zip([("xl/workbook.xml", "<workbook><sheets>")])
        let parsed = parser.parse(bytes, name: "a.xlsx")
        #expect(parsed.problems.map(\.code) == [.damagedWorkbook])
        #expect(parsed.problems.first?.value == "xl/workbook.xml")
    }

    /// A notes sheet beside the table is passed over with a warning; a blank sheet silently;
    /// a workbook with no table at all says what the sheet lacks.
    @Test func sheetsWithoutATable() throws {
        let notes = XLSXFixture.Sheet("填表说明", rows: [["1. 本表按月报送"], ["2. 金额单位千元"]])
        let withTable = try XLSXFixture.workbook([notes, industrySheet])
        let parsed = parser.parse(withTable, name: "a.xlsx")
        #expect(!parsed.isRejected)
        #expect(parsed.warnings.map(\.code) == [.ignoredSheet])
        #expect(parsed.warnings.first?.value == "填表说明")
        let onlyNotes = parser.parse(try XLSXFixture.workbook([notes]), name: "b.xlsx")
        #expect(onlyNotes.errors.map(\.code) == [.unknownLayout])
        #expect(onlyNotes.errors.first?.file == "b.xlsx[填表说明]")
        let blank = parser.parse(try XLSXFixture.workbook([.init("Sheet1", rows: [])]), name: "c.xlsx")
        #expect(blank.errors.map(\.code) == [.emptyFile])
    }

    /// Two sheets, each a table: one file's units and values; the same value on both is a
    /// duplicate, named on the second sheet.
    @Test func tablesOnSeveralSheets() throws {
        let header: [XLSXFixture.Cell] = ["统一社会信用代码", "企业名称", "行业代码", "报告期", "工业总产值本月(千元)", "工业总产值1-本月(千元)"]
        let east = XLSXFixture.Sheet("东区", rows: [header, [.text(c1), "甲", "C3670", "2023-04", .number("1"), .number("2")]])
        let west = XLSXFixture.Sheet("西区", rows: [header, [.text(c2), "乙", "C3670", "2023-04", .number("3"), .number("4")]])
        let both = parser.parse(try XLSXFixture.workbook([east, west]), name: "a.xlsx")
        #expect(both.problems == [])
        #expect(both.units.map(\.creditCode) == [c1, c2])
        #expect(both.facts.count == 4)
        #expect(both.facts.map(\.unit) == [0, 0, 1, 1])
        #expect(both.rows == 2)
        let again = parser.parse(try XLSXFixture.workbook([east, .init("东区(2)", rows: east.rows)]), name: "b.xlsx")
        #expect(again.errors.map(\.code) == [.duplicateKey, .duplicateKey])
        #expect(again.errors.first?.file == "b.xlsx[东区(2)]")
        #expect(again.errors.first?.line == 2)
        #expect(again.units.count == 1)
    }

    /// Extract takes a workbook from the inbox into the warehouse like any file.
    @Test func extractIngestsAWorkbook() throws {
        let workspace = try TestWorkspace()
        try workspace.drop("2023-04 规上工业.xlsx", bytes: try industryWorkbook())
        let summary = try workspace.extract()
        let outcome = try #require(summary.results.first?.outcome)
        guard case .ingested = outcome else {
            Issue.record("not ingested: \(outcome)")
            return
        }
        #expect(try workspace.count("SELECT COUNT(*) FROM facts") == 4)
    }

    /// A workbook that would change values already held is held, each conflict quoting the
    /// cell as Excel shows it and naming the sheet.
    @Test func aConflictQuotesTheCellAsExcelShowsIt() throws {
        let workspace = try TestWorkspace()
        try workspace.drop("2023-04 规上工业.xlsx", bytes: try industryWorkbook())
        _ = try workspace.extract()
        var changed = industrySheet
        changed.rows[1][4] = .number("6869.8999999999996")
        try workspace.drop("2023-04 规上工业(2).xlsx", bytes: try XLSXFixture.workbook([changed]))
        let summary = try workspace.extract()
        let conflicts = try #require(summary.results.first?.problems).filter { $0.code == .revisionConflict }
        #expect(conflicts.count == 1, "\(summary.results)")
        #expect(conflicts.map(\.value) == ["6869.9"])
        #expect(conflicts.map(\.file) == ["2023-04 规上工业(2).xlsx[规上工业]"])
        #expect(conflicts.map(\.line) == [2])
        #expect(conflicts.map(\.column) == ["工业总产值本月(千元)"])
    }

    private var industrySheet: XLSXFixture.Sheet {
        XLSXFixture.Sheet("规上工业", rows: [
            ["统一社会信用代码", "企业名称", "行业代码", "报告期", "工业总产值本月(千元)", "工业总产值1-本月(千元)"],
            [.text(c1), "甲公司", "C3670", .date("45046"), .number("6869.8000000000002"), .number("12000")],
        ])
    }
}
