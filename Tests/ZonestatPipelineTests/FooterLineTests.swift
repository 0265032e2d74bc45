import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("A form's footer (notes, signatures) below the data is skipped, not an error")
struct FooterLineTests {
    let one = Codes.valid(11), two = Codes.valid(12)

    func form(_ footer: String, between: String = "") -> String {
        """
        XX经济开发区规上工业企业主要经济指标
        单位：千元,,,,,
        统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月
        \(one),甲公司,C3670,2023-03,100,300
        \(between)\(two),乙公司,C3670,2023-03,50,150
        合计,,,,150,450
        \(footer)
        """ + "\n"  // a saved file ends its last line
    }

    let footer = """
        注：1.本表“上年同期”为上年1-3月累计数。,,,,,
            2.规模以上工业企业为年主营业务收入2000万元及以上的工业法人单位。,,,,,
        （3）数据截至报出日。,,,,,
        ,,,,,
        单位负责人：王五    统计负责人：赵六,,填表人：张三,联系电话：0555-1234567,报出日期：2023年4月15日,
        """

    @Test func footerLinesAreSkippedAndListed() {
        let parsed = parse(form(footer))
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.rows == 2)
        #expect(parsed.facts.count == 4)
        #expect(parsed.footer.map(\.line) == [7, 8, 9, 11])
        #expect(parsed.footer.first?.text == "注：1.本表“上年同期”为上年1-3月累计数。")
        #expect(parsed.footer.last?.text.hasPrefix("单位负责人：王五") == true)
    }

    @Test(arguments: ["说明：数据为快报数", "备注：无", "填报人：张三", "审核人：李四", "制表：王五", "负责人：赵六", "电话：1234", "日期：2023-04-15"])
    func everyOpeningWordStartsAFooter(_ line: String) {
        let parsed = parse(form(line + ",,,,,"))
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.footer.map(\.line) == [7])
    }

    /// A footer-like line with data below it is no footer: an error naming the line, with what to do.
    @Test func footerLikeLineBetweenDataRowsIsAnError() {
        let parsed = parse(form(footer, between: "注：乙公司为新入库企业,,,,,\n"))
        #expect(parsed.isRejected)
        let errors = parsed.errors
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.code == .footerBetweenRows)
        #expect(errors.first?.line == 5)
        #expect(errors.first?.value == "注：乙公司为新入库企业")
        #expect(errors.first?.message.hasPrefix("这一行像表尾的注释或签名") == true)
        #expect(parsed.footer.count == 4)
    }

    /// errors.csv lists problems in the file's order, whichever pass found them.
    @Test func errorsReportIsInLineOrder() {
        let parsed = parse(form(footer, between: "注：乙公司为新入库企业,,,,,\n").replacingOccurrences(of: ",300\n", with: ",3x\n"))
        let lines = String(decoding: ErrorsReport.csv(parsed.problems), as: UTF8.self)
            .components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        // The reader's bad number (line 4), the router's footer (5), the reader's totals warning (7).
        #expect(lines.map { $0.split(separator: ",")[1] } == ["4", "5", "7"], "\(lines)")
        #expect(lines.first?.contains(",bad_number,错误,") == true)
        #expect(lines[1].contains(",footer_between_rows,错误,") == true)
    }

    /// A numbered line is a footer only below a note; alone it is read as a row (and is wrong).
    @Test func numberedLineWithoutNoteIsARow() {
        let parsed = parse(form("2.规模以上工业企业为年主营业务收入2000万元及以上,,,,,"))
        #expect(parsed.isRejected)
        #expect(parsed.footer.isEmpty)
        #expect(parsed.errors.allSatisfy { $0.line == 7 })
    }

    /// A row whose code is valid is data, whatever its first cell says.
    @Test func rowWithAValidCodeIsNeverAFooter() {
        let text = "企业名称,统一社会信用代码,报告期,工业总产值本月\n注塑甲厂,\(one),2023-03,5\n"
        let parsed = parse(text)
        #expect(parsed.problems.filter(\.isError).isEmpty, "\(parsed.problems)")
        #expect(parsed.rows == 1)
        #expect(parsed.footer.isEmpty)
    }

    /// A last row that starts like a note but has something in its code column is a row: its
    /// problems are reported, it is not skipped.
    @Test func aRowWithAMangledCodeIsNotSkipped() {
        let text = "企业名称,统一社会信用代码,报告期,工业总产值本月\n甲,\(one),2023-03,5\n注塑件厂,9.14403E+17,2023-03,5\n"
        let parsed = parse(text)
        #expect(parsed.footer.isEmpty)
        #expect(parsed.errors.map(\.code) == [.creditCodeMangled])
        #expect(parsed.errors.first?.unitName == "注塑件厂")
    }

    @Test func longFileFooter() {
        let text = "报告期,统一社会信用代码,企业名称,指标,口径,数值,单位\n2023-04,\(one),甲,工业总产值,本年累计,5,万元\n注：数据为快报数,,,,,,\n填表人：张三,,,,,,\n"
        let parsed = parse(text)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.facts.count == 1)
        #expect(parsed.footer.map(\.line) == [3, 4])
    }

    @Test func targetsFileFooter() {
        let parsed = parse("年度,指标,目标值,单位\n2023,规上工业总产值,400,亿元\n注：目标值为区党工委下达数,,,\n")
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.targets.count == 1)
        #expect(parsed.footer.map(\.line) == [3])
    }

    @Test(arguments: [
        ("2.规模以上", true), ("（2）数据", true), ("(2)数据", true), ("2、数据", true), ("2023.04", false),
        ("2.5", false), ("2023-04", false), ("123.单位", false),
    ])
    func numberedLines(_ text: String, _ numbered: Bool) {
        #expect(FooterLine.isNumbered(text) == numbered)
        let bytes = Array(text.utf8)
        let kind = bytes.withUnsafeBufferPointer { FooterLine.kind(of: $0) }
        #expect(kind == (numbered ? .numbered : .other))
    }

    /// The byte path and the text path agree, whatever the first cell starts with.
    @Test(arguments: [
        ("注：数据为快报数", FooterLine.Kind.opening), ("\u{3000}注：全角空格开头", .opening), ("单位负责人：王五", .opening),
        ("报出日期：2023年5月10日", .opening), ("北辰油脂有限公司", .other), ("（2）续注", .numbered), ("（一期）项目", .other),
        ("\u{3000}2.续注", .numbered), ("日照钢铁", .other), ("注塑件厂", .opening), ("9134050000000001X", .other),
    ])
    func bytesAndTextAgree(_ text: String, _ kind: FooterLine.Kind) {
        #expect(FooterLine.kind(of: text) == kind)
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { FooterLine.kind(of: $0) } == kind)
    }

    /// Footers reach the ledger: counted, the file ingested.
    @Test func footerLinesAreCountedInTheLedger() throws {
        let workspace = try TestWorkspace()
        try workspace.drop("2023-03.csv", form(footer))
        let summary = try workspace.extract()
        #expect(summary.ingested == 1)
        #expect(try workspace.count("SELECT footer_lines FROM ledger") == 4)
    }
}

@Suite("Problems name the enterprise of their line and read Chinese first")
struct ProblemEnterpriseTests {
    @Test func rowProblemsNameTheEnterprise() throws {
        let good = Codes.valid(41)
        let text = "单位:千元\n统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月\n\(good),甲公司,C3670,2023-04,12a\nABC123,乙公司,C3670,2023-04,5\n,丙公司,C3670,2023-04,5\n"
        let parsed = parse(text)
        let byLine = Dictionary(grouping: parsed.errors, by: { $0.line ?? 0 })
        #expect(byLine[3]?.map(\.creditCode) == [good])
        #expect(byLine[3]?.map(\.unitName) == ["甲公司"])
        #expect(byLine[4]?.map(\.creditCode) == ["ABC123"], "an invalid code is quoted as written")
        #expect(byLine[5]?.map(\.creditCode) == [nil], "no code on the line")
        #expect(byLine[5]?.map(\.unitName) == ["丙公司"])
        #expect(byLine[5]?.first?.message.hasPrefix("统一社会信用代码为空：请填写") == true)
    }

    /// Every message a single file can raise starts in Chinese.
    @Test(arguments: singleFileCases)
    func messagesStartInChinese(_ item: ProblemCase) throws {
        let parsed = FileParser(config: PipelineConfig(zoneName: "z", workspace: "/tmp"))
            .parse(item.bytes ?? Array(item.text.utf8), name: item.name)
        let problem = try #require(parsed.problems.first { $0.code == item.code })
        let first = try #require(problem.message.unicodeScalars.first { !("0"..."9").contains($0) })
        #expect(first.value >= 0x2E80, "\(problem.message)")
    }

    @Test func bilingualJoin() {
        #expect(Bilingual.join("报告期为空 / the period is empty", "请填写 / fill it in") == "报告期为空：请填写 / the period is empty — fill it in")
        #expect(Bilingual.join("只有中文") == "只有中文")
    }
}

@Suite("The sample's 2023-04 investment form, with title and footer, reads cleanly")
struct SampleFooterTests {
    @Test func sampleFormWithFooterIsIngestedAsIs() throws {
        let url = EndToEndTests.packageRoot.appendingPathComponent("sample-data/inbox/2023-04 1-4月固投技改项目.csv")
        let results = FileCheck.run(paths: [url.path], config: PipelineConfig(zoneName: "z", workspace: "/tmp"), parallel: 1)
        let result = try #require(results.first)
        #expect(!result.wouldBeQuarantined)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.rows == 39)
        #expect(result.footer.map(\.text.first) == ["注", "2", "单"])
    }
}
