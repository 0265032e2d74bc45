import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// Nothing in a file is dropped without a word: columns nothing reads and cells past the header.
@Suite("Cells no reader takes are reported")
struct UnreadCellsTests {
    let a = Codes.valid(1), b = Codes.valid(2)

    func problems(_ parsed: ParsedFile, _ code: ProblemCode) -> [Problem] { parsed.problems.filter { $0.code == code } }

    @Test func anIgnoredColumnIsReportedOnceOnItsFirstFilledCellAndTheFileIsKept() throws {
        let parsed = parse("""
            统一社会信用代码,企业名称,报告期,工业总产值本月(万元),备注,序号
            \(a),甲,2023-04,1,,
            \(b),乙,2023-04,2,停产,
            \(Codes.valid(3)),丙,2023-04,3,新投产,

            """)
        let ignored = problems(parsed, .ignoredColumn)
        #expect(ignored.map(\.column) == ["备注"], "an empty column (序号) is not reported")
        #expect(ignored.first?.line == 3 && ignored.first?.value == "停产")
        #expect(ignored.first?.message.hasPrefix("此列未读取") == true)
        #expect(ignored.first?.period == nil, "a column is the file's: every period of it lists the warning")
        #expect(!parsed.isRejected)
        #expect(parsed.facts.count == 3)
    }

    @Test func aDerivedColumnSaysZonestatComputesIt() throws {
        let parsed = parse("统一社会信用代码,企业名称,报告期,工业总产值本月(万元),工业总产值增速(%)\n\(a),甲,2023-04,1,12.5\n")
        let problem = try #require(problems(parsed, .ignoredColumn).first)
        #expect(problem.column == "工业总产值增速(%)" && problem.value == "12.5")
        #expect(problem.message.contains("zonestat"))
    }

    @Test func aFieldTheKindDoesNotReadIsIgnored() throws {
        // A wide file's 单位 column is not read: the amounts are in the file's unit.
        let parsed = parse("统一社会信用代码,企业名称,报告期,工业总产值本月,单位\n\(a),甲,2023-04,1,万元\n")
        let problem = try #require(problems(parsed, .ignoredColumn).first)
        #expect(problem.column == "单位" && problem.line == 2)
        #expect(problem.message.contains("单位:万元"))
    }

    @Test func anIndicatorColumnInALongFileIsIgnored() throws {
        let parsed = parse("报告期,统一社会信用代码,企业名称,指标,口径,数值,单位,工业总产值本月\n2023-04,\(a),甲,税收,本年累计,5,万元,7\n")
        #expect(parsed.kind == .long)
        #expect(problems(parsed, .ignoredColumn).map(\.column) == ["工业总产值本月"])
        #expect(parsed.facts.count == 1)
    }

    @Test func aColumnWithoutAHeaderIsNamedByItsPosition() throws {
        let parsed = parse("统一社会信用代码,企业名称,,报告期,工业总产值本月(万元)\n\(a),甲,东区,2023-04,1\n")
        let problem = try #require(problems(parsed, .ignoredColumn).first)
        #expect(problem.column == "第3列" && problem.value == "东区")
    }

    @Test func targetAndPriceIndexFilesReportTheirExtraColumnsToo() throws {
        let targets = parse("年度,指标,目标值,单位,备注\n2023,固定资产投资,52,亿元,力争\n")
        #expect(targets.kind == .targets)
        #expect(problems(targets, .ignoredColumn).map(\.column) == ["备注"])
        #expect(targets.targets.count == 1)
        let prices = parse("报告期,工业生产者出厂价格指数,说明\n2023-04,97.9,初步数\n")
        #expect(prices.kind == .priceIndex)
        #expect(problems(prices, .ignoredColumn).map(\.column) == ["说明"])
    }

    @Test func cellsBeyondTheHeaderAreReportedOnEachLine() throws {
        // The header's trailing empty cells are no columns: a value under them is beyond it.
        let parsed = parse("""
            统一社会信用代码,企业名称,报告期,工业总产值本月(万元),,
            \(a),甲,2023-04,1,,
            \(b),乙,2023-04,2,,8
            \(Codes.valid(3)),丙,2023-04,3,x,9

            """)
        let beyond = problems(parsed, .cellsBeyondHeader)
        #expect(beyond.map(\.line) == [3, 4])
        #expect(beyond.map(\.column) == ["第6列", "第5列"])
        #expect(beyond.map(\.value) == ["8", "x"])
        #expect(beyond.last?.message.contains("还有2个") == true, "the message counts the line's cells past the header")
        #expect(beyond.allSatisfy { $0.period == 202304 })
        #expect(problems(parsed, .ignoredColumn).isEmpty)
        #expect(!parsed.isRejected)
    }

    @Test func trailingEmptyCellsAreNothing() {
        let parsed = parse("统一社会信用代码,企业名称,报告期,工业总产值本月(万元),备注\n\(a),甲,2023-04,1, ,,,\n")
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
    }

    @Test func aLongFilesCellsBeyondTheHeaderAreReported() {
        let parsed = parse("报告期,统一社会信用代码,企业名称,指标,口径,数值,单位\n2023-04,\(a),甲,税收,本年累计,5,万元,6\n")
        #expect(problems(parsed, .cellsBeyondHeader).map(\.line) == [2])
    }

    /// The wide reader takes the records the layout was decided on as copies and later ones
    /// straight from the parser: both are checked alike.
    @Test func recordsAfterTheHeadAreCheckedLikeTheFirst() {
        var text = "统一社会信用代码,企业名称,报告期,工业总产值本月(万元),备注\n"
        for number in 1...30 { text += "\(Codes.valid(number)),甲\(number),2023-04,1,\(number == 25 ? "注" : "")\(number == 28 ? ",7" : "")\n" }
        let parsed = parse(text)
        #expect(problems(parsed, .ignoredColumn).map(\.line) == [26])
        #expect(problems(parsed, .cellsBeyondHeader).map(\.line) == [29])
    }
}
