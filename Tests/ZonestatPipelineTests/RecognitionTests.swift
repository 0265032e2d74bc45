import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("Files are recognised by header, in every shape and encoding")
struct RecognitionTests {
    let code = Codes.valid(7)

    /// The facts of a parsed file as `indicator basis period amount-in-万元`.
    func facts(_ parsed: ParsedFile) -> [String] {
        let config = PipelineConfig(zoneName: "z", workspace: "/tmp")
        return parsed.facts.map {
            "\(config.indicators[Int($0.indicator)].id) \($0.basis.id) \($0.period) \($0.amount.decimalString(in: .tenThousandYuan))"
        }.sorted()
    }

    @Test func oneRowHeaderWithUnitLine() throws {
        let parsed = parse("单位:千元,,,\n统一社会信用代码,企业名称,报告期,工业总产值本月,工业总产值_1-本月,工业总产值上年同期\n\(code),甲,2023-04,1234.5,\"5,000\",4000\n")
        #expect(parsed.kind == .wide)
        #expect(parsed.errors.isEmpty)
        #expect(facts(parsed) == [
            "output_value base_ytd 202304 400", "output_value month 202304 123.45", "output_value ytd 202304 500",
        ])
    }

    /// An indicator's official name (规上工业总产值) is an alias: a wide file whose only
    /// indicator column is headed with it is read, not rejected as unknown_layout.
    @Test func officialNameHeadsAWideColumn() throws {
        let parsed = parse("统一社会信用代码,企业名称,报告期,规上工业总产值本月(万元),规上工业增加值1-本月(万元)\n\(code),甲,2023-04,12,30\n")
        #expect(parsed.kind == .wide)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(facts(parsed) == ["output_value month 202304 12", "value_added ytd 202304 30"])
    }

    @Test func officialNameInALongFilesIndicatorCell() throws {
        let parsed = parse("报告期,统一社会信用代码,企业名称,指标,口径,数值,单位\n2023-04,\(code),甲,规上工业总产值,本年累计,5,万元\n")
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(facts(parsed) == ["output_value ytd 202304 5"])
    }

    @Test func officialNameInATargetsIndicatorCell() throws {
        let parsed = parse("年度,指标,目标值,单位\n2023,规上工业总产值,400,亿元\n")
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.targets.map(\.indicator) == ["output_value"])
    }

    @Test func twoRowHeaderFromMergedCells() throws {
        let text = """
            单位：千元,,,,,,
            企业名称,统一社会信用代码,报告期,工业总产值,,,
            ,,,本月,1-本月,上年同月,上年同期
            甲,\(code),2023年1-4月,10,40,8,30

            """
        let parsed = parse(text)
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(facts(parsed) == [
            "output_value base_month 202304 0.8", "output_value base_ytd 202304 3", "output_value month 202304 1",
            "output_value ytd 202304 4",
        ])
        #expect(parsed.facts.allSatisfy { $0.line == 4 })
    }

    @Test func threeRowHeaderYearOverMonth() throws {
        let text = """
            企业名称,统一社会信用代码,报告期,工业增加值(万元),,,
            ,,,本年,,上年同期,
            ,,,本月,1-本月,本月,1-本月
            甲,\(code),202304,1,4,0.5,3
            """
        let parsed = parse(text)
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(facts(parsed) == [
            "value_added base_month 202304 0.5", "value_added base_ytd 202304 3", "value_added month 202304 1",
            "value_added ytd 202304 4",
        ])
    }

    @Test func longFileWithUnitsPerRow() throws {
        let text = """
            period,credit_code,name,industry,area,indicator,basis,value,unit
            2023-04,\(code),甲,3670,东区,税收,本年累计,"1,234,567.89",元
            2023-04,\(code),甲,3670,东区,tax,base_ytd,0.01,亿元
            2023-04,\(code),甲,3670,东区,入库税收,month,—,万元
            """
        let parsed = parse(text)
        #expect(parsed.kind == .long)
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(facts(parsed) == ["tax base_ytd 202304 100", "tax ytd 202304 123.456789"])
    }

    @Test func targetsBothWaysAndCount() throws {
        let text = """
            年度,指标,目标值,单位,目标增速,依据
            2023,一般公共预算收入,12,亿元,20,工作报告
            2023,工业增加值,,,+30%,1-4月份
            2023,新增规上工业企业,23,家,,工作报告
            """
        let parsed = parse(text)
        #expect(parsed.kind == .targets)
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.targets.map(\.indicator) == ["tax", "value_added", "new_units"])
        #expect(parsed.targets[0].amount?.decimalString(in: .tenThousandYuan) == "120000")
        #expect(parsed.targets[0].growth == "20")
        #expect(parsed.targets[1].amount == nil && parsed.targets[1].growth == "30")
        #expect(parsed.targets[2].count == 23)
    }

    @Test(arguments: [
        "2023-04", "2023/4", "202304", "2023.04", "2023年4月", "2023年1-4月", "2023年1—4月", "2023-04-30", "45046",
    ])
    func periodSpellings(_ spelling: String) {
        let parsed = parse("统一社会信用代码,企业名称,报告期,税收本年累计(万元)\n\(code),甲,\(spelling),5\n")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.facts.map(\.period) == [202304])
    }

    @Test func janFebMergedPeriod() {
        let parsed = parse("统一社会信用代码,企业名称,报告期,工业总产值1-本月(万元)\n\(code),甲,2023年1-2月,5\n")
        #expect(parsed.facts.map(\.period) == [202302])
    }

    @Test(arguments: [
        ("1234.5", "1234.5"), ("\"1,234.5\"", "1234.5"), ("1，234.5", "1234.5"), ("１２３", "123"), ("１２３．４", "123.4"),
        (" 12 ", "12"), ("-3.5", "-3.5"),
    ])
    func numberForms(_ cell: String, _ expected: String) {
        let parsed = parse("统一社会信用代码,企业名称,报告期,税收本年累计(万元)\n\(code),甲,2023-04,\(cell)\n")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.facts.map { $0.amount.decimalString(in: .tenThousandYuan) } == [expected])
    }

    @Test(arguments: ["", "—", "--", "-", "…", "/"])
    func nullMarkersAreNotZero(_ marker: String) {
        let parsed = parse("统一社会信用代码,企业名称,报告期,税收本年累计(万元),税收本月(万元)\n\(code),甲,2023-04,\(marker),0\n")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        // The not-reported cell gives no fact at all; the zero beside it is a real zero.
        #expect(facts(parsed) == ["tax month 202304 0"])
    }

    @Test(arguments: [
        ("元", "1234.5678", "0.12345678"), ("千元", "1234.5", "123.45"), ("万元", "1234.5", "1234.5"),
        ("亿元", "1.23456789", "12345.6789"),
    ])
    func unitsConvertExactly(_ unit: String, _ cell: String, _ inTenThousand: String) {
        let parsed = parse("单位:\(unit)\n统一社会信用代码,企业名称,报告期,税收本年累计\n\(code),甲,2023-04,\(cell)\n")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.facts.map { $0.amount.decimalString(in: .tenThousandYuan) } == [inTenThousand])
    }

    @Test(arguments: [("C3670", "3670"), ("3670", "3670"), ("C36", "36"), ("36", "36"), ("610", "0610")])
    func industryCodesNormalised(_ cell: String, _ expected: String) {
        let parsed = parse("统一社会信用代码,企业名称,报告期,行业代码,税收本年累计(万元)\n\(code),甲,2023-04,\(cell),1\n")
        #expect(parsed.units.map(\.industry) == [expected])
    }

    @Test func totalsRowIsCheckedAndNotStored() {
        let text = "统一社会信用代码,企业名称,报告期,税收本年累计(万元)\n\(code),甲,2023-04,1\n\(Codes.valid(8)),乙,2023-04,2\n,合计,,3\n,,,\n"
        let parsed = parse(text)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.rows == 2)
        #expect(parsed.facts.count == 2)
    }

    @Test func headersMatchIgnoringWidthCaseAndSpaces() {
        let parsed = parse("统一社会信用代码 , 企业名称,PERIOD,工业总产值（万元）: 本月,Tax_YTD\n\(code),甲,2023-04,1,2\n")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(facts(parsed) == ["output_value month 202304 1", "tax ytd 202304 2"])
    }

    @Test func derivedGrowthColumnsAreIgnored() {
        let parsed = parse("统一社会信用代码,企业名称,报告期,工业总产值本月(万元),工业总产值增速(%)\n\(code),甲,2023-04,1,12.5\n")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(facts(parsed) == ["output_value month 202304 1"])
    }

    @Test(arguments: [
        ("gb18030", "gb18030"), ("utf8", "utf-8"), ("utf8bom", "utf-8-bom"), ("utf16le", "utf-16le-bom"),
    ])
    func encodings(_ fixture: String, _ label: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/encodings/\(fixture)", withExtension: "csv"))
        let parsed = FileParser(config: PipelineConfig(zoneName: "z", workspace: "/tmp"))
            .parse([UInt8](try Data(contentsOf: url)), name: "\(fixture).csv")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.encoding == label)
        #expect(parsed.units.map(\.name) == ["芜湖汽车零部件有限公司", "马鞍山精密铸造有限公司"])
        #expect(facts(parsed).count == 4)
    }

    @Test func priceIndexFile() {
        let text = """
            报告期,行业代码,工业生产者出厂价格指数(上年同期=100)
            2023年1-4月,,97.9
            2023年1-4月,C36,98.5
            2023年1-4月,3670,98.6
            """
        let parsed = parse(text)
        #expect(parsed.kind == .priceIndex)
        #expect(parsed.errors.map(\.code) == [.duplicateKey])
        #expect(parsed.errors.first?.line == 4)
        #expect(parsed.priceIndices.map { "\($0.period) \($0.division) \($0.index)" } == ["202304  97.9", "202304 36 98.5"])
    }
}
