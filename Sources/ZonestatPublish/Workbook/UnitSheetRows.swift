import ZonestatCore

/// The unit sheet's rows from the period's unit blocks: row `index` (0-based, after the header)
/// derived from its block, as cells or written straight into XML, the same either way.
struct UnitSheetRows: Sendable {
    let blocks: [UnitResultBlock]
    /// Where each block's rows start among the sheet's rows.
    let starts: [Int]
    let units: [Int64: UnitInfo]
    let catalog: IndicatorCatalog
    /// Rows in all.
    let count: Int

    init(blocks: [UnitResultBlock], units: [Int64: UnitInfo], catalog: IndicatorCatalog) {
        var starts: [Int] = []
        var total = 0
        for block in blocks {
            starts.append(total)
            total += block.count
        }
        self.blocks = blocks
        self.starts = starts
        self.units = units
        self.catalog = catalog
        count = total
    }

    /// What row `index` shows: the unit's row, its industry code and division name (empty when
    /// unknown), its area, and the indicator's name and money unit.
    private func parts(_ index: Int) -> (row: IndicatorRow, industry: String, division: String, area: String?, name: String, unit: MoneyUnit) {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        let block = blocks[low]
        let offset = index - starts[low]
        let unitInfo = units[block.unitIds[offset]]
        let row = block.row(at: offset, code: unitInfo?.code ?? "", name: unitInfo?.name ?? "")
        let industry = unitInfo?.industry ?? ""
        let division = industry.count >= 2 ? IndustryDivision.name(String(industry.prefix(2))) ?? "" : ""
        let definition = catalog.definition(row.indicator)
        return (row, industry, division, unitInfo?.area, definition?.name ?? row.indicator, definition?.unit ?? .tenThousandYuan)
    }

    /// Row `index`'s cells.
    func cells(_ index: Int) -> [WorkbookCell] {
        let (row, industry, division, area, name, unit) = parts(index)
        let cells: [TableCell] = [
            .text(row.scopeId), .text(row.scopeName), industry.isEmpty ? .empty : .text(industry),
            division.isEmpty ? .empty : .text(division), .optionalText(area),
            .text(row.period.description), .text(row.indicator), .text(name),
            .text(unit.label), .integer(row.units), .amount(row.ytd, in: unit), .amount(row.ytdBase, in: unit),
            .percent(row.ytdYoYPercent), .amount(row.ytdIncrement, in: unit), .amount(row.month, in: unit),
            .amount(row.monthBase, in: unit), .percent(row.monthYoYPercent), .percent(row.pullPoints),
            .percent(row.sharePercent), .flag(row.estimate),
        ]
        return cells.map(WorkbookCell.init)
    }

    /// Row `index`'s cells written as XML, the bytes ``cells(_:)`` would give.
    func write(_ index: Int, into writer: inout WorkbookRowWriter) {
        let (row, industry, division, area, name, unit) = parts(index)
        writer.text(0, row.scopeId)
        writer.text(1, row.scopeName)
        writer.text(2, industry.isEmpty ? nil : industry)
        writer.text(3, division.isEmpty ? nil : division)
        writer.text(4, area)
        writer.text(5, row.period.description)
        writer.text(6, row.indicator)
        writer.text(7, name)
        writer.text(8, unit.label)
        writer.number(9) { $0.appendInteger(row.units) }
        writer.number(10) { $0.appendAmount(row.ytd, in: unit) }
        writer.number(11) { $0.appendAmount(row.ytdBase, in: unit) }
        if let percent = row.ytdYoYPercent { writer.number(12) { $0.appendPercent(percent) } }
        writer.number(13) { $0.appendAmount(row.ytdIncrement, in: unit) }
        if let month = row.month { writer.number(14) { $0.appendAmount(month, in: unit) } }
        if let base = row.monthBase { writer.number(15) { $0.appendAmount(base, in: unit) } }
        if let percent = row.monthYoYPercent { writer.number(16) { $0.appendPercent(percent) } }
        if let percent = row.pullPoints { writer.number(17) { $0.appendPercent(percent) } }
        if let percent = row.sharePercent { writer.number(18) { $0.appendPercent(percent) } }
        writer.number(19) { $0.appendInteger(row.estimate ? 1 : 0) }
    }
}
