import ZonestatCSV
import ZonestatCore

/// Reads a kind 2 (long) file: one value per row, with its indicator, basis and unit in cells,
/// one record at a time as the parser produces them.
struct LongFileReader {
    let config: PipelineConfig
    let layout: FileLayout
    let file: String
    let matcher: HeaderMatcher
    private var cells: CellReader
    private var unread: UnreadCells
    private var units = UnitCollector()
    private var duplicates = DuplicateDetector()
    private let indicatorIndex: [String: Int16]
    private let period: Int?, code: Int?, name: Int?
    private let indicatorColumn: Int?, basisColumn: Int?, valueColumn: Int, unitColumn: Int?
    private var warnedDefaultUnit = false
    private let parents: [String: String]
    private var rowsByUnitPeriod: [String: [(indicator: String, basis: Basis, amount: Amount)]] = [:]

    init(config: PipelineConfig, layout: FileLayout, file: String, matcher: HeaderMatcher, into parsed: inout ParsedFile) {
        self.config = config
        self.layout = layout
        self.file = file
        self.matcher = matcher
        cells = CellReader(file: file, headers: layout.headers)
        unread = UnreadCells(layout: layout)
        indicatorIndex = Dictionary(uniqueKeysWithValues: config.indicators.enumerated().map { ($1.id, Int16($0)) })
        period = layout.column("period")
        code = layout.column("credit_code")
        name = layout.column("name")
        indicatorColumn = layout.column("indicator")
        basisColumn = layout.column("basis")
        let valueColumn = layout.column("value") ?? 0
        self.valueColumn = valueColumn
        unitColumn = layout.column("unit")
        parents = config.subsetParents
        let valueHeader = valueColumn < layout.headers.count ? layout.headers[valueColumn] : "value"
        for spec in config.indicators {
            for basis in Basis.allCases {
                parsed.columnHeaders["\(spec.id)|\(basis.id)"] = valueHeader
                parsed.columnIndices["\(spec.id)|\(basis.id)"] = valueColumn
            }
        }
    }

    /// Reads one record after the header; the problems found on it name its enterprise.
    mutating func read(_ record: CSVRecord, into parsed: inout ParsedFile) {
        let before = cells.problems.count
        readRow(record, into: &parsed)
        if cells.problems.count > before {
            cells.nameEnterprise(
                from: before, code: CellReader.cell(record.fields, code), name: CellReader.cell(record.fields, name))
        }
    }

    private mutating func readRow(_ record: CSVRecord, into parsed: inout ParsedFile) {
        guard !record.isBlank else { return }
        let fields = record.fields, line = record.line
        if LayoutDetector.isTotalsRow(fields, period: period, code: code, name: name) {
            unread.check(record, period: nil, cells: &cells)
            return
        }
        parsed.rows += 1
        let rowPeriod = period == nil ? layout.statedPeriod?.period : cells.period(fields, period, line: line)
        unread.check(record, period: rowPeriod?.key, cells: &cells)
        let unitCode = cells.creditCode(fields, code, line: line, period: rowPeriod?.key)
        let unitName = cells.required(fields, name, field: "the name", line: line)
        let industry = cells.industry(fields, layout.column("industry"), line: line)
        let area = CellReader.cell(fields, layout.column("area")).trimmingWhitespace
        let indicatorText = CellReader.cell(fields, indicatorColumn).trimmingWhitespace
        let indicator = matcher.indicator(named: indicatorText)
        if indicator == nil {
            let known = config.indicators.map { spec in
                "\(spec.id) (\(([spec.name] + spec.aliases.filter { $0 != spec.name }).joined(separator: "/")))"
            }
            cells.report(
                .unknownIndicator, line: line, column: indicatorColumn, value: indicatorText,
                "无法识别的指标：请使用\(config.indicators.map(\.name).joined(separator: "、"))之一，或在流水线文件中添加别名 / "
                    + "not a known indicator — use one of \(known.joined(separator: ", ")) or add an alias")
        }
        var basis: Basis? = matcher.defaultBasis
        if let basisColumn {
            let text = CellReader.cell(fields, basisColumn).trimmingWhitespace
            basis = text.isEmpty ? nil : matcher.basis(of: text)
            if basis == nil {
                cells.report(
                    .unknownBasis, line: line, column: basisColumn, value: text,
                    "无法识别的口径：请写本年累计、本月、上年同期或上年同月 / "
                        + "not a known basis — write ytd (本年累计), month (本月), base_ytd (上年同期) or base_month (上年同月)")
            }
        }
        var unit = config.defaultInputUnit
        let unitText = CellReader.cell(fields, unitColumn).trimmingWhitespace
        if !unitText.isEmpty {
            if let money = MoneyUnit(label: unitText) {
                unit = money
            } else {
                cells.report(
                    .unknownUnit, line: line, column: unitColumn, value: unitText,
                    "不是金额单位：请写元、千元、万元或亿元 / not a money unit — write 元, 千元, 万元 or 亿元")
                return
            }
        } else if let fileUnit = layout.fileUnit {
            unit = fileUnit
        } else if !warnedDefaultUnit {
            warnedDefaultUnit = true
            cells.report(
                .defaultUnit, line: line, column: unitColumn ?? valueColumn, value: "",
                "没有注明单位，金额按\(config.defaultInputUnit.label)读取：请填写“单位”列 / "
                    + "no unit is stated — amounts read as \(config.defaultInputUnit.label); fill in the 单位 column")
        }
        let value = cells.amount(fields, valueColumn, unit: unit, line: line, period: rowPeriod?.key)
        guard let rowPeriod, let unitCode, let unitName, industry.ok, let indicator, let basis,
            let index = indicatorIndex[indicator], case .amount(let amount) = value
        else { return }
        parsed.periods.insert(rowPeriod.key)
        let unitIndex = units.add(
            code: unitCode.code, name: unitName, industry: industry.code, area: area.isEmpty ? nil : area,
            period: rowPeriod.key, checkOK: unitCode.ok)
        if let first = duplicates.firstLine(
            unit: unitIndex, period: Int32(rowPeriod.key), indicator: index, basis: basis.rawValue, line: Int32(line))
        {
            cells.report(
                .duplicateKey, line: line, column: valueColumn, value: unitCode.code, period: rowPeriod.key,
                "同一企业、同一报告期、同一指标和口径在第\(first)行已经填过：请只保留一行 / "
                    + "\(unitCode.code) \(rowPeriod) \(indicator) \(basis.id) is already given on line \(first) — keep one")
            return
        }
        parsed.facts.append(ExtractedFact(
            unit: unitIndex, period: Int32(rowPeriod.key), indicator: index, basis: basis, amount: amount,
            line: Int32(line)))
        let key = "\(unitCode.code)|\(rowPeriod.key)"
        rowsByUnitPeriod[key, default: []].append((indicator, basis, amount))
        SubsetCheck.check(
            rowsByUnitPeriod[key] ?? [], parents: parents, line: line, period: rowPeriod.key,
            unitCode: unitCode.code, cells: &cells)
    }

    /// Hands over the units and the problems found.
    func finish(into parsed: inout ParsedFile) {
        parsed.units = units.units
        parsed.problems += cells.problems
    }
}
