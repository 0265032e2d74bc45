import ZonestatCSV
import ZonestatCore

/// Reads a kind 4 file: cumulative PPI by period and industry division (same period last year = 100).
struct PriceIndexFileReader {
    let layout: FileLayout
    let file: String

    func read(_ records: [CSVRecord], into parsed: inout ParsedFile) {
        var cells = CellReader(file: file, headers: layout.headers)
        var unread = UnreadCells(layout: layout)
        var seen: [String: Int] = [:]
        let indexColumn = layout.column("ppi")
        for record in records[layout.dataStart...] where !record.isBlank {
            let fields = record.fields, line = record.line
            parsed.rows += 1
            let period = cells.period(fields, layout.column("period"), line: line)
            unread.check(record, period: period?.key, cells: &cells)
            let industryColumn = layout.column("industry")
            let industryText = CellReader.cell(fields, industryColumn).trimmingWhitespace
            var division = ""
            if !industryText.isEmpty, !["全部", "全部工业", "合计", "总计", "all"].contains(industryText) {
                let industry = cells.industry(fields, industryColumn, line: line)
                guard let code = industry.code else { continue }
                division = String(code.prefix(2))
            }
            let text = CellReader.cell(fields, indexColumn)
            var index: String?
            switch NumberParser.parse(text) {
            case .number(let decimal) where !decimal.isZero && decimal.significand > 0:
                index = decimal.description
            case .invalid(let problem):
                cells.report(.badNumber, line: line, column: indexColumn, value: text, Bilingual.join(problem.description, problem.hint))
            default:
                cells.report(
                    .badNumber, line: line, column: indexColumn, value: text,
                    "价格指数应为正数（上年同期=100），如97.9 / a price index must be a positive number with the same period last year = 100, e.g. 97.9")
            }
            guard let period, let index else { continue }
            let key = "\(period.key)|\(division)"
            if let first = seen[key] {
                cells.report(
                    .duplicateKey, line: line, column: indexColumn, value: text, period: period.key,
                    "\(period)\(division.isEmpty ? "全部工业" : division)的价格指数在第\(first)行已经填过：请只保留一行 / the index of \(period) \(division.isEmpty ? "all industry" : division) is already on line \(first) — keep one")
                continue
            }
            seen[key] = line
            parsed.periods.insert(period.key)
            parsed.priceIndices.append(ExtractedPriceIndex(period: period.key, division: division, index: index, line: line))
        }
        parsed.problems += cells.problems
    }
}
