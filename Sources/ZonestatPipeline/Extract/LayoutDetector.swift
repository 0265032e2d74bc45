import ZonestatCSV
import ZonestatCore

/// Finds a file's header (after title and `单位:千元` lines), decides its kind, and maps its columns.
struct LayoutDetector: Sendable {
    let matcher: HeaderMatcher
    /// Records looked at before giving up on finding a header.
    let maxPreambleRows = 10

    /// The records ``detect(_:file:)`` decides a layout on: the header's first row is among the
    /// first ``maxPreambleRows``, and up to two more rows may continue it. Past these, only
    /// whether every record is blank and the first that is not can change a failure.
    var headCount: Int { maxPreambleRows + 2 }

    /// The layout, or the problems that make the file unreadable as any kind.
    func detect(_ records: [CSVRecord], file: String) -> Result<FileLayout, ProblemList> {
        var fileUnit: MoneyUnit?
        var unitLine: Int?
        var firstHeaderLine: Int?
        var titlePeriod: StatedPeriod?
        let namePeriod = StatedPeriod.name(file)
        for (index, record) in records.prefix(maxPreambleRows).enumerated() where !record.isBlank {
            firstHeaderLine = firstHeaderLine ?? record.line
            if let unit = LayoutDetector.unitStatement(record.fields) {
                switch unit {
                case .success(let money):
                    fileUnit = money
                    unitLine = record.line
                case .failure(let problem):
                    return .failure(ProblemList([Problem(
                        file: file, line: record.line, value: problem.text, code: .unknownUnit,
                        message: "单位行写的单位无法识别：请写“单位:元”“单位:千元”“单位:万元”或“单位:亿元” / the unit line names an unknown unit — write 单位:元, 单位:千元, 单位:万元 or 单位:亿元")]))
                }
                continue
            }
            let meanings = record.fields.map { matcher.meaning(of: $0) }
            guard let kind = LayoutDetector.kind(of: meanings, periodStated: titlePeriod != nil || namePeriod != nil) else {
                if titlePeriod == nil, let stated = StatedPeriod.title(record) {
                    titlePeriod = stated
                    // `报告期：2023年1-5月,,单位：千元`: the unit shares the title's line.
                    for cell in record.fields {
                        if case .success(let money)? = LayoutDetector.unitStatement([cell]) {
                            fileUnit = money
                            unitLine = record.line
                        }
                    }
                }
                continue
            }
            return layout(
                records, headerAt: index, kind: kind, file: file, fileUnit: fileUnit, unitLine: unitLine,
                stated: (titlePeriod, namePeriod))
        }
        if records.allSatisfy(\.isBlank) {
            return .failure(ProblemList([Problem(
                file: file, code: .emptyFile,
                message: "文件没有任何内容：请连同表头和数据重新导出 / the file has no rows — export the table again, with its header and data")]))
        }
        if let partial = partialHeader(records, file: file) { return .failure(ProblemList([partial])) }
        let kinds = FileKind.allCases.map(\.requirement).joined(separator: "; ")
        let header = records.first { !$0.isBlank }?.fields.joined(separator: ",") ?? ""
        return .failure(ProblemList([Problem(
            file: file, line: firstHeaderLine, value: String(header.prefix(200)), code: .unknownLayout,
            message: "前\(maxPreambleRows)行中找不到可识别的表头（需要统一社会信用代码、企业名称、报告期和指标列等）：请检查列名，或在流水线文件中添加别名 / no header row matches a known kind of file. Needed: \(kinds). "
                + "Rename the header cells or add aliases to the pipeline file")]))
    }

    /// A header row that names most of a kind's fields but lacks some: `missing_column`, naming them.
    private func partialHeader(_ records: [CSVRecord], file: String) -> Problem? {
        for record in records.prefix(maxPreambleRows) where !record.isBlank {
            var fields = Set<String>()
            var hasAmount = false
            for meaning in record.fields.map({ matcher.meaning(of: $0) }) {
                if case .field(let name) = meaning { fields.insert(name) }
                if case .amount = meaning { hasAmount = true }
            }
            let wanted: [String]
            let kind: FileKind
            if fields.contains("year") || fields.contains("target_value") || fields.contains("target_growth_pct") {
                kind = .targets
                wanted = ["year", "indicator"] + (fields.contains("target_growth_pct") ? [] : ["target_value"])
            } else if fields.contains("indicator") || fields.contains("value") {
                kind = .long
                wanted = ["period", "credit_code", "name", "indicator", "value"]
            } else if hasAmount || fields.contains("credit_code") {
                kind = .wide
                wanted = ["period", "credit_code", "name"]
            } else {
                continue
            }
            let missing = wanted.filter { !fields.contains($0) }
            guard !missing.isEmpty, missing.count < wanted.count else { continue }
            let names = missing.map { field in
                "\(field) (\(matcher.aliases(of: field).prefix(3).joined(separator: "/")))"
            }
            return Problem(
                file: file, line: record.line, value: String(record.fields.joined(separator: ",").prefix(200)),
                code: .missingColumn,
                message: "表头缺少\(missing.map(LayoutDetector.chineseField).joined(separator: "、"))列：请加上这一列或改正列名"
                    + (missing.contains("period") && kind != .targets
                        ? "；也可以不加报告期列，而在表头上方写一行“报告期：2023年1-5月”，或把报告期写进文件名（如202305.csv）" : "")
                    + " / this header looks like \(kind.requirement), but lacks \(names.joined(separator: ", ")) "
                    + "— add the column or rename it")
        }
        return nil
    }

    /// A field as the forms name it, for messages.
    static func chineseField(_ field: String) -> String {
        switch field {
        case "period": "报告期"
        case "credit_code": "统一社会信用代码"
        case "name": "企业名称"
        case "indicator": "指标"
        case "value": "数值"
        case "year": "年度"
        case "target_value": "目标值"
        case "industry": "行业代码"
        default: field
        }
    }

    /// The kind a header row announces, from the fields it names.
    ///
    /// A wide or long file may lack the period column when its title or name states the period
    /// (`periodStated`).
    static func kind(of meanings: [ColumnMeaning], periodStated: Bool = false) -> FileKind? {
        var fields = Set<String>()
        var hasAmount = false
        for meaning in meanings {
            switch meaning {
            case .field(let name): fields.insert(name)
            case .amount, .unknownBasis: hasAmount = true
            default: break
            }
        }
        if fields.contains("year"), fields.contains("indicator"),
            fields.contains("target_value") || fields.contains("target_growth_pct")
        {
            return .targets
        }
        if fields.contains("period"), fields.contains("ppi"), !fields.contains("credit_code") { return .priceIndex }
        let identity: Set<String> = periodStated ? ["credit_code", "name"] : ["period", "credit_code", "name"]
        if identity.isSubset(of: fields), fields.contains("indicator"), fields.contains("value") { return .long }
        if identity.isSubset(of: fields), hasAmount { return .wide }
        return nil
    }

    private func layout(
        _ records: [CSVRecord], headerAt index: Int, kind: FileKind, file: String, fileUnit: MoneyUnit?,
        unitLine: Int?, stated: (title: StatedPeriod?, name: StatedPeriod?)
    ) -> Result<FileLayout, ProblemList> {
        let first = records[index].fields
        var headerRows = [first]
        if kind == .wide || kind == .long, let codeColumn = first.firstIndex(where: { matcher.meaning(of: $0) == .field("credit_code") }) {
            let periodColumn = first.firstIndex { matcher.meaning(of: $0) == .field("period") }
            var next = index + 1
            while headerRows.count < 3, next < records.count {
                let row = records[next]
                let code = codeColumn < row.fields.count ? row.fields[codeColumn] : ""
                guard !row.isBlank, code.trimmingWhitespace.isEmpty,
                    !row.fields.contains(where: { LayoutDetector.isTotalsLabel($0) }),
                    !LayoutDetector.looksLikeData(row.fields, periodColumn: periodColumn)
                else { break }
                headerRows.append(row.fields)
                next += 1
            }
        }
        let headers = headerRows.count == 1 ? first : HeaderFlattener.flatten(headerRows)
        var fields: [String: Int] = [:]
        var amounts: [FileLayout.AmountColumn] = []
        var problems = ProblemList()
        var ignored: [IgnoredColumn] = []
        let headerLine = records[index].line
        let width = (headers.lastIndex { !$0.trimmingWhitespace.isEmpty } ?? -1) + 1
        for (column, header) in headers.enumerated() {
            let meaning = matcher.meaning(of: header)
            // Columns past `width` have no header: their cells are `cells_beyond_header`.
            if column < width, let reason = LayoutDetector.unread(meaning, header: header, kind: kind) {
                ignored.append(IgnoredColumn(index: column, reason: reason))
            }
            switch meaning {
            case .field(let name):
                if fields[name] != nil {
                    problems.append(Problem(
                        file: file, line: headerLine, column: header, value: header, code: .duplicateColumn,
                        message: "有两列都表示“\(LayoutDetector.chineseField(name))”：请删除或改名其中一列 / two columns mean \(name) — delete or rename one of them"))
                }
                fields[name] = fields[name] ?? column
            case .amount(let indicator, let basis) where kind.readsAmountColumns:
                if let other = amounts.first(where: { $0.indicator == indicator && $0.basis == basis }) {
                    problems.append(Problem(
                        file: file, line: headerLine, column: header, value: header, code: .duplicateColumn,
                        message: "此列与“\(other.header)”是同一指标同一口径：请只保留一列 / this column and \"\(other.header)\" both hold \(indicator) \(basis.id) — keep one"))
                }
                let unitText = HeaderText(header).unit
                amounts.append(.init(
                    index: column, header: header, indicator: indicator, basis: basis,
                    unit: unitText.flatMap { MoneyUnit(label: $0) }))
            case .unknownBasis(let indicator) where kind.readsAmountColumns:
                problems.append(Problem(
                    file: file, line: headerLine, column: header, value: header, code: .unknownBasis,
                    message: "无法识别此列的口径：请在列名中写明本月、1-本月（本年累计）、上年同月或上年同期，或在流水线文件中添加别名 / a column of \(indicator) whose basis is not recognised — name it 本月, 1-本月 (本年累计), "
                        + "上年同月 or 上年同期, or add an alias to the pipeline file"))
            case .amount, .unknownBasis, .derived, .other:
                break
            }
        }
        if !problems.isEmpty { return .failure(problems) }
        return .success(FileLayout(
            kind: kind, dataStart: index + headerRows.count, headers: headers, fields: fields, amounts: amounts,
            width: width, ignored: ignored, fileUnit: fileUnit, unitLine: unitLine, titlePeriod: stated.title,
            namePeriod: stated.name))
    }

    /// Why a file of `kind` reads nothing from a column of this meaning, or nil when it reads it.
    ///
    /// A field the kind does not read is still noted among the layout's fields, so that two
    /// columns of it remain a `duplicate_column`.
    static func unread(_ meaning: ColumnMeaning, header: String, kind: FileKind) -> IgnoredColumn.Reason? {
        switch meaning {
        case .field(let name): kind.readFields.contains(name) ? nil : .fieldNotRead(name)
        case .amount: kind.readsAmountColumns ? nil : .amountNotRead
        case .unknownBasis: kind.readsAmountColumns ? nil : .unmatched
        case .derived: .derived
        case .other: HeaderText(header).key.isEmpty ? .noHeader : .unmatched
        }
    }

    /// Whether a row under the header is data (its credit code left empty), not a second header
    /// row: its period cell holds a period, or some cell a plain number.
    static func looksLikeData(_ fields: [String], periodColumn: Int?) -> Bool {
        if let periodColumn, case .success = PeriodParser.parse(CellReader.cell(fields, periodColumn).trimmingWhitespace) {
            return true
        }
        return fields.contains { cell in
            guard !cell.trimmingWhitespace.isEmpty, case .number = NumberParser.parse(cell) else { return false }
            return true
        }
    }

    /// `单位:千元` (or `单位：千元`, `单位: 元`) alone on a line: `.success(unit)`; a unit line naming an
    /// unknown unit: `.failure(text)`; any other line: nil.
    static func unitStatement(_ fields: [String]) -> Result<MoneyUnit, UnitLineProblem>? {
        let filled = fields.map(\.trimmingWhitespace).filter { !$0.isEmpty }
        guard filled.count == 1 || filled.count == 2, let first = filled.first else { return nil }
        let text = filled.joined()
        for prefix in ["单位:", "单位：", "单位"] where text.hasPrefix(prefix) {
            let label = String(text.dropFirst(prefix.count)).trimmingWhitespace
            if label.isEmpty || label.count > 6 { return nil }
            if let unit = MoneyUnit(label: label) { return .success(unit) }
            return first.hasPrefix("单位:") || first.hasPrefix("单位：") ? .failure(UnitLineProblem(text: text)) : nil
        }
        return nil
    }

    /// A totals row: its name, code or period cell says 合计 / 总计 / 小计, and it has no credit code.
    static func isTotalsRow(_ fields: [String], period: Int?, code: Int?, name: Int?) -> Bool {
        let codeCell = CellReader.cell(fields, code)
        // Fast path: a cell starting with a letter or digit is a code, not a 合计 label.
        if let first = codeCell.utf8.first, first < 0x80, first != 0x20, first != 0x09 { return false }
        guard codeCell.trimmingWhitespace.isEmpty || isTotalsLabel(codeCell) else { return false }
        return [period, code, name].contains { isTotalsLabel(CellReader.cell(fields, $0)) }
    }

    /// A 合计 / 总计 / 小计 cell marks a totals row.
    static func isTotalsLabel(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        return trimmed.hasPrefix("合计") || trimmed.hasPrefix("总计") || trimmed.hasPrefix("小计")
            || trimmed == "全区合计" || trimmed.hasSuffix("合计")
    }
}

extension String {
    /// The text without leading and trailing ASCII/full-width spaces.
    var trimmingWhitespace: String {
        let isSpaceScalar: (Unicode.Scalar) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" || $0 == "\r" || $0 == "\n"
        }
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !isSpaceScalar(first), !isSpaceScalar(last) {
            return self
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" || $0 == "\r" || $0 == "\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}

/// A `单位:` line naming a unit zonestat does not know.
struct UnitLineProblem: Error, Equatable {
    var text: String
}
