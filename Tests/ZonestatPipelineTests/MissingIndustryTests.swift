import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("A unit no file has given an industry code gets missing_industry")
struct MissingIndustryTests {
    let a = Codes.valid(31), b = Codes.valid(32)

    func taxFile(_ period: String, industryOfA: String) -> String {
        "统一社会信用代码,企业名称,行业代码,报告期,税收本年累计(万元)\n\(a),甲,\(industryOfA),\(period),10\n\(b),乙,C3670,\(period),5\n"
    }

    @Test func warnedUntilAFileGivesTheCode() throws {
        let ws = try TestWorkspace()
        try ws.drop("01.csv", taxFile("2023-01", industryOfA: ""))
        let first = try ws.extract()
        let warnings = first.results.flatMap(\.problems).filter { $0.code == .missingIndustry }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.file == "01.csv" && warning.line == 2 && warning.value == "")
        #expect(warning.creditCode == a && warning.unitName == "甲")
        #expect(warning.message.hasPrefix("该单位至今没有任何文件给出行业代码，其数据暂计入“未分类”"))
        #expect(try ws.count("SELECT warnings FROM ledger WHERE file_name = '01.csv'") == 1)
        // A file giving the code settles it: the earlier warning goes, the ledger's count with it.
        try ws.drop("02.csv", taxFile("2023-02", industryOfA: "C1331"))
        let second = try ws.extract()
        #expect(second.results.flatMap(\.problems).filter { $0.code == .missingIndustry }.isEmpty)
        #expect(try ws.count("SELECT COUNT(*) FROM problems WHERE code = 'missing_industry'") == 0)
        #expect(try ws.count("SELECT warnings FROM ledger WHERE file_name = '01.csv'") == 0)
    }

    /// A unit whose code an earlier file gave is not warned about in a file without the column.
    @Test func anEarlierCodeIsEnough() throws {
        let ws = try TestWorkspace()
        try ws.drop("01.csv", taxFile("2023-01", industryOfA: "C1331"))
        try ws.drop("02.csv", "统一社会信用代码,企业名称,报告期,税收本年累计(万元)\n\(a),甲,2023-02,20\n")
        let summary = try ws.extract()
        #expect(summary.ingested == 2)
        #expect(summary.results.flatMap(\.problems).filter { $0.code == .missingIndustry }.isEmpty)
    }
}
