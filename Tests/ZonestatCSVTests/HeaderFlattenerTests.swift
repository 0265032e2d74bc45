import Testing

@testable import ZonestatCSV

@Suite("HeaderFlattener")
struct HeaderFlattenerTests {
    @Test func oneRowComesBackTrimmedAndUnfilled() {
        let row = [" 企业名称 ", "统一社会信用代码", "工业总产值本月", "", ""]
        #expect(
            HeaderFlattener.flatten([row]) == ["企业名称", "统一社会信用代码", "工业总产值本月", "", ""])
    }

    @Test func twoRows() {
        let rows = [
            ["企业名称", "统一社会信用代码", "工业总产值", "", "税收", "", "备注"],
            ["", "", "本月", "1-本月", "本月", "1-本月", ""],
        ]
        #expect(
            HeaderFlattener.flatten(rows) == [
                "企业名称", "统一社会信用代码", "工业总产值本月", "工业总产值1-本月", "税收本月", "税收1-本月",
                "备注",
            ])
    }

    @Test func threeRowsAsExcelExportsThem() {
        let rows = [
            ["企业名称", "统一社会信用代码", "工业总产值", "", "", "", ""],
            ["", "", "本年", "", "上年同期", "", ""],
            ["", "", "本月", "1-本月", "本月", "1-本月"],
        ]
        #expect(
            HeaderFlattener.flatten(rows) == [
                "企业名称", "统一社会信用代码", "工业总产值本年本月", "工业总产值本年1-本月",
                "工业总产值上年同期本月", "工业总产值上年同期1-本月", "",
            ])
    }

    @Test func fillingStopsWhereTheRowAboveStartsANewCell() {
        // 本月 under 工业总产值 must not spread under 税收, nor 1-本月 under 备注.
        let rows = [
            ["工业总产值", "", "税收", "备注"],
            ["本月", "1-本月", "", ""],
        ]
        #expect(HeaderFlattener.flatten(rows) == ["工业总产值本月", "工业总产值1-本月", "税收", "备注"])
    }

    @Test func fillingStopsAtABoundaryOfAnyRowAbove() {
        // Row 2's 本年 spans both 工业总产值 columns only; row 3's cell under 增加值 stays empty
        // even though row 2 is empty there.
        let rows = [
            ["工业总产值", "", "增加值"],
            ["本年", "", ""],
            ["本月", "1-本月", ""],
        ]
        #expect(HeaderFlattener.flatten(rows) == ["工业总产值本年本月", "工业总产值本年1-本月", "增加值"])
    }

    @Test func identityLabelsInTheBottomRow() {
        let rows = [
            ["", "", "工业总产值", ""],
            ["企业名称", "信用代码", "本月", "1-本月"],
        ]
        #expect(HeaderFlattener.flatten(rows) == ["企业名称", "信用代码", "工业总产值本月", "工业总产值1-本月"])
    }

    @Test func emptyHeader() {
        #expect(HeaderFlattener.flatten([]) == [])
        #expect(HeaderFlattener.flatten([[], []]) == [])
    }
}
