import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// Amount cells are read straight from the record's bytes into exact amounts: the same values,
/// rejections and quoted cells as reading each cell's text, whether the line is split in place
/// or by libcsv (a quoted or padded cell), in one pass or in two halves.
@Suite("Amount cells read from bytes keep today's rules")
struct AmountCellTests {
    let config = PipelineConfig(zoneName: "z", workspace: "/tmp")
    static let perThousand = 1000 * Amount.rawPerYuan

    /// A cell as written, and the amount (in 1/10,000 元; the file is in 千元) or the problem it gives.
    static let cells: [(cell: String, raw: Int64?, problem: ProblemCode?)] = [
        ("1234.5", 12_345 * perThousand / 10, nil), ("1,234.5", 12_345 * perThousand / 10, nil),
        ("1,234.50", 123_450 * perThousand / 100, nil), ("１２３４．５", 12_345 * perThousand / 10, nil),
        ("１，２３４．５", 12_345 * perThousand / 10, nil), ("-1234.5", -12_345 * perThousand / 10, nil),
        ("－1234.5", -12_345 * perThousand / 10, nil), ("−7", -7 * perThousand, nil), ("+7", 7 * perThousand, nil),
        (" 7 ", 7 * perThousand, nil), ("\u{3000}7", 7 * perThousand, nil), ("0.0000001", 1, nil), ("-0", 0, nil),
        ("007", 7 * perThousand, nil), ("7.", 7 * perThousand, nil), (".5", perThousand / 2, nil),
        ("922337203685", 922_337_203_685 * perThousand, nil),
        ("0.00000001", nil, .tooPrecise), ("1.23456789", nil, .tooPrecise),
        ("922337203686", nil, .badNumber), ("99999999999999999999999", nil, .badNumber),
        ("1,23", nil, .badNumber), ("12,3456", nil, .badNumber), ("1.2.3", nil, .badNumber), ("abc", nil, .badNumber),
        ("1.2e5", nil, .scientificNotation), ("1E-3", nil, .scientificNotation), ("12%", nil, .percentNotAllowed),
        ("", nil, nil), ("-", nil, nil), ("—", nil, nil), ("--", nil, nil), ("…", nil, nil), ("/", nil, nil),
        ("   ", nil, nil),
    ]

    func text(rows: Int) -> String {
        var text = "单位:千元,,,,,\n统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月\n"
        for index in 0..<rows {
            let cell = AmountCellTests.cells[index % AmountCellTests.cells.count].cell
            // A cell holding the delimiter is quoted, as a spreadsheet writes it.
            let written = cell.contains(",") ? "\"\(cell)\"" : cell
            text += "\(Codes.valid(index + 1)),企业\(index),C3670,2023-04,\(written),1\n"
        }
        return text
    }

    @Test func everyEdgeCellReadsAsItsTextDoes() {
        let parsed = FileParser(config: config).parse(Array(text(rows: AmountCellTests.cells.count).utf8), name: "t.csv")
        for (index, expected) in AmountCellTests.cells.enumerated() {
            let line = Int32(index + 3)
            let month = parsed.facts.first { $0.line == line && $0.basis == .month }
            #expect(month?.amount.raw == expected.raw, "\(expected.cell)")
            let problems = parsed.problems.filter { $0.line == Int(line) }
            #expect(problems.map(\.code) == (expected.problem.map { [$0] } ?? []), "\(expected.cell)")
            // The problem quotes the cell as the analyst wrote it (unquoted by CSV).
            if let problem = problems.first { #expect(problem.value == expected.cell) }
            // The reader of a cell's text gives the same.
            var reader = CellReader(file: "t.csv", headers: [])
            let fromText = reader.amount(
                [expected.cell], 0,
                unit: .thousandYuan, line: 1, period: nil)
            switch fromText {
            case .amount(let amount): #expect(amount.raw == expected.raw, "\(expected.cell)")
            case .notReported: #expect(expected.raw == nil && expected.problem == nil, "\(expected.cell)")
            case .invalid: #expect(expected.problem != nil, "\(expected.cell)")
            }
        }
    }

    @Test func theSameInTwoHalves() {
        let bytes = Array(text(rows: 400).utf8)
        let whole = FileParser(config: config).parse(bytes, name: "t.csv")
        let halves = FileParser(config: config, splitBytes: 1).parseSplit(bytes, name: "t.csv")
        #expect(halves != nil)
        #expect(halves?.facts == whole.facts)
        #expect(halves?.problems == whole.problems)
        #expect(halves?.units == whole.units)
    }
}
