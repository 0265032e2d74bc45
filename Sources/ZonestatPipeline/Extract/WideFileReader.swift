import ZonestatCSV
import ZonestatCore

/// Reads the data rows of a kind 1 (wide) file into facts, checking every cell, one record at
/// a time as the parser produces them.
///
/// Cells are read as bytes: amounts straight from them, the period and the industry once per
/// distinct text (``CellMemo``), the unit found by its code's key; strings are made of the name
/// and the area, and of a code the first time its unit is seen. Whatever the fast paths do not
/// decide goes through ``CellReader``'s checks on the cell's text, so problems read the same.
struct WideFileReader {
    /// An amount column, with what its rows need resolved once. Strings stay in `layout`, so
    /// reading a column copies no reference.
    private struct Column {
        var index: Int
        var indicatorIndex: Int16?
        var basis: Basis
        var unit: MoneyUnit
        /// The position (in `columns`) of the column of this indicator's total on the same basis
        /// (`subset_of`), if the file has one.
        var parent: Int?
    }

    private struct RowValue {
        var position: Int
        var amount: Amount
    }

    private let file: String
    private let layout: FileLayout
    private let columns: [Column]
    private let checksSubsets: Bool
    private let periodColumn: Int?, codeColumn: Int?, nameColumn: Int?, industryColumn: Int?, areaColumn: Int?
    private var cells: CellReader
    private var unread: UnreadCells
    private var units = UnitCollector()
    private var unitPeriodRows = UnitPeriodRows()
    private var totals: [AmountSum]
    private var periods = CellMemo<PeriodCell>()
    private var industries = CellMemo<IndustryCell>()
    private var areas = CellMemo<String>()
    /// The current row's valid amounts; kept to reuse its storage.
    private var rowValues: [RowValue] = []
    private var lastPeriodKey: Int?
    /// The period of every row when the file has no period column (its title's or name's).
    private let statedPeriod: Period?
    /// Whether a totals row (合计) was read, which is checked against the rows above it.
    private var sawTotalsRow = false

    /// Prepares to read the rows after the header; `headerLine` is the header's last line,
    /// where a missing unit is reported. Room is made for the facts and units of
    /// `expectedRows` rows (at most the rows to come; 0 when unknown), at most one fact per
    /// amount column a row.
    ///
    /// A reader of a file's later rows (``absorb(_:facts:into:)``) does not repeat the header's
    /// warnings (`announcesHeader` false).
    init(
        config: PipelineConfig, layout: FileLayout, file: String, headerLine: Int, expectedRows: Int = 0,
        announcesHeader: Bool = true, into parsed: inout ParsedFile
    ) {
        self.file = file
        self.layout = layout
        var cells = CellReader(file: file, headers: layout.headers)
        let indicatorIndex = Dictionary(uniqueKeysWithValues: config.indicators.enumerated().map { ($1.id, Int16($0)) })
        let parents = config.subsetParents
        let amounts = layout.amounts
        let columns = amounts.map { column in
            Column(
                index: column.index, indicatorIndex: indicatorIndex[column.indicator], basis: column.basis,
                unit: column.unit ?? layout.fileUnit ?? config.defaultInputUnit,
                parent: parents[column.indicator].flatMap { parent in
                    amounts.firstIndex { $0.indicator == parent && $0.basis == column.basis }
                })
        }
        let unstated = layout.fileUnit == nil ? layout.amounts.filter { $0.unit == nil } : []
        if announcesHeader, let first = unstated.first {
            cells.report(
                .defaultUnit, line: headerLine, column: first.index, value: first.header,
                "文件和列名都没有注明单位，\(unstated.map(\.header).joined(separator: "、"))按\(config.defaultInputUnit.label)读取："
                    + "请在表头上方加一行“单位:千元”，或在列名中注明单位，如“(万元)” / "
                    + "no unit is stated for \(unstated.map(\.header).joined(separator: ", ")) nor for the file — read as "
                    + "\(config.defaultInputUnit.label); add a line 单位:千元 above the header or (万元) to the column name")
        }
        for column in layout.amounts {
            parsed.columnHeaders["\(column.indicator)|\(column.basis.id)"] = column.header
            parsed.columnIndices["\(column.indicator)|\(column.basis.id)"] = column.index
        }
        self.cells = cells
        if expectedRows > 0 {
            parsed.facts.reserveCapacity(parsed.facts.count + expectedRows * layout.amounts.count)
            units.reserveCapacity(expectedRows)
        }
        unread = UnreadCells(layout: layout)
        self.columns = columns
        self.checksSubsets = !parents.isEmpty
        self.totals = [AmountSum](repeating: .zero, count: columns.count)
        periodColumn = layout.column("period")
        statedPeriod = layout.statedPeriod?.period
        codeColumn = layout.column("credit_code")
        nameColumn = layout.column("name")
        industryColumn = layout.column("industry")
        areaColumn = layout.column("area")
    }

    /// Reads one record after the header; the problems found on it name its enterprise.
    mutating func read(_ record: CSVRawRecord, into parsed: inout ParsedFile) {
        let before = cells.problems.count
        readRow(record, into: &parsed)
        if cells.problems.count > before {
            cells.nameEnterprise(
                from: before, code: String(decoding: cell(record, codeColumn), as: UTF8.self),
                name: String(decoding: cell(record, nameColumn), as: UTF8.self))
        }
    }

    private mutating func readRow(_ record: CSVRawRecord, into parsed: inout ParsedFile) {
        guard !record.isBlank else { return }
        let line = record.line
        if isTotalsRow(record) {
            sawTotalsRow = true
            unread.check(record, period: nil, cells: &cells)
            checkTotals(record.record.fields, line: line)
            return
        }
        parsed.rows += 1
        let rowPeriod =
            periodColumn == nil
            ? statedPeriod
            : cells.period(periods.value(of: cell(record, periodColumn), PeriodCell.init), periodColumn, line: line)
        unread.check(record, period: rowPeriod?.key, cells: &cells)
        let codeCell = cell(record, codeColumn)
        let unitCode = creditCode(codeCell, line: line, period: rowPeriod?.key)
        let unitName = cells.required(
            text: CellText.trimmed(cell(record, nameColumn)), nameColumn, field: "the name", line: line)
        let industry = cells.industry(
            industries.value(of: cell(record, industryColumn), IndustryCell.init), industryColumn, line: line)
        let area = areas.value(of: cell(record, areaColumn)) { $0.trimmingWhitespace }
        rowValues.removeAll(keepingCapacity: true)
        for position in columns.indices {
            let index = columns[position].index
            let bytes = record[index]
            // An empty cell is not reported; most rows leave some columns empty.
            if bytes.isEmpty { continue }
            // The usual cell, plain digits, straight into the amount; any other through the checks.
            if let amount = NumberParser.plainAmount(utf8: bytes, in: columns[position].unit) {
                totals[position] += amount
                rowValues.append(RowValue(position: position, amount: amount))
                continue
            }
            let value = cells.amount(
                NumberParser.parse(utf8: bytes), text: String(decoding: bytes, as: UTF8.self), index,
                unit: columns[position].unit, line: line, period: rowPeriod?.key)
            if case .amount(let amount) = value {
                totals[position] += amount
                rowValues.append(RowValue(position: position, amount: amount))
            }
        }
        guard let rowPeriod, let unitCode, let unitName, industry.ok else { return }
        if rowPeriod.key != lastPeriodKey {
            parsed.periods.insert(rowPeriod.key)
            lastPeriodKey = rowPeriod.key
        }
        let unit: Int32
        if let key = unitCode.key {
            unit = units.add(
                key: key, code: { unitCode.text(codeCell) }, name: unitName, industry: industry.code,
                area: area.isEmpty ? nil : area, period: rowPeriod.key, checkOK: unitCode.ok)
        } else {
            unit = units.add(
                code: unitCode.text(codeCell), name: unitName, industry: industry.code, area: area.isEmpty ? nil : area,
                period: rowPeriod.key, checkOK: unitCode.ok)
        }
        let code = units.units[Int(unit)].creditCode
        storeFacts(unit: unit, period: rowPeriod, code: code, line: line, into: &parsed)
        if checksSubsets { checkSubsets(period: rowPeriod.key, code: code, line: line) }
    }

    /// Takes over what `other` read from the rows after this reader's (the same layout, the
    /// rows from a record boundary on; its facts are `facts`, their units `other`'s), as if
    /// this reader had read those rows too. False, changing nothing, where the two halves
    /// cannot tell what one reader would have found: a unit in both (its details, a
    /// repeated row), a totals row in the later rows (the sum of every row above it), an
    /// ignored column the later rows report (reported once, on its first cell).
    mutating func absorb(_ other: WideFileReader, facts: [ExtractedFact], into parsed: inout ParsedFile) -> Bool {
        guard !other.sawTotalsRow, !other.cells.problems.contains(where: { $0.code == .ignoredColumn }) else {
            return false
        }
        let base = Int32(units.units.count)
        guard units.absorb(other.units) else { return false }
        parsed.facts.reserveCapacity(parsed.facts.count + facts.count)
        for var fact in facts {
            fact.unit += base
            parsed.facts.append(fact)
        }
        cells.problems += other.cells.problems
        for position in totals.indices { totals[position] += other.totals[position] }
        return true
    }

    /// Hands over the units and the problems found.
    func finish(into parsed: inout ParsedFile) {
        parsed.units = units.units
        parsed.problems += cells.problems
    }

    /// Appends the row's facts; a key an earlier row of the same unit and period gave is an
    /// error instead, reported once per row.
    private mutating func storeFacts(unit: Int32, period: Period, code: String, line: Int, into parsed: inout ParsedFile) {
        let periodKey = Int32(period.key)
        let count = rowValues.reduce(0) { $0 + (columns[$1.position].indicatorIndex == nil ? 0 : 1) }
        if unitPeriodRows.claim(unit: unit, period: periodKey, start: parsed.facts.count, count: count) {
            for value in rowValues {
                let column = columns[value.position]
                guard let indicator = column.indicatorIndex else { continue }
                parsed.facts.append(ExtractedFact(
                    unit: unit, period: periodKey, indicator: indicator, basis: column.basis, amount: value.amount,
                    line: Int32(line)))
            }
            return
        }
        var duplicates = unitPeriodRows.detector(unit: unit, period: periodKey, facts: parsed.facts)
        var duplicateReported = false
        for value in rowValues {
            let column = columns[value.position]
            guard let indicator = column.indicatorIndex else { continue }
            if let first = duplicates.firstLine(
                unit: unit, period: periodKey, indicator: indicator, basis: column.basis.rawValue, line: Int32(line))
            {
                if !duplicateReported {
                    duplicateReported = true
                    cells.report(
                        .duplicateKey, line: line, column: column.index, value: code, period: period.key,
                        "同一企业、同一报告期的数据在第\(first)行已经填过：请删除重复的一行 / "
                            + "\(code) \(period) \(layout.amounts[value.position].indicator) \(column.basis.id) is already given on line "
                            + "\(first) — keep one of the two rows")
                }
                continue
            }
            parsed.facts.append(ExtractedFact(
                unit: unit, period: periodKey, indicator: indicator, basis: column.basis, amount: value.amount,
                line: Int32(line)))
        }
        unitPeriodRows.store(duplicates, unit: unit, period: periodKey)
    }

    /// ``SubsetCheck`` on the row's values, with each column's total found once per file.
    private mutating func checkSubsets(period: Int, code: String, line: Int) {
        for value in rowValues {
            let column = columns[value.position]
            guard let parent = column.parent, let total = rowValues.first(where: { $0.position == parent }),
                value.amount > total.amount
            else { continue }
            SubsetCheck.report(
                layout.amounts[value.position].indicator, column.basis, value.amount,
                exceeds: layout.amounts[parent].indicator, total.amount, line: line, period: period, unitCode: code,
                cells: &cells)
        }
    }

    /// ``LayoutDetector/isTotalsRow(_:period:code:name:)``, deciding the usual row — a code
    /// starting with a letter or digit — on its first byte.
    private func isTotalsRow(_ record: CSVRawRecord) -> Bool {
        if let first = cell(record, codeColumn).first, first < 0x80, first != 0x20, first != 0x09 { return false }
        return LayoutDetector.isTotalsRow(record.record.fields, period: periodColumn, code: codeColumn, name: nameColumn)
    }

    /// Compares a totals row (合计) with the sums of the rows above it: a warning per differing column.
    private mutating func checkTotals(_ fields: [String], line: Int) {
        var scratch = CellReader(file: file, headers: layout.headers)
        for (position, column) in columns.enumerated() {
            guard
                case .amount(let stated) = scratch.amount(
                    fields, column.index, unit: column.unit, line: line, period: nil)
            else { continue }
            if AmountSum(stated) != totals[position] {
                cells.report(
                    .totalsMismatch, line: line, column: column.index, value: CellReader.cell(fields, column.index),
                    "合计行为\(stated.decimalString(in: column.unit))\(column.unit.label)，上方各行相加为\(totals[position].decimalString(in: column.unit))"
                        + "\(column.unit.label)，数据已按各行入库：请核对合计行或明细 / "
                        + "the totals row says \(stated.decimalString(in: column.unit)) but the rows above add up to "
                        + "\(totals[position].decimalString(in: column.unit)) \(column.unit.label) — the rows are kept; check the sheet")
            }
        }
    }

    /// The code of a row's credit code cell: found by its key on the fast path, else checked
    /// on its text, problems reported.
    private mutating func creditCode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, period: Int?) -> CodeCell? {
        if let (key, hasLowercase) = CreditCode.packedIfValid(utf8: bytes) {
            return CodeCell(key: key, checked: nil, upperCase: hasLowercase, ok: true)
        }
        guard
            let (code, ok) = cells.creditCode(
                text: String(decoding: bytes, as: UTF8.self), codeColumn, line: line, period: period)
        else { return nil }
        return CodeCell(key: CreditCode.packed(code), checked: code, upperCase: false, ok: ok)
    }

    private func cell(_ record: CSVRawRecord, _ column: Int?) -> UnsafeBufferPointer<UInt8> {
        guard let column else { return UnsafeBufferPointer(start: nil, count: 0) }
        return record[column]
    }

    /// A credit code cell as read.
    private struct CodeCell {
        var key: UInt128?
        /// The normalised code, when the text was checked.
        var checked: String?
        /// Whether the cell's bytes are the code once upper-cased (the fast path's lower case).
        var upperCase: Bool
        var ok: Bool

        /// The normalised code: `checked`, or the cell as ``CreditCode/check(_:)`` returns a
        /// valid plain code.
        func text(_ cell: UnsafeBufferPointer<UInt8>) -> String {
            if let checked { return checked }
            let text = String(decoding: cell, as: UTF8.self)
            return upperCase ? text.uppercased() : text
        }
    }
}
