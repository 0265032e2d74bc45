import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("The inbox lifecycle: once, exactly, traceably")
struct ExtractStageTests {
    let a = Codes.valid(21)
    let b = Codes.valid(22)

    @Test func goodFileIsIngestedAndArchivedByHash() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-04.csv", wideFile(period: "2023-04", rows: [(a, "甲", "10", "40"), (b, "乙", "5", "20")]))
        let summary = try ws.extract()
        #expect(summary.ingested == 1 && summary.quarantined == 0)
        #expect(summary.factsNew == 4)
        #expect(ws.files("inbox").isEmpty)
        let archived = ws.archivedFiles()
        #expect(archived.count == 1)
        #expect(archived.first?.hasSuffix("/2023-04.csv") == true)
        let hash = try #require(archived.first?.split(separator: "/").first)
        #expect(try ws.query("SELECT sha256 FROM ledger") == [String(hash)])
        #expect(try ws.query("SELECT encoding || ' ' || kind || ' ' || rows || ' ' || periods FROM ledger") == ["utf-8 wide 2 202304"])
        // 40 千元 = 4 万元 = 40,000 元 = 400,000,000 raw units.
        #expect(try ws.query("SELECT amount FROM facts f JOIN units u ON u.id = f.unit_id WHERE u.credit_code = '\(a)' AND basis = 1") == [400_000_000 as Int64])
    }

    @Test func sameContentTwiceIsIngestedOnce() throws {
        let ws = try TestWorkspace()
        let text = wideFile(period: "2023-04", rows: [(a, "甲", "10", "40")])
        try ws.drop("april.csv", text)
        _ = try ws.extract()
        try ws.drop("april (copy).csv", text)
        let second = try ws.extract()
        #expect(second.ingested == 0 && second.duplicates == 1)
        #expect(try ws.count("SELECT COUNT(*) FROM facts") == 2)
        #expect(try ws.query("SELECT status FROM ledger ORDER BY id") == ["ingested", "duplicate"])
        // Nothing deleted: both names are in the archive, under the one hash.
        #expect(ws.archivedFiles().map { $0.split(separator: "/").last.map(String.init) ?? "" } == ["april (copy).csv", "april.csv"])
        // A rerun with an empty inbox changes nothing.
        let third = try ws.extract()
        #expect(third.results.isEmpty)
        #expect(try ws.count("SELECT COUNT(*) FROM ledger") == 2)
    }

    @Test func revisionSupersedesAndKeepsHistory() throws {
        let ws = try TestWorkspace()
        try ws.drop("march.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30"), (b, "乙", "5", "15")]))
        _ = try ws.extract()
        try ws.drop("march-更正.csv", wideFile(period: "2023-03", rows: [(a, "甲公司", "12", "32"), (b, "乙", "5", "15")]))
        let summary = try ws.extract()
        #expect(summary.factsRevised == 2 && summary.factsNew == 0)
        let current: [Int64] = try ws.query(
            "SELECT amount FROM facts f JOIN units u ON u.id = f.unit_id WHERE credit_code = '\(a)' AND basis = 1 AND superseded_by IS NULL")
        #expect(current == [320_000_000])
        let history: [String] = try ws.query(
            """
            SELECT l.file_name || ':' || f.amount || ':' || COALESCE(s.file_name, '') FROM facts f
            JOIN units u ON u.id = f.unit_id JOIN ledger l ON l.id = f.file_id LEFT JOIN ledger s ON s.id = f.superseded_by
            WHERE credit_code = '\(a)' AND basis = 1 ORDER BY f.id
            """)
        #expect(history == ["march.csv:300000000:march-更正.csv", "march-更正.csv:320000000:"])
        #expect(try ws.query("SELECT name FROM units WHERE credit_code = '\(a)'") == ["甲公司"])
        #expect(try ws.danglingReferences().isEmpty)
    }

    @Test func emptyCellNeverErasesAnEarlierValue() throws {
        let ws = try TestWorkspace()
        try ws.drop("1.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        try ws.drop("2.csv", wideFile(period: "2023-03", rows: [(a, "甲", "", "—")]))
        let summary = try ws.extract()
        #expect(summary.ingested == 2)
        #expect(try ws.count("SELECT COUNT(*) FROM facts WHERE superseded_by IS NULL") == 2)
    }

    @Test func filesOfOneRunAreTakenInModificationOrder() throws {
        let ws = try TestWorkspace()
        try ws.drop("b-later.csv", wideFile(period: "2023-03", rows: [(a, "甲", "1", "2")]))
        try ws.drop("a-even-later_更正.csv", wideFile(period: "2023-03", rows: [(a, "甲", "3", "4")]))
        let summary = try ws.extract()
        #expect(summary.results.map(\.name) == ["b-later.csv", "a-even-later_更正.csv"])
        #expect(try ws.query("SELECT amount FROM facts WHERE superseded_by IS NULL AND basis = 1") == [40_000_000 as Int64])
    }

    @Test func temporaryAndUnsettledFilesWait() throws {
        let ws = try TestWorkspace()
        ws.config.settleSeconds = 60
        let text = wideFile(period: "2023-03", rows: [(a, "甲", "1", "2")])
        for name in [".hidden.csv", "~$book.csv", "x.csv.tmp", "y.part", "z.crdownload"] { try ws.drop(name, text) }
        let fresh = ws.workspace.inbox + "/fresh.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: fresh))
        var stage = ws.stage()
        let now = Date()
        stage.now = { now }
        let first = try stage.run()
        #expect(first.results.isEmpty)
        #expect(first.skipped["fresh.csv"] == .settling)
        #expect(first.skipped["~$book.csv"] == .temporaryName)
        #expect(first.skipped.count == 6)
        stage.now = { now.addingTimeInterval(61) }
        let later = try stage.run()
        #expect(later.results.map(\.name) == ["fresh.csv"])
        #expect(ws.files("inbox").count == 5)
    }

    @Test func badFileIsQuarantinedWithItsReport() throws {
        let ws = try TestWorkspace()
        try ws.drop("bad.csv", wideFile(period: "2023-04", rows: [("9.14403E+17", "甲", "1", "2"), (b, "乙", "x", "2")]))
        let summary = try ws.extract()
        #expect(summary.quarantined == 1 && summary.ingested == 0)
        #expect(ws.files("quarantine") == ["bad.csv", "bad.csv.errors.csv"])
        #expect(try ws.count("SELECT COUNT(*) FROM facts") == 0)
        #expect(try ws.count("SELECT COUNT(*) FROM problems WHERE severity = 'error'") == 2)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: ws.root + "/quarantine/bad.csv.errors.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "文件,行,列,原值,统一社会信用代码,企业名称,代码,级别,说明")
        // The enterprise of each line: the code as written when it is no code, and the name.
        #expect(lines[1].hasPrefix("bad.csv,3,统一社会信用代码,9.14403E+17,9.14403E+17,甲,credit_code_mangled,错误,统一社会信用代码被Excel变成了数字"))
        #expect(lines[2].hasPrefix("bad.csv,4,工业总产值本月,x,\(b),乙,bad_number,错误,\"不是数字：请只填数字"))
    }

    @Test func aSecondBadFileWithTheSameNameKeepsTheFirst() throws {
        let ws = try TestWorkspace()
        try ws.drop("bad.csv", "姓名\n张三\n")
        _ = try ws.extract()
        try ws.drop("bad.csv", "姓名\n李四\n")
        _ = try ws.extract()
        #expect(ws.files("quarantine").count == 4)
    }

    @Test func ytdMismatchAgainstLastMonth() throws {
        let ws = try TestWorkspace()
        try ws.drop("03.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        try ws.drop("04.csv", wideFile(period: "2023-04", rows: [(a, "甲", "15", "40")]))
        let summary = try ws.extract()
        let problem = try #require(summary.results.last?.problems.first { $0.code == .ytdMismatch })
        #expect(problem.file == "04.csv")
        #expect(problem.line == 3)
        #expect(problem.column == "工业总产值本月")
        // 原值 is the cell as written (千元); the message gives the converted value.
        #expect(problem.value == "15")
        #expect(problem.message.hasPrefix("2023年4月规上工业总产值本月数为1.5万元，与本年累计减上月累计（1万元）不符"), "\(problem.message)")
        #expect(problem.creditCode == a && problem.unitName == "甲")
        #expect(try ws.count("SELECT COUNT(*) FROM problems WHERE code = 'ytd_mismatch' AND period = 202304") == 1)
    }

    @Test func monthJumpBeyondTheFactor() throws {
        let ws = try TestWorkspace()
        func taxFile(_ period: String, _ ytd: String) -> String {
            "统一社会信用代码,企业名称,行业代码,报告期,税收本年累计(万元)\n\(a),甲,C3670,\(period),\(ytd)\n"
        }
        try ws.drop("01.csv", taxFile("2023-01", "10"))
        try ws.drop("02.csv", taxFile("2023-02", "20"))
        try ws.drop("03.csv", taxFile("2023-03", "500"))
        let summary = try ws.extract()
        #expect(summary.results.map { $0.problems.map(\.code) } == [[], [], [.monthJump]])
        let problem = try #require(summary.results.last?.problems.first)
        #expect(problem.line == 2)
        #expect(problem.column == "税收本年累计(万元)")
    }

    /// Amounts near the edge of what the warehouse holds (±9×10¹⁴ 元) make the cross-month
    /// checks warn, never trap: ytd(3) − ytd(2) of these is past 64 bits.
    @Test func crossMonthChecksOnExtremeAmountsDoNotTrap() throws {
        let ws = try TestWorkspace()
        try ws.drop("02.csv", wideFile(period: "2023-02", rows: [(a, "甲", "-900000000000", "-900000000000")]))
        try ws.drop("03.csv", wideFile(period: "2023-03", rows: [(a, "甲", "1", "900000000000")]))
        try ws.drop("04.csv", wideFile(period: "2023-04", rows: [(a, "甲", "1", "920000000000")]))
        let summary = try ws.extract()
        #expect(summary.ingested == 3)
        #expect(summary.results.map { $0.problems.map(\.code) } == [[], [.ytdMismatch], [.ytdMismatch, .monthJump]])
        let mismatch = try #require(summary.results[1].problems.first)
        #expect(mismatch.message.contains("= 180000000000 万元"), "\(mismatch.message)")
        let jump = try #require(summary.results[2].problems.last)
        #expect(jump.message.contains("below last month's (180000000000)"), "\(jump.message)")
    }

    @Test func theJumpComparisonSurvivesAProductPast128Bits() {
        #expect(!CrossFileChecks.exceeds(1, .max, times: 2))
        #expect(CrossFileChecks.exceeds(1, .max, times: -2))
        #expect(CrossFileChecks.exceeds(21, 10, times: 2))
        #expect(!CrossFileChecks.exceeds(20, 10, times: 2))
    }
}

@Suite("Broken files from the fixtures are quarantined with every problem listed")
struct BrokenFixtureTests {
    static let expected: [(String, [ProblemCode])] = [
        ("excel-numbers-gb18030.csv", [.creditCodeMangled, .creditCodeMangled]),
        ("unterminated-quote.csv", [.csvSyntax]),
        // `PK` and garbage: it starts like a zip (a workbook), but opens as none.
        ("not-text.csv", [.notATable]),
        ("bad-cells.csv", [.badPeriod, .badNumber, .percentNotAllowed, .duplicateKey]),
        ("targets-empty.csv", [.noTarget, .badYear]),
    ]

    @Test(arguments: expected.map(\.0))
    func quarantined(_ name: String) throws {
        let ws = try TestWorkspace()
        let url = try #require(Bundle.module.url(forResource: "Fixtures/broken/" + name, withExtension: nil))
        try ws.drop(name, bytes: [UInt8](try Data(contentsOf: url)))
        let summary = try ws.extract()
        #expect(summary.quarantined == 1)
        let codes = summary.results.first?.problems.filter(\.isError).map(\.code) ?? []
        #expect(codes == Self.expected.first { $0.0 == name }?.1)
        #expect(ws.files("quarantine") == [name, name + ".errors.csv"])
        #expect(try ws.count("SELECT COUNT(*) FROM facts") == 0)
    }
}
