import ZonestatCSV
import ZonestatCore

/// The period a file states outside its rows: in a title line above the header (`报告期：2023年1-5月`,
/// `…主要经济指标（2023年1-3月）`) or in its name (`202210.csv`, `2023年5月规上工业.csv`). It is the
/// rows' period when the file has no period column (inputs.md, "The period").
struct StatedPeriod: Sendable, Equatable {
    enum Source: Sendable, Equatable {
        /// A title line, at this 1-based line.
        case title(line: Int)
        case name
    }

    var period: Period
    var source: Source
    /// The title line's text or the file's name, as written.
    var text: String

    /// The period a title line states: `报告期：…` (in its cell or the next), or a title ending in a
    /// period in brackets; nil for any other line.
    static func title(_ record: CSVRecord) -> StatedPeriod? {
        let cells = record.fields.map(\.trimmingWhitespace).filter { !$0.isEmpty }
        let text = cells.joined(separator: " ")
        for (index, cell) in cells.enumerated() {
            guard let range = cell.range(of: "报告期") else { continue }
            var rest = String(cell[range.upperBound...]).trimmingWhitespace
            for colon in [":", "："] where rest.hasPrefix(colon) { rest = String(rest.dropFirst()).trimmingWhitespace }
            if rest.isEmpty, index + 1 < cells.count { rest = cells[index + 1] }
            // `报告期：2023年1-5月  单位：千元` in one cell: the first word.
            let word = rest.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).first.map(String.init) ?? rest
            if case .success(let period) = PeriodParser.parse(word) {
                return StatedPeriod(period: period, source: .title(line: record.line), text: text)
            }
        }
        for cell in cells {
            guard let close = cell.last, close == "）" || close == ")",
                let open = cell.lastIndex(where: { $0 == "（" || $0 == "(" })
            else { continue }
            let inside = cell[cell.index(after: open)..<cell.index(before: cell.endIndex)]
            if case .success(let period) = PeriodParser.parse(String(inside)) {
                return StatedPeriod(period: period, source: .title(line: record.line), text: text)
            }
        }
        return nil
    }

    /// The period a file's name states: the first of `YYYY年1-M月`, `YYYY年M月`, `YYYY-MM` (or
    /// `YYYY.MM`) and `YYYYMM` in it that is a period; nil when none is. `file` may carry a
    /// folder or a sheet after the name (`x.xlsx:Sheet1`): only the name is read.
    static func name(_ file: String) -> StatedPeriod? {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        var stem = Substring(base)
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        let scalars = Array(stem.unicodeScalars)
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            if let candidate = candidate(scalars, digitsFrom: index, to: end),
                case .success(let period) = PeriodParser.parse(candidate)
            {
                return StatedPeriod(period: period, source: .name, text: base)
            }
            index = end
        }
        return nil
    }

    /// The period text starting at a run of digits `start..<end` of a name, if it has a period's form.
    private static func candidate(_ scalars: [Unicode.Scalar], digitsFrom start: Int, to end: Int) -> String? {
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        func text(_ upTo: Int) -> String {
            var string = String.UnicodeScalarView()
            string.append(contentsOf: scalars[start..<upTo])
            return String(string)
        }
        func digits(from position: Int) -> Int {
            var cursor = position
            while cursor < scalars.count, isDigit(scalars[cursor]) { cursor += 1 }
            return cursor
        }
        switch end - start {
        case 6:
            return text(end)
        case 4:
            guard end < scalars.count else { return nil }
            let mark = scalars[end]
            if mark == "-" || mark == "." || mark == "_" {
                let monthEnd = digits(from: end + 1)
                guard (1...2).contains(monthEnd - end - 1) else { return nil }
                var string = text(end)
                string += "-"
                string.unicodeScalars.append(contentsOf: scalars[(end + 1)..<monthEnd])
                return string
            }
            guard mark == "年" else { return nil }
            let monthEnd = digits(from: end + 1)
            guard (1...2).contains(monthEnd - end - 1), monthEnd < scalars.count else { return nil }
            if scalars[monthEnd] == "月" { return text(monthEnd + 1) }
            guard ["-", "—", "–", "~"].contains(scalars[monthEnd]) else { return nil }
            let lastEnd = digits(from: monthEnd + 1)
            guard (1...2).contains(lastEnd - monthEnd - 1), lastEnd < scalars.count, scalars[lastEnd] == "月" else {
                return nil
            }
            var string = text(monthEnd)
            string += "-"
            string.unicodeScalars.append(contentsOf: scalars[(monthEnd + 1)...lastEnd])
            return string
        default:
            return nil
        }
    }
}
