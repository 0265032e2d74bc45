import ZonestatCSV
import ZonestatCore
import ZonestatXLSX

extension FileParser {
    /// Parses an Excel workbook: every worksheet that holds a table is read as one CSV file
    /// would be, its problems naming `file.xlsx[sheet]` and the sheet's row numbers.
    ///
    /// Blank sheets are passed over; a sheet with cells but no header a kind of file has is
    /// `ignored_sheet` (a warning) when another sheet holds a table, and the file's problem
    /// when none does. The tables of several sheets make one file's units and values.
    func parseWorkbook(_ bytes: [UInt8], name: String) -> ParsedFile {
        let workbook: Workbook
        do throws(WorkbookError) {
            workbook = try Workbook(bytes: bytes)
        } catch {
            return ParsedFile(name: name, problem: FileParser.problem(error, file: name))
        }
        var tables: [(label: String, parsed: ParsedFile)] = []
        var noTable: [(sheet: Worksheet, parsed: ParsedFile)] = []
        for sheet in workbook.sheets where !sheet.isBlank {
            let label = FileParser.label(file: name, sheet: sheet.name)
            let (parsed, holdsTable) = parseSheet(sheet, label: label, name: name)
            if holdsTable {
                tables.append((label, parsed))
            } else {
                noTable.append((sheet, parsed))
            }
        }
        guard !tables.isEmpty else {
            if let first = noTable.first { return first.parsed.reading(encoding: "xlsx") }
            return ParsedFile(
                name: name,
                problem: Problem(
                    file: name, code: .emptyFile,
                    message: "工作簿中没有任何内容：请打开核对后重新保存 / the workbook has no cells — export the table again"))
        }
        var merged = WorkbookMerge.merge(tables, name: name, indicators: config.indicators.map(\.id))
        if tables.count == 1, let sheet = tables.first.flatMap({ table in
            workbook.sheets.first { FileParser.label(file: name, sheet: $0.name) == table.label }
        }) {
            merged.sheet = sheet.name
        }
        for (sheet, _) in noTable {
            merged.problems.append(Problem(
                file: name, value: sheet.name, code: .ignoredSheet,
                message: "工作表“\(sheet.name)”中没有可识别的表头，未读取；如其中有数据，请补上表头或移到单独的文件"
                    + " / the sheet \(sheet.name) has no header of a known kind and was not read"))
        }
        return merged.reading(encoding: "xlsx")
    }

    /// How problems name a worksheet: `报表.xlsx[规上工业]`, as Excel writes a sheet of another workbook.
    static func label(file: String, sheet: String) -> String {
        var named = ParsedFile(name: file)
        named.sheet = sheet
        return named.problemFile
    }

    /// One worksheet read as a CSV file, and whether it holds a table (a header of a known kind).
    private func parseSheet(_ sheet: Worksheet, label: String, name: String) -> (ParsedFile, Bool) {
        var records = sheet.rows.map { CSVRecord(fields: $0.cells, line: $0.number, byteOffset: 0) }
        let detector = LayoutDetector(matcher: matcher)
        let layout = try? detector.detect(Array(records.prefix(detector.headCount)), file: label).get()
        // A credit code stored as a number shows as Excel shows it, `9.14403E+17`: the same
        // `credit_code_mangled` as in a CSV saved from the sheet.
        if let layout, let codeColumn = layout.fields["credit_code"] {
            for index in records.indices.dropFirst(layout.dataStart) where sheet.rows[index].numericColumns.contains(codeColumn) {
                if let value = Double(records[index].fields[codeColumn]) {
                    records[index].fields[codeColumn] = CellNumber.generalDisplay(value)
                }
            }
        }
        var parsed = ParsedFile(name: name)
        var router = RecordRouter(config: config, matcher: matcher, file: label)
        for record in records {
            record.withRawRecord { router.take($0, into: &parsed) }
        }
        router.finish(into: &parsed)
        let holdsTable = parsed.kind != nil || !parsed.problems.allSatisfy { $0.code == .unknownLayout || $0.code == .emptyFile }
        for address in sheet.formulasWithoutValue {
            let header = layout.flatMap { address.column < $0.headers.count ? $0.headers[address.column] : nil }
            parsed.problems.append(Problem(
                file: label, line: address.row,
                column: header.flatMap { $0.isEmpty ? nil : $0 } ?? "\(address.columnLetters)列", value: "",
                code: .formulaWithoutValue,
                message: "单元格\(address.name)的公式没有保存计算结果：请在Excel或WPS中打开工作簿，重新计算后保存再放入"
                    + " / the formula in \(address.name) was saved without its value: open the workbook in Excel or WPS, "
                    + "recalculate and save it"))
        }
        return (parsed, holdsTable)
    }

    /// The one problem of a file that is no readable workbook.
    private static func problem(_ error: WorkbookError, file: String) -> Problem {
        switch error {
        case .notAZip:
            Problem(
                file: file, code: .notATable,
                message: "这个文件以zip压缩文件的标记开头，但无法打开，也不是数据表：请放入Excel工作簿(.xlsx)或CSV文件"
                    + " / the file starts like a zip archive but cannot be opened, and is no table: drop an Excel "
                    + "workbook (.xlsx) or a CSV file")
        case .notAWorkbook:
            Problem(
                file: file, code: .notATable,
                message: "这是一个zip压缩文件，其中没有Excel工作簿，无法读取：请放入Excel工作簿(.xlsx)或CSV文件"
                    + " / a zip archive that holds no Excel workbook: drop an Excel workbook (.xlsx) or a CSV file")
        case .damaged(let part, let reason):
            Problem(
                file: file, value: part, code: .damagedWorkbook,
                message: "工作簿已损坏，无法读取（\(part)：\(reason)）：请在Excel或WPS中打开并重新保存为.xlsx后放入"
                    + " / the workbook is damaged (\(part): \(reason)): open it in Excel or WPS and save it again as .xlsx")
        }
    }
}

extension ParsedFile {
    /// A file that could not be read at all, with the one problem that says why.
    init(name: String, problem: Problem) {
        self.init(name: name)
        problems = [problem]
    }

    /// The file, marked as read from a workbook (the ledger's `encoding`).
    fileprivate func reading(encoding: String) -> ParsedFile {
        var copy = self
        copy.encoding = encoding
        copy.delimiter = ""
        return copy
    }
}
