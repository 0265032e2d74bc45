import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// A large file read as two halves on two cores gives exactly what one pass gives: the same
/// units, facts, problems (codes, lines, quoted cells, order), footer and counts.
@Suite("A file split in two reads as one pass")
struct FileSplitTests {
    let config = PipelineConfig(zoneName: "z", workspace: "/tmp")

    func onePass(_ text: String) -> ParsedFile {
        FileParser(config: config, splitBytes: Int.max).parse(Array(text.utf8), name: "2023-04 月报.csv")
    }

    func split(_ text: String) -> ParsedFile {
        FileParser(config: config, splitBytes: 1).parse(Array(text.utf8), name: "2023-04 月报.csv")
    }

    /// Every field of the two equal, each compared on its own so a failure names it.
    func expectSame(_ split: ParsedFile, _ whole: ParsedFile, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(split.kind == whole.kind, sourceLocation: sourceLocation)
        #expect(split.encoding == whole.encoding, sourceLocation: sourceLocation)
        #expect(split.delimiter == whole.delimiter, sourceLocation: sourceLocation)
        #expect(split.rows == whole.rows, sourceLocation: sourceLocation)
        #expect(split.units == whole.units, sourceLocation: sourceLocation)
        #expect(split.facts == whole.facts, sourceLocation: sourceLocation)
        #expect(split.problems == whole.problems, sourceLocation: sourceLocation)
        #expect(split.footer == whole.footer, sourceLocation: sourceLocation)
        #expect(split.periods == whole.periods, sourceLocation: sourceLocation)
        #expect(split.columnHeaders == whole.columnHeaders, sourceLocation: sourceLocation)
        #expect(split.columnIndices == whole.columnIndices, sourceLocation: sourceLocation)
        #expect(split.targets == whole.targets, sourceLocation: sourceLocation)
    }

    let header = "单位:千元,,,,,,\n统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月,备注\n"

    /// `count` rows of distinct units; `row` may replace any.
    func file(count: Int, period: String = "2023-04", _ row: (Int) -> String? = { _ in nil }) -> String {
        var text = header
        for index in 0..<count {
            text += (row(index) ?? "\(Codes.valid(index + 1)),企业\(index),C3670,\(period),\(index + 1).5,\(2 * index + 3),") + "\n"
        }
        return text
    }

    @Test func plainRowsWithProblemsSplitAndReadTheSame() {
        let text = file(count: 300) { index in
            switch index % 37 {
            case 5: "\(Codes.wrongCheck(index + 1)),企业\(index),C3670,2023-04,1,2,"
            case 11: "\(Codes.valid(index + 1)),企业\(index),C3670,2023-04,1.2.3,5%,"
            case 17: "\(Codes.valid(index + 1)),,C3670,2023-04,1,2,"
            case 23: "\(Codes.valid(index + 1)),企业\(index),X99,2023-4x,0.00001,2,"
            default: nil
            }
        }
        let parser = FileParser(config: config, splitBytes: 1)
        let halves = parser.parseSplit(Array(text.utf8), name: "2023-04 月报.csv")
        #expect(halves != nil, "a plain file is read as two halves")
        let whole = onePass(text)
        #expect(!whole.problems.isEmpty)
        if let halves { expectSame(halves, whole) }
    }

    /// A quoted name holding line breaks and delimiters on every row around the middle: the
    /// split never falls inside it, and lines stay the file's.
    @Test(arguments: [140, 145, 148, 149, 150, 151, 152, 155, 160])
    func quotedLineBreaksNearTheSplit(_ at: Int) {
        let text = file(count: 300) { index in
            abs(index - at) <= 1
                ? "\(Codes.valid(index + 1)),\"企业\n\(index),\"\"有限\"\"\r\n公司\",C3670,2023-04,7,8,\"\"" : nil
        }
        let halves = FileParser(config: config, splitBytes: 1).parseSplit(Array(text.utf8), name: "2023-04 月报.csv")
        #expect(halves != nil, "read as two halves")
        if let halves { expectSame(halves, onePass(text)) }
        #expect(onePass(text).units.contains { $0.name.contains("\n") })
    }

    @Test func aUnitInBothHalvesReadsAsOnePass() {
        let text = file(count: 200) { index in
            index == 190 ? "\(Codes.valid(3)),企业新名,C3670,2023-04,9,9," : nil
        }
        expectSame(split(text), onePass(text))
        let months = file(count: 100, period: "2023-03") + file(count: 100).dropFirst(header.count)
        expectSame(split(months), onePass(months))
    }

    @Test func totalsFooterAndIgnoredCellsReadAsOnePass() {
        let totals = file(count: 200) + ",合计,,2023-04,1,2,\n"
        expectSame(split(totals), onePass(totals))
        let footer = file(count: 200) + "注：本表为快报数据,,,,,,\n填表人：张三,,,,,,\n"
        let parsed = split(footer)
        expectSame(parsed, onePass(footer))
        #expect(parsed.footer.count == 2)
        let footerInside = file(count: 200) { $0 == 99 || $0 == 150 ? "注：中途的说明,,,,,," : nil }
        expectSame(split(footerInside), onePass(footerInside))
        let noted = file(count: 200) { $0 == 180 ? "\(Codes.valid(181)),企业,C3670,2023-04,1,2,有备注" : nil }
        expectSame(split(noted), onePass(noted))
        let beyond = file(count: 200) { $0 % 50 == 49 ? "\(Codes.valid($0 + 1)),企业,C3670,2023-04,1,2,,多余" : nil }
        expectSame(split(beyond), onePass(beyond))
    }

    @Test func errorsAndAShortLastLineReadAsOnePass() {
        let syntax = file(count: 200) { $0 == 170 ? "\(Codes.valid(171)),\"企业,C3670,2023-04,1,2," : nil }
        let parsed = split(syntax)
        expectSame(parsed, onePass(syntax))
        #expect(parsed.problems.map(\.code) == [.csvSyntax])
        let cut = String(file(count: 200).dropLast())
        expectSame(split(cut), onePass(cut))
        let duplicate = file(count: 200) { $0 == 160 ? "\(Codes.valid(10)),企业9,C3670,2023-04,1,2," : nil }
        expectSame(split(duplicate), onePass(duplicate))
    }
}
