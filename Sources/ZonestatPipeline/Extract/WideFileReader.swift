import ZonestatCSV
import ZonestatCore

/// Reads the data rows of a kind 1 (wide) file into facts, checking every cell.
struct WideFileReader {
    let config: PipelineConfig
    let layout: FileLayout
    let file: String

    func read(_ records: [CSVRecord], into parsed: inout ParsedFile) {
        var cells = CellReader(file: file, headers: layout.headers)
        var units = UnitCollector()
        var duplicates = DuplicateDetector()
        let indicatorIndex = Dictionary(uniqueKeysWithValues: config.indicators.enumerated().map { ($1.id, Int16($0)) })
        let columns = layout.amounts.map { column in (column, column.unit ?? layout.fileUnit ?? config.defaultInputUnit) }
        let headerLine = layout.dataStart > 0 ? records[layout.dataStart - 1].line : 1
        let unstated = layout.fileUnit == nil ? layout.amounts.filter { $0.unit == nil } : []
        if let first = unstated.first {
            cells.report(
                .defaultUnit, line: headerLine, column: first.index, value: first.header,
                "no unit is stated for \(unstated.map(\.header).joined(separator: ", ")) nor for the file — read as "
                    + "\(config.defaultInputUnit.label); add a line 单位:千元 above the header or (万元) to the column name")
        }
        for column in layout.amounts { parsed.columnHeaders["\(column.indicator)|\(column.basis.id)"] = column.header }
        let parents = config.subsetParents
        var totals = [AmountSum](repeating: .zero, count: columns.count)
        let period = layout.column("period"), code = layout.column("credit_code"), name = layout.column("name")
        for record in records[layout.dataStart...] where !record.isBlank {
            let fields = record.fields, line = record.line
            if LayoutDetector.isTotalsRow(fields, period: period, code: code, name: name)
            {
                checkTotals(fields, line: line, sums: totals, columns: columns, cells: &cells)
                continue
            }
            parsed.rows += 1
            let rowPeriod = cells.period(fields, period, line: line)
            let unitCode = cells.creditCode(fields, code, line: line, period: rowPeriod?.key)
            let unitName = cells.required(fields, name, field: "the name", line: line)
            let industry = cells.industry(fields, layout.column("industry"), line: line)
            let area = CellReader.cell(fields, layout.column("area")).trimmingWhitespace
            var rowValues: [(indicator: String, basis: Basis, amount: Amount, column: Int)] = []
            for (position, (column, unit)) in columns.enumerated() {
                if case .amount(let amount) = cells.amount(
                    fields, column.index, unit: unit, line: line, period: rowPeriod?.key)
                {
                    totals[position] += amount
                    rowValues.append((column.indicator, column.basis, amount, column.index))
                }
            }
            guard let rowPeriod, let unitCode, let unitName, industry.ok else { continue }
            parsed.periods.insert(rowPeriod.key)
            let unit = units.add(
                code: unitCode.code, name: unitName, industry: industry.code, area: area.isEmpty ? nil : area,
                period: rowPeriod.key, checkOK: unitCode.ok)
            var duplicateReported = false
            for value in rowValues {
                guard let indicator = indicatorIndex[value.indicator] else { continue }
                if let first = duplicates.firstLine(
                    unit: unit, period: Int32(rowPeriod.key), indicator: indicator, basis: value.basis.rawValue,
                    line: Int32(line))
                {
                    if !duplicateReported {
                        duplicateReported = true
                        cells.report(
                            .duplicateKey, line: line, column: value.column, value: unitCode.code, period: rowPeriod.key,
                            "\(unitCode.code) \(rowPeriod) \(value.indicator) \(value.basis.id) is already given on line "
                                + "\(first) — keep one of the two rows")
                    }
                    continue
                }
                parsed.facts.append(ExtractedFact(
                    unit: unit, period: Int32(rowPeriod.key), indicator: indicator, basis: value.basis,
                    amount: value.amount, line: Int32(line)))
            }
            SubsetCheck.check(
                rowValues.map { ($0.indicator, $0.basis, $0.amount) }, parents: parents, line: line,
                period: rowPeriod.key, unitCode: unitCode.code, cells: &cells)
        }
        parsed.units = units.units
        parsed.problems += cells.problems
    }

    /// Compares a totals row (合计) with the sums of the rows above it: a warning per differing column.
    private func checkTotals(
        _ fields: [String], line: Int, sums: [AmountSum], columns: [(FileLayout.AmountColumn, MoneyUnit)],
        cells: inout CellReader
    ) {
        var scratch = CellReader(file: file, headers: layout.headers)
        for (position, (column, unit)) in columns.enumerated() {
            guard case .amount(let stated) = scratch.amount(fields, column.index, unit: unit, line: line, period: nil)
            else { continue }
            if AmountSum(stated) != sums[position] {
                cells.report(
                    .totalsMismatch, line: line, column: column.index, value: CellReader.cell(fields, column.index),
                    "the totals row says \(stated.decimalString(in: unit)) but the rows above add up to "
                        + "\(sums[position].decimalString(in: unit)) \(unit.label) — the rows are kept; check the sheet")
            }
        }
    }
}

/// A subset indicator above its total on the same row (tech investment above fixed investment).
enum SubsetCheck {
    static func check(
        _ values: [(indicator: String, basis: Basis, amount: Amount)], parents: [String: String], line: Int,
        period: Int, unitCode: String, cells: inout CellReader
    ) {
        guard !parents.isEmpty else { return }
        for value in values {
            guard let parent = parents[value.indicator],
                let total = values.first(where: { $0.indicator == parent && $0.basis == value.basis }),
                value.amount > total.amount
            else { continue }
            cells.report(
                .subsetExceedsTotal, line: line, column: nil, value: unitCode, period: period,
                "\(value.indicator) \(value.basis.id) (\(value.amount.decimalString(in: .tenThousandYuan)) 万元) exceeds "
                    + "\(parent) (\(total.amount.decimalString(in: .tenThousandYuan)) 万元), of which it is a part — check both cells")
        }
    }
}
