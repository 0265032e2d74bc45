import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("A file without a period column takes the period its title or name states")
struct StatedPeriodTests {
    let code = Codes.valid(21)

    func parse(_ text: String, name: String) -> ParsedFile {
        FileParser(config: PipelineConfig(zoneName: "z", workspace: "/tmp")).parse(Array(text.utf8), name: name)
    }

    var rowsWithoutPeriod: String {
        "统一社会信用代码,企业名称,行业代码,工业总产值本月,工业总产值1-本月\n\(code),甲,C3670,10,50\n"
    }

    @Test(arguments: [
        ("报告期：2023年1-5月,,,,\n", 202305), ("报告期:,2023-05,,,\n", 202305),
        ("XX经济开发区规上工业企业主要经济指标（2023年1-3月）,,,,\n", 202303),
        ("XX经济开发区规上工业企业主要经济指标(2023年3月),,,,\n", 202303),
    ])
    func periodFromTitle(_ title: String, _ key: Int) {
        let parsed = parse(title + "单位：千元,,,,\n" + rowsWithoutPeriod, name: "规上工业.csv")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.facts.map(\.period) == [Int32(key), Int32(key)])
        let warning = parsed.warnings.first { $0.code == .periodFromTitle }
        #expect(warning?.line == 1)
        #expect(warning?.message.hasPrefix("文件没有报告期列") == true)
        #expect(parsed.warnings.contains { $0.code == .periodFromName } == false)
    }

    @Test(arguments: [
        ("202210.csv", 202210), ("2023年5月规上工业.csv", 202305), ("2023-05 规上工业.csv", 202305),
        ("规上工业2023年1-5月.csv", 202305), ("月报_2023.05.csv", 202305),
    ])
    func periodFromName(_ name: String, _ key: Int) {
        let parsed = parse(rowsWithoutPeriod, name: name)
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.facts.map(\.period) == [Int32(key), Int32(key)])
        let warning = parsed.warnings.first { $0.code == .periodFromName }
        #expect(warning?.value == name)
        #expect(warning?.period == key)
    }

    /// A title wins over the name.
    @Test func titleBeforeName() {
        let parsed = parse("报告期：2023年4月,,,,\n单位：千元,,,,\n" + rowsWithoutPeriod, name: "202305.csv")
        #expect(parsed.facts.map(\.period) == [202304, 202304])
        #expect(parsed.warnings.map(\.code) == [.periodFromTitle])
    }

    /// Neither: still `missing_column`, which now says a title or name would do.
    @Test func noPeriodAnywhere() {
        let parsed = parse(rowsWithoutPeriod, name: "规上工业.csv")
        #expect(parsed.errors.map(\.code) == [.missingColumn])
        #expect(parsed.errors.first?.message.contains("报告期：2023年1-5月") == true)
    }

    /// A period column wins; a title or name that says otherwise is a warning.
    @Test func columnWinsAndContradictionIsAWarning() {
        let text = "报告期：2023年1-5月,,,,,\n统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月\n\(code),甲,C3670,2023-04,10,50\n"
        let parsed = parse(text, name: "202303.csv")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.facts.map(\.period) == [202304, 202304])
        let mismatches = parsed.warnings.filter { $0.code == .periodMismatch }
        #expect(mismatches.map(\.value) == ["报告期：2023年1-5月", "202303.csv"])
        #expect(mismatches.first?.line == 1)
        #expect(mismatches.first?.message.hasPrefix("标题写的是2023年5月，但报告期列为2023年4月") == true)
    }

    /// A name that agrees with the column says nothing.
    @Test func agreeingNameIsQuiet() {
        let text = "单位：千元\n统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月\n\(code),甲,C3670,2023-04,10,50\n"
        #expect(parse(text, name: "2023-04 规上工业.csv").problems.isEmpty)
    }

    /// The form as offices keep it: a title with the period, a unit line, a two-row header from
    /// merged cells and no period column, a 合计 row, then notes and signatures.
    @Test func theWholeForm() {
        let other = Codes.valid(22)
        let text = """
            XX经济开发区规上工业企业主要经济指标（2023年1-3月）,,,,,
            单位：千元,,,,,
            统一社会信用代码,企业名称,行业代码,工业总产值,,
            ,,,本月,1-本月,上年同期
            \(code),甲,C3670,10,30,25
            \(other),乙,C3670,5,15,
            合计,,,15,45,25
            注：1.本表“上年同期”为上年1-3月累计数。,,,,,
            （2）规模以上工业企业为年主营业务收入2000万元及以上的工业法人单位。,,,,,
            填表人：张三,,联系电话：0555-1234567,,报出日期：2023年4月15日,

            """
        let parsed = parse(text, name: "规上工业月报.csv")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.warnings.map(\.code) == [.periodFromTitle])
        #expect(parsed.rows == 2)
        #expect(Set(parsed.facts.map(\.period)) == [202303])
        #expect(parsed.facts.count == 5)
        #expect(parsed.footer.map(\.line) == [8, 9, 10])
    }

    /// The unit may share the title's line.
    @Test func unitOnTheTitleLine() {
        let parsed = parse("报告期：2023年1-5月,,单位：千元,,\n" + rowsWithoutPeriod, name: "规上工业.csv")
        #expect(parsed.warnings.map(\.code) == [.periodFromTitle])
        // 50 千元 = 5 万元.
        #expect(parsed.facts.map { $0.amount.decimalString(in: .tenThousandYuan) }.sorted() == ["1", "5"])
    }

    @Test func longFileTakesTheNamesPeriod() {
        let text = "统一社会信用代码,企业名称,指标,口径,数值,单位\n\(code),甲,税收,本年累计,5,万元\n"
        let parsed = parse(text, name: "2023年1-5月税收.csv")
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.kind == .long)
        #expect(parsed.facts.map(\.period) == [202305])
        #expect(parsed.warnings.map(\.code) == [.periodFromName])
    }

    @Test(arguments: ["规上工业.csv", "2023.csv", "12345678.csv", "20231.csv"])
    func namesWithoutAPeriod(_ name: String) {
        #expect(StatedPeriod.name(name) == nil)
    }
}
