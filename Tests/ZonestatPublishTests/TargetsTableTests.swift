import Testing
import ZonestatCore
@testable import ZonestatPublish

@Suite("targets.csv, roster.csv, warnings.csv")
struct TargetsTableTests {
    let catalog = IndicatorCatalog(SourceDocument.definitions)

    @Test func targetsColumnsAndValues() throws {
        let table = try TargetsTable.table(SourceDocument.targets(), catalog: catalog)
        #expect(table.columns == [
            "period", "indicator", "indicator_name", "unit", "year", "kind", "target_value", "target_growth_pct",
            "source", "ytd", "ytd_yoy_pct", "completion_pct", "time_progress_pct", "ahead_pp", "gap_pp",
            "required_rest_growth_pct", "status",
        ])
        let lines = TestText.csvLines(table.csv())
        #expect(lines[1] == "2023-04,fixed_investment,固定资产投资,万元,2023,level,520000,,年度目标.xlsx,143600,,27.6154,33.3333,-5.7179,,30.8990,behind")
        #expect(lines[2] == "2023-04,value_added,规上工业增加值,万元,2023,rate,,30.0000,上半年工作总结,68000,19.2000,,,,10.8000,35.4000,behind")
        #expect(lines[3] == "2023-04,new_units,新增规上工业企业,家,2023,count,23,,年度目标.xlsx,16,,69.5652,33.3333,,,,ahead")
    }

    @Test func targetsJSONHasNullsAndNumbers() throws {
        let json = TestText.string(try TargetsTable.table(SourceDocument.targets(), catalog: catalog).json())
        #expect(json.contains(#""unit": "家", "year": 2023, "kind": "count", "target_value": 23, "target_growth_pct": null"#))
        #expect(json.contains(#""status": "n/a""#) == false)
    }

    @Test func rosterColumnsAndValues() {
        let table = RosterTable.table(SourceDocument.roster())
        #expect(table.columns == [
            "period", "scope", "scope_id", "scope_name", "units", "new_units", "exited_units", "net_units",
            "growing_units", "declining_units", "unchanged_units", "no_base_units", "growing_share_pct",
            "declining_share_pct", "indicator",
        ])
        #expect(TestText.csvLines(table.csv())[1] == "2023-04,zone,,XX经济开发区,125,16,4,12,80,30,3,12,70.7965,26.5487,output_value")
    }

    @Test func warningsAreSortedExtractFirstByFileAndLine() {
        var warnings = SourceDocument.warnings()
        warnings.reverse()
        let table = WarningsTable.table(warnings)
        #expect(table.columns == [
            "文件", "行", "列", "原值", "统一社会信用代码", "企业名称", "代码", "级别", "说明", "来源", "报告期", "指标", "范围",
        ])
        let lines = TestText.csvLines(table.csv())
        #expect(lines[1] == "2023-04企业月报.csv,17,工业总产值本月,1.2E+5,,,ytd_mismatch,警告,累计数与1-3月累计加本月不符，相差0.5万元,extract,2023-04,,")
        #expect(lines[2].hasPrefix("2023-04企业月报.csv,42,"))
        #expect(lines[3] == ",,,,,,subset_exceeds_total,警告,技改投资大于固定资产投资（项目：汽零二期）,compute,2023-04,tech_investment,91341122MA2TQ8RC06")
    }

    @Test func lineNumbersSortNumerically() {
        let first = PublishedWarning(source: .extract, file: "a.csv", line: 9, code: "x", message: "m")
        let second = PublishedWarning(source: .extract, file: "a.csv", line: 10, code: "x", message: "m")
        let lines = TestText.csvLines(WarningsTable.table([second, first]).csv())
        #expect(lines[1].hasPrefix("a.csv,9,"))
    }

    /// The enterprise of an extract warning's line has its own two columns.
    @Test func warningsNameTheEnterprise() {
        let warning = PublishedWarning(
            source: .extract, file: "a.csv", line: 3, column: "工业总产值本月", value: "3813", code: "ytd_mismatch",
            message: "m", creditCode: "91340500000000021X", unitName: "甲公司")
        let lines = TestText.csvLines(WarningsTable.table([warning]).csv())
        #expect(lines[1] == "a.csv,3,工业总产值本月,3813,91340500000000021X,甲公司,ytd_mismatch,警告,m,extract,,,")
    }

    @Test func aWarningValueThatLooksLikeAFormulaIsNeutralised() {
        let warning = PublishedWarning(source: .extract, file: "a.csv", line: 2, value: "=HYPERLINK(\"x\")", code: "bad_number", message: "m")
        #expect(TestText.csvLines(WarningsTable.table([warning]).csv())[1].contains(#","'=HYPERLINK(""x"")","#))
    }
}
