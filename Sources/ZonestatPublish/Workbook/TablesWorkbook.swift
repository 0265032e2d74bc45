import ZonestatCore

/// `tables.xlsx`: the report's tables and the period's indicators, targets, roster and unit
/// rows as sheets for the office, with Chinese headers, codes as text, numbers as numbers at
/// their printed decimals and the header rows frozen (outputs.md).
public enum TablesWorkbook {
    static let file = "tables.xlsx"

    /// The workbook of `context`'s period, whose report is `document`.
    static func render(_ context: ReportContext, document: ReportDocument) throws(PublishError) -> [UInt8] {
        try WorkbookZip.xlsx(try sheets(context, document: document), file: file)
    }

    /// Writes the workbook of `context`'s period, whose report is `document`, into `output`.
    static func write(_ context: ReportContext, document: ReportDocument, into output: any FileOutput) throws(PublishError) {
        try WorkbookZip.xlsx(try sheets(context, document: document), file: file, into: output)
    }

    /// The workbook of `context`'s period.
    public static func render(_ context: ReportContext) throws(PublishError) -> [UInt8] {
        try render(context, document: try ReportBuilder.document(context))
    }

    static func sheets(_ context: ReportContext, document: ReportDocument) throws(PublishError) -> [WorkbookSheet] {
        var sheets = reportSheets(document)
        let catalog = context.catalog
        let figures = try IndicatorsTable.table(context.periodIndicators, catalog: catalog)
        sheets.append(sheet("指标", figures, headers: indicatorHeaders))
        sheets.append(sheet("目标", try TargetsTable.table(context.targets, catalog: catalog), headers: targetHeaders))
        sheets.append(sheet("企业增减", RosterTable.table(context.roster), headers: rosterHeaders))
        sheets += try unitSheets(context, context.periodUnitBlocks)
        return sheets
    }

    /// Each table of the report as a sheet named by its number (`表1`): its caption, its
    /// header, its rows; figures as numbers, `—` and the rest as text.
    static func reportSheets(_ document: ReportDocument) -> [WorkbookSheet] {
        var sheets: [WorkbookSheet] = []
        for section in document.sections {
            for case .table(let table) in section.blocks {
                let caption = table.caption ?? ""
                var name = String(caption.prefix { $0 != "　" && $0 != " " })
                if name.isEmpty || sheets.contains(where: { $0.name == name }) { name = "表\(sheets.count + 1)" }
                var rows: [[WorkbookCell]] = [[.header(caption)], table.header.map(WorkbookCell.header)]
                for row in table.rows {
                    rows.append(row.enumerated().map { index, cell in
                        table.numericColumns.contains(index) ? .published(cell) : .text(cell)
                    })
                }
                if let note = table.note { rows.append([.text(note)]) }
                sheets.append(WorkbookSheet(name: sheetName(name), rows: rows, frozenRows: 2))
            }
        }
        return sheets
    }

    /// The unit rows with each unit's industry code and area: credit and industry codes as
    /// text. Each row is derived from its block, and its cells made, as the sheet is written.
    /// A sheet holds at most `rowsPerSheet` of them under its header (Excel opens at most
    /// 1,048,576 rows): the rest continue in `企业2`, `企业3`, … (a nation's period).
    static func unitSheets(
        _ context: ReportContext, _ blocks: [UnitResultBlock], rowsPerSheet: Int = WorkbookSheet.maxRows - 1
    ) throws(PublishError) -> [WorkbookSheet] {
        let catalog = context.catalog
        for block in blocks {
            _ = try catalog.definition(block.indicator, in: file)
            guard block.isWellFormed else { throw PublishError.malformedUnits(period: block.period, indicator: block.indicator) }
        }
        let header = (["统一社会信用代码", "企业名称", "行业代码", "行业", "片区"] + Array(indicatorHeaders.prefix(4))
            + Array(indicatorHeaders.dropFirst(7))).map(WorkbookCell.header)
        let rows = UnitSheetRows(blocks: blocks, units: context.unitsById, catalog: catalog)
        let total = rows.count
        let perSheet = max(rowsPerSheet, 1)
        return stride(from: 0, to: max(total, 1), by: perSheet).enumerated().map { part, first in
            var sheet = WorkbookSheet(
                name: part == 0 ? "企业" : "企业\(part + 1)", frozenRows: 1, rowCount: min(perSheet, total - first) + 1,
                columnCount: header.count
            ) { index in index == 0 ? header : rows.cells(first + index - 1) }
            sheet.writeRow = { index, writer in rows.write(first + index - 1, into: &writer) }
            return sheet
        }
    }

    static func sheet(_ name: String, _ table: PublishedTable, headers: [String]) -> WorkbookSheet {
        var rows: [[WorkbookCell]] = [headers.map(WorkbookCell.header)]
        rows.reserveCapacity(table.rows.count + 1)
        for row in table.rows { rows.append(row.map(WorkbookCell.init)) }
        return WorkbookSheet(name: name, rows: rows, frozenRows: 1)
    }

    /// A name Excel takes: none of `: \ / ? * [ ]`, at most 31 characters.
    static func sheetName(_ text: String) -> String {
        let kept = text.filter { !":\\/?*[]".contains($0) }
        return String(kept.prefix(31))
    }

    /// indicators.csv's columns in Chinese, in its order.
    static let indicatorHeaders = [
        "数据期", "指标代码", "指标名称", "计量单位", "范围", "范围代码", "范围名称", "户数", "1-本月", "上年同期",
        "同比增长（%）", "增量", "本月", "上年同月", "本月同比（%）", "拉动（百分点）", "贡献率（%）", "估算（1是0否）",
    ]
    /// targets.csv's columns in Chinese, in its order.
    static let targetHeaders = [
        "数据期", "指标代码", "指标名称", "计量单位", "年度", "目标类型", "全年目标", "目标增速（%）", "目标来源", "1-本月",
        "同比增长（%）", "完成率（%）", "序时进度（%）", "超(+)/落后(−)序时进度（百分点）", "目标增速−实际增速（百分点）",
        "后续月份需增长（%）", "状态",
    ]
    /// roster.csv's columns in Chinese, in its order.
    static let rosterHeaders = [
        "数据期", "范围", "范围代码", "范围名称", "企业数", "新增", "退出", "净增", "增长", "下降", "持平", "无基数",
        "增长面（%）", "下降面（%）", "计算指标",
    ]
}
