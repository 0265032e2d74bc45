import Foundation
import Testing
import XLSXFixtures
import ZonestatCore

@testable import ZonestatPipeline
@testable import ZonestatPublish

/// One case per problem code a single file can raise: the file text, and where the problem must point.
struct ProblemCase: Sendable, CustomTestStringConvertible {
    var code: ProblemCode
    var text: String
    var line: Int?
    var column: String?
    var value: String?
    var bytes: [UInt8]? = nil
    /// The file's name as dropped.
    var name = "t.csv"
    /// Where the problem names the file when not by its name alone: a workbook's sheet problems
    /// name the sheet.
    var file: String? = nil
    var testDescription: String { code.rawValue }
}

private let c1 = Codes.valid(1)
private let c2 = Codes.valid(2)
private let header = "统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月"
private func wide(_ rows: String...) -> String { "单位:千元,,,,,\n\(header)\n" + rows.joined(separator: "\n") + "\n" }
private let longHeader = "报告期,统一社会信用代码,企业名称,指标,口径,数值,单位"

let singleFileCases: [ProblemCase] = [
    ProblemCase(code: .encoding, text: "", line: 2, column: nil, value: nil, bytes: Array("a,b\n".utf8) + [0xFF, 0xFF, 0x0A]),
    ProblemCase(code: .csvSyntax, text: wide("\(c1),甲公司,C3670,2023-04,\"1\"2,3"), line: 3, column: nil, value: nil),
    ProblemCase(code: .emptyFile, text: "\n\n", line: nil, column: nil, value: nil),
    ProblemCase(code: .unknownLayout, text: "姓名,年龄\n张三,30\n", line: 1, column: nil, value: "姓名,年龄"),
    ProblemCase(code: .missingColumn, text: "统一社会信用代码,企业名称,工业总产值本月\n\(c1),甲,1\n", line: 1, column: nil, value: nil),
    ProblemCase(
        code: .duplicateColumn, text: "\(header),总产值本月\n\(c1),甲,C3670,2023-04,1,2,3\n", line: 1, column: "总产值本月",
        value: "总产值本月"),
    ProblemCase(code: .missingValue, text: wide("\(c1),,C3670,2023-04,1,2"), line: 3, column: "企业名称", value: ""),
    ProblemCase(code: .badPeriod, text: wide("\(c1),甲,C3670,2023年13月,1,2"), line: 3, column: "报告期", value: "2023年13月"),
    ProblemCase(code: .badNumber, text: wide("\(c1),甲,C3670,2023-04,12a,2"), line: 3, column: "工业总产值本月", value: "12a"),
    ProblemCase(
        code: .scientificNotation, text: wide("\(c1),甲,C3670,2023-04,1,1.2E+5"), line: 3, column: "工业总产值1-本月",
        value: "1.2E+5"),
    ProblemCase(code: .percentNotAllowed, text: wide("\(c1),甲,C3670,2023-04,12%,2"), line: 3, column: "工业总产值本月", value: "12%"),
    ProblemCase(
        code: .tooPrecise, text: wide("\(c1),甲,C3670,2023-04,1.00000001,2"), line: 3, column: "工业总产值本月",
        value: "1.00000001"),
    ProblemCase(
        code: .creditCodeMangled, text: wide("9.14403E+17,甲,C3670,2023-04,1,2"), line: 3, column: "统一社会信用代码",
        value: "9.14403E+17"),
    ProblemCase(code: .creditCodeInvalid, text: wide("ABC123,甲,C3670,2023-04,1,2"), line: 3, column: "统一社会信用代码", value: "ABC123"),
    ProblemCase(code: .badIndustry, text: wide("\(c1),甲,Z99999,2023-04,1,2"), line: 3, column: "行业代码", value: "Z99999"),
    ProblemCase(
        code: .unknownIndicator, text: "\(longHeader)\n2023-04,\(c1),甲,用电量,本年累计,5,万元\n", line: 2, column: "指标",
        value: "用电量"),
    ProblemCase(
        code: .unknownBasis, text: "\(longHeader)\n2023-04,\(c1),甲,税收,预计,5,万元\n", line: 2, column: "口径", value: "预计"),
    ProblemCase(
        code: .unknownUnit, text: "\(longHeader)\n2023-04,\(c1),甲,税收,本年累计,5,美元\n", line: 2, column: "单位", value: "美元"),
    ProblemCase(
        code: .badYear, text: "年度,指标,目标值,单位\n二〇二三,固定资产投资,52,亿元\n", line: 2, column: "年度", value: "二〇二三"),
    ProblemCase(
        code: .duplicateKey, text: wide("\(c1),甲,C3670,2023-04,1,2", "\(c1),甲,C3670,2023年1-4月,3,4"), line: 4,
        column: "工业总产值本月", value: c1),
    ProblemCase(
        code: .footerBetweenRows, text: wide("\(c1),甲,C3670,2023-04,1,2", "注：乙为新入库企业,,,,,", "\(c2),乙,C3670,2023-04,3,4"),
        line: 4, column: nil, value: "注：乙为新入库企业"),
    ProblemCase(code: .noTarget, text: "年度,指标,目标值,单位,目标增速\n2023,固定资产投资,,亿元,\n", line: 2, column: "目标值", value: ""),
    ProblemCase(
        code: .legacyExcel, text: "", line: nil, column: nil, value: nil,
        bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 56)),
    ProblemCase(code: .notATable, text: "", line: nil, column: nil, value: nil, bytes: Array("%PDF-1.4\n".utf8) + [0, 0]),
    ProblemCase(
        code: .damagedWorkbook, text: "", line: nil, column: nil, value: "xl/workbook.xml",
        bytes: (try? XLSXFixture.zip([("xl/workbook.xml", "<workbook>")])) ?? []),
    ProblemCase(
        code: .formulaWithoutValue, text: "", line: 3, column: "工业总产值本月", value: "",
        bytes: (try? XLSXFixture.workbook([.init("表1", rows: [
            ["单位:千元"], header.split(separator: ",").map { .text(String($0)) },
            [.text(c1), "甲", "C3670", "2023-04", .formula("1+1", cached: nil), .number("2")],
        ])])) ?? [], file: "t.csv[表1]"),
    // Warnings.
    ProblemCase(
        code: .ignoredSheet, text: "", line: nil, column: nil, value: "说明",
        bytes: (try? XLSXFixture.workbook([
            .init("说明", rows: [["本表按月报送"]]),
            .init("表1", rows: [header.split(separator: ",").map { .text(String($0)) }, [.text(c1), "甲", "C3670", "2023-04", "1", "2"]]),
        ])) ?? []),
    ProblemCase(
        code: .checkCharacter, text: wide("\(Codes.wrongCheck(1)),甲,C3670,2023-04,1,2"), line: 3, column: "统一社会信用代码",
        value: Codes.wrongCheck(1)),
    ProblemCase(
        code: .defaultUnit, text: "\(header)\n\(c1),甲,C3670,2023-04,1,2\n", line: 1, column: "工业总产值本月",
        value: "工业总产值本月"),
    ProblemCase(
        code: .subsetExceedsTotal,
        text: "统一社会信用代码,项目名称,时期,固定资产投资本年累计(万元),技改投资本年累计(万元)\n\(c1),甲项目,2023-04,100,120\n",
        line: 2, column: nil, value: c1),
    ProblemCase(
        code: .noRows, text: "\(header)\n", line: nil, column: nil, value: nil),
    ProblemCase(
        code: .noFinalLineEnd, text: "\(header)\n\(c1),甲,C3670,2023-04,1,2", line: 2, column: nil, value: nil),
    ProblemCase(
        code: .implausibleTarget, text: "年度,指标,目标值,单位\n2023,固定资产投资,-52,亿元\n", line: 2, column: "目标值",
        value: "-52"),
    ProblemCase(
        code: .totalsMismatch, text: wide("\(c1),甲,C3670,2023-04,1,2", "\(c2),乙,C3670,2023-04,3,4", ",合计,,,4,7"), line: 5,
        column: "工业总产值1-本月", value: "7"),
    ProblemCase(
        code: .ignoredColumn,
        text: "单位:千元,,,,,,\n\(header),备注\n\(c1),甲,C3670,2023-04,1,2,\n\(c2),乙,C3670,2023-04,3,4,停产半月\n"
            + "\(Codes.valid(3)),丙,C3670,2023-04,5,6,新投产\n",
        line: 4, column: "备注", value: "停产半月"),
    ProblemCase(
        code: .cellsBeyondHeader, text: wide("\(c1),甲,C3670,2023-04,1,2", "\(c2),乙,C3670,2023-04,3,4,,5"), line: 4,
        column: "第8列", value: "5"),
    ProblemCase(
        code: .periodFromTitle, text: "报告期：2023年4月\n单位:千元\n统一社会信用代码,企业名称,工业总产值本月\n\(c1),甲,1\n", line: 1,
        column: nil, value: "报告期：2023年4月"),
    ProblemCase(
        code: .periodFromName, text: "单位:千元\n统一社会信用代码,企业名称,工业总产值本月\n\(c1),甲,1\n", line: nil, column: nil,
        value: "2023年4月规上工业.csv", name: "2023年4月规上工业.csv"),
    ProblemCase(
        code: .periodMismatch, text: "报告期：2023年5月\n" + wide("\(c1),甲,C3670,2023-04,1,2"), line: 1, column: "报告期",
        value: "报告期：2023年5月"),
]

@Suite("Every problem names file, line, column and value")
struct ProblemCodeTests {
    @Test(arguments: singleFileCases)
    func reported(_ item: ProblemCase) throws {
        let parsed = FileParser(config: PipelineConfig(zoneName: "z", workspace: "/tmp"))
            .parse(item.bytes ?? Array(item.text.utf8), name: item.name)
        let found = parsed.problems.filter { $0.code == item.code }
        #expect(found.count == 1, "problems: \(parsed.problems)")
        let problem = try #require(found.first)
        #expect(problem.file == (item.file ?? item.name))
        #expect(problem.line == item.line)
        #expect(problem.column == item.column)
        if let value = item.value { #expect(problem.value == value) }
        #expect(!problem.message.isEmpty)
        #expect(parsed.isRejected == item.code.isError)
    }

    @Test func everyCodeIsCovered() {
        let covered = Set(singleFileCases.map(\.code))
        // Those that need the warehouse are covered in ExtractStageTests and RevisionConflictTests.
        let crossFile: Set<ProblemCode> = [.ytdMismatch, .monthJump, .revisionConflict, .missingIndustry]
        // Those of the inbox entry, not its bytes, are covered in InboxFailureTests.
        let entry: Set<ProblemCode> = [.unreadableFile, .badFileName, .futureDated]
        #expect(covered.union(crossFile).union(entry) == Set(ProblemCode.allCases))
    }

    /// An amount past what the warehouse holds (26 digits) is not "too precise": it is a bad
    /// number, out of range, and the message says so.
    @Test func anAmountOutOfRangeIsABadNumber() throws {
        let digits = "12345678901234567890123456"
        let parsed = parse(wide("\(c1),甲,C3670,2023-04,\(digits),2"))
        #expect(parsed.errors.map(\.code) == [.badNumber])
        let problem = try #require(parsed.errors.first)
        #expect(problem.line == 3 && problem.column == "工业总产值本月" && problem.value == digits)
        #expect(problem.message.hasPrefix("金额超出范围"))
        #expect(problem.message.contains("out of range"))
        #expect(parsed.facts.map(\.basis) == [.ytd], "the cell out of range gives no value")
    }

    /// A level target converts like any amount: digits below 1/10,000 元 are an error, not a
    /// target dropped in silence; so is a target past the warehouse's range.
    @Test(arguments: [
        ("52.0000000000001", ProblemCode.tooPrecise), ("12345678901234567890123456", ProblemCode.badNumber),
    ])
    func aTargetThatDoesNotConvertIsAnError(value: String, code: ProblemCode) throws {
        let parsed = parse("年度,指标,目标值,单位,目标增速\n2023,固定资产投资,\(value),亿元,30\n")
        #expect(parsed.errors.map(\.code) == [code])
        let problem = try #require(parsed.errors.first)
        #expect(problem.line == 2 && problem.column == "目标值" && problem.value == value)
        #expect(parsed.isRejected)
    }

    /// inputs.md, the contract, lists every code with its severity.
    @Test func everyCodeIsInTheSpec() throws {
        let spec = try String(
            contentsOf: EndToEndTests.packageRoot.appendingPathComponent("docs/spec/inputs.md"), encoding: .utf8)
        let rows = spec.split(separator: "\n").filter { $0.hasPrefix("  | `") }
        for code in ProblemCode.allCases {
            let row = rows.first { $0.contains("`\(code.rawValue)`") }
            #expect(row?.contains("| \(code.severity) |") == true, "\(code.rawValue)")
        }
    }

    /// The report names each kind of warning in Chinese, for readers who do not know the codes.
    @Test func everyWarningHasAReportLabel() {
        let warnings = ProblemCode.allCases.filter { !$0.isError }.map(\.rawValue)
        #expect(warnings.filter { ReportBuilder.warningLabels[$0] == nil } == [])
    }

    @Test func allProblemsOfAFileAreReportedAtOnce() {
        let parsed = parse(wide(
            "\(c1),甲,C3670,2023-04,abc,2",
            "9.14403E+17,乙,C3670,2023-04,1,2",
            "\(c2),丙,C3670,2023年13月,1,1.5E3"))
        #expect(parsed.errors.map(\.code) == [.badNumber, .creditCodeMangled, .badPeriod, .scientificNotation])
        #expect(parsed.errors.map(\.line) == [3, 4, 5, 5])
    }
}
