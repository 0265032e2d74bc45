import ZonestatCSV
import ZonestatCore

/// Reads a kind 3 file: annual targets, as a level, a growth rate, or both (statistics.md §4).
struct TargetFileReader {
    let config: PipelineConfig
    let layout: FileLayout
    let file: String
    let matcher: HeaderMatcher

    func read(_ records: [CSVRecord], into parsed: inout ParsedFile) {
        var cells = CellReader(file: file, headers: layout.headers)
        var unread = UnreadCells(layout: layout)
        var seen: [String: Int] = [:]
        let newUnitKeys = HeaderText.keys(HeaderAliases.newUnitsAliases)
        for record in records[layout.dataStart...] where !record.isBlank {
            let fields = record.fields, line = record.line
            parsed.rows += 1
            unread.check(record, period: nil, cells: &cells)
            let yearColumn = layout.column("year")
            let yearText = CellReader.cell(fields, yearColumn).trimmingWhitespace
            let yearDigits = yearText.hasSuffix("年") ? String(yearText.dropLast()) : yearText
            let year = Int(yearDigits).flatMap { (1990...2100).contains($0) ? $0 : nil }
            if year == nil {
                cells.report(.badYear, line: line, column: yearColumn, value: yearText, "不是年份：请写四位年份，如2023 / not a year — write it as 2023")
            }
            let indicatorColumn = layout.column("indicator")
            let indicatorText = CellReader.cell(fields, indicatorColumn).trimmingWhitespace
            let isCount = newUnitKeys.contains(HeaderText(indicatorText).key)
            let indicator = isCount ? "new_units" : matcher.indicator(named: indicatorText)
            if indicator == nil {
                cells.report(
                    .unknownIndicator, line: line, column: indicatorColumn, value: indicatorText,
                    "无法识别的指标：请使用流水线文件中的指标名称或“新增规上工业企业” / not a known indicator — use an indicator name of the pipeline file or 新增规上工业企业")
            }
            let unitColumn = layout.column("unit")
            let unitText = CellReader.cell(fields, unitColumn).trimmingWhitespace
            var amount: Amount?
            var count: Int?
            let valueColumn = layout.column("target_value")
            let valueText = CellReader.cell(fields, valueColumn)
            switch NumberParser.parse(valueText) {
            case .notReported:
                break
            case .number(let decimal):
                if isCount {
                    count = decimal.integerValue()
                    if count == nil || (!unitText.isEmpty && CountUnit(label: unitText) == nil) {
                        cells.report(
                            .badNumber, line: line, column: valueColumn, value: valueText,
                            "个数目标应为整数（家或个） / a count target must be a whole number of 家 or 个")
                    }
                } else if let money = MoneyUnit(label: unitText) {
                    amount = cells.convert(decimal, unit: money, text: valueText, valueColumn, line: line, period: nil)
                    if decimal.significand < 0 {
                        cells.report(
                            .implausibleTarget, line: line, column: valueColumn, value: valueText,
                            "目标值为负数 — a negative level target: check the sign (a decrease is a growth target)")
                    }
                } else {
                    cells.report(
                        unitText.isEmpty ? .missingValue : .unknownUnit, line: line, column: unitColumn, value: unitText,
                        "总量目标需要单位：请在“单位”列写元、千元、万元或亿元 / a level target needs its unit — write 元, 千元, 万元 or 亿元 in the 单位 column")
                }
            case .percent, .invalid:
                cells.report(
                    .badNumber, line: line, column: valueColumn, value: valueText,
                    "目标值应为金额数字，如12（单位写亿元） / the target value must be a plain amount, e.g. 12 with 单位 亿元")
            }
            let growthColumn = layout.column("target_growth_pct")
            let growthText = CellReader.cell(fields, growthColumn)
            var growth: String?
            switch NumberParser.parse(growthText, percentAllowed: true) {
            case .notReported:
                break
            case .number(let decimal), .percent(let decimal):
                growth = decimal.description
                if TargetFileReader.isAtMostMinusHundred(decimal) {
                    cells.report(
                        .implausibleTarget, line: line, column: growthColumn, value: growthText,
                        "增长目标不大于 −100% — a growth of −100 % or less means nothing left: check the sign and the "
                            + "unit (percent, e.g. 8 for 8 %)")
                }
            case .invalid(let problem):
                cells.report(.badNumber, line: line, column: growthColumn, value: growthText, Bilingual.join(problem.description, problem.hint))
            }
            if amount == nil, count == nil, growth == nil, !cells.problems.contains(where: { $0.line == line && $0.isError }) {
                cells.report(
                    .noTarget, line: line, column: valueColumn, value: valueText,
                    "目标值和目标增速都没有填：请至少填写一项 / neither a target value nor a target growth is given — fill in one of them (or both)")
            }
            let source = CellReader.cell(fields, layout.column("source")).trimmingWhitespace
            guard let year, let indicator, amount != nil || count != nil || growth != nil else { continue }
            let key = "\(year)|\(indicator)|\(source)"
            if let first = seen[key] {
                cells.report(
                    .duplicateKey, line: line, column: indicatorColumn, value: indicatorText,
                    "同一来源的\(year)年\(indicator)目标在第\(first)行已经填过：请只保留一行 / a \(year) target for \(indicator) from the same source is already on line \(first) — keep one")
                continue
            }
            seen[key] = line
            parsed.targets.append(ExtractedTarget(
                year: year, indicator: indicator, amount: amount, count: count, growth: growth,
                unit: unitText.isEmpty ? nil : unitText, source: source.isEmpty ? file : source, line: line))
        }
        parsed.problems += cells.problems
    }

    /// Whether a percentage is −100 or less, exactly.
    static func isAtMostMinusHundred(_ decimal: ExactDecimal) -> Bool {
        guard decimal.significand < 0 else { return false }
        guard decimal.decimals <= 30 else { return false }
        var hundred: Int128 = 100
        for _ in 0..<max(0, decimal.decimals) { hundred *= 10 }
        return decimal.significand <= -hundred
    }
}
