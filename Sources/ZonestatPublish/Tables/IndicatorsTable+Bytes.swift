import ZonestatCSV
import ZonestatCore

/// `indicators.csv` and `indicators.json` written straight from the rows: the bytes
/// ``IndicatorsTable/table(_:catalog:)`` renders through ``PublishedTable``, without a cell and
/// a `String` for each of a province period's millions of figures.
///
/// Every number is written as a valid JSON number literal (digits, at most one point, no
/// leading zeros), which the CSV never quotes or guards; the texts go through the same
/// escaping as ``PublishedTable``'s.
extension IndicatorsTable {
    /// The CSV file of `rows`, in their order.
    static func csv(_ rows: [IndicatorRow], catalog: IndicatorCatalog, bom: Bool) throws(PublishError) -> [UInt8] {
        var file: [UInt8] = []
        file.reserveCapacity(rows.count * 200 + 256)
        if bom { file += ByteWriter.byteOrderMark }
        var writer = ByteWriter(capacity: 1024)
        writer.appendCSVRecord(columns)
        writer.flush(into: &file)
        var leads = LeadingCells(catalog: catalog, format: .csv)
        for row in rows {
            try writer.appendCSVCells(row, leads: &leads)
            writer.append(UInt8(ascii: "\r"))
            writer.append(UInt8(ascii: "\n"))
            writer.flush(into: &file)
        }
        return file
    }

    /// The JSON file of `rows`: one object per row and line, keys in column order.
    static func json(_ rows: [IndicatorRow], catalog: IndicatorCatalog) throws(PublishError) -> [UInt8] {
        guard !rows.isEmpty else { return Array("[]\n".utf8) }
        // Every key with what comes before it, in one buffer: `, "ytd": `.
        var keyText = ByteWriter(capacity: 512)
        var keyRanges: [Range<Int>] = []
        for (index, column) in columns.enumerated() {
            let start = keyText.count
            if index > 0 { keyText.append(", ") }
            keyText.appendJSONString(column)
            keyText.append(": ")
            keyRanges.append(start..<keyText.count)
        }
        return try keyText.bytes.withUnsafeBufferPointer { keyBytes throws(PublishError) in
            let keys = keyRanges.map { UnsafeBufferPointer(rebasing: keyBytes[$0]) }
            return try json(rows, catalog: catalog, keys: keys)
        }
    }

    /// The JSON file of `rows`, with each column's key (and what comes before it) in `keys`.
    private static func json(
        _ rows: [IndicatorRow], catalog: IndicatorCatalog, keys: [UnsafeBufferPointer<UInt8>]
    ) throws(PublishError) -> [UInt8] {
        var file: [UInt8] = []
        file.reserveCapacity(rows.count * 480 + 256)
        var writer = ByteWriter(capacity: 1024)
        writer.append("[\n")
        var leads = LeadingCells(catalog: catalog, format: .json)
        for (index, row) in rows.enumerated() {
            writer.append("  {")
            writer.append(try leads.bytes(row))
            writer.append(keys[5])
            writer.appendJSONString(row.scopeId)
            writer.append(keys[6])
            writer.appendJSONString(row.scopeName)
            writer.append(keys[7])
            writer.appendInteger(row.units)
            writer.appendFigures(row, unit: leads.unit) { writer, column in writer.append(keys[column]) } empty: {
                $0.append("null")
            }
            writer.append(keys[17])
            writer.append(row.estimate ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            writer.append(index + 1 < rows.count ? "},\n" : "}\n")
            writer.flush(into: &file)
        }
        writer.append("]\n")
        writer.flush(into: &file)
        return file
    }
}

extension ByteWriter {
    /// The cells of `row` in indicators.csv's columns, comma separated, without the line end.
    mutating func appendCSVCells(_ row: IndicatorRow, leads: inout LeadingCells) throws(PublishError) {
        append(try leads.bytes(row))
        appendCSVField(row.scopeId)
        append(UInt8(ascii: ","))
        appendCSVField(row.scopeName)
        append(UInt8(ascii: ","))
        appendInteger(row.units)
        appendFigures(row, unit: leads.unit) { writer, _ in writer.append(UInt8(ascii: ",")) } empty: { _ in }
        append(UInt8(ascii: ","))
        append(row.estimate ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    /// Columns 8…16 (`ytd` … `share_pct`), each after `separator(column)`; `empty` writes an
    /// undefined figure.
    @inline(__always)
    mutating func appendFigures(
        _ row: IndicatorRow, unit: MoneyUnit, separator: (inout ByteWriter, Int) -> Void, empty: (inout ByteWriter) -> Void
    ) {
        separator(&self, 8)
        appendAmount(row.ytd, in: unit)
        separator(&self, 9)
        appendAmount(row.ytdBase, in: unit)
        separator(&self, 10)
        if let percent = row.ytdYoYPercent { appendPercent(percent) } else { empty(&self) }
        separator(&self, 11)
        appendAmount(row.ytdIncrement, in: unit)
        separator(&self, 12)
        if let month = row.month { appendAmount(month, in: unit) } else { empty(&self) }
        separator(&self, 13)
        if let base = row.monthBase { appendAmount(base, in: unit) } else { empty(&self) }
        separator(&self, 14)
        if let percent = row.monthYoYPercent { appendPercent(percent) } else { empty(&self) }
        separator(&self, 15)
        if let percent = row.pullPoints { appendPercent(percent) } else { empty(&self) }
        separator(&self, 16)
        if let percent = row.sharePercent { appendPercent(percent) } else { empty(&self) }
    }
}

/// The first five cells of a row (period, indicator, its name and unit, scope) with what
/// separates them from the next, as bytes: the same for long runs of rows, so written once.
struct LeadingCells {
    enum Format { case csv, json }

    let catalog: IndicatorCatalog
    let format: Format
    /// The money unit of the last row's indicator.
    private(set) var unit: MoneyUnit = .tenThousandYuan
    private var period: Period?
    private var indicator = ""
    private var scope: ScopeKind?
    private var head: [UInt8] = []
    private var cells: [UInt8] = []

    /// The file named in errors.
    let file: String

    init(catalog: IndicatorCatalog, format: Format, file: String = "indicators.csv") {
        self.catalog = catalog
        self.format = format
        self.file = file
    }

    /// The cells of `row`; throws when its indicator is not in the catalog.
    mutating func bytes(_ row: IndicatorRow) throws(PublishError) -> [UInt8] {
        if row.period != period || row.indicator != indicator {
            let definition = try catalog.definition(row.indicator, in: file)
            unit = definition.unit
            var writer = ByteWriter(capacity: 96)
            let texts = [row.period.description, row.indicator, definition.name, unit.label]
            for (index, text) in texts.enumerated() {
                cell(text, column: index, into: &writer)
            }
            head = writer.bytes
            period = row.period
            indicator = row.indicator
            scope = nil
        }
        if row.scope != scope {
            var writer = ByteWriter(capacity: head.count + 32)
            writer.append(head)
            cell(row.scope.rawValue, column: 4, into: &writer)
            // What comes before `scope_id`.
            if format == .csv { writer.append(UInt8(ascii: ",")) }
            cells = writer.bytes
            scope = row.scope
        }
        return cells
    }

    private func cell(_ text: String, column: Int, into writer: inout ByteWriter) {
        switch format {
        case .csv:
            if column > 0 { writer.append(UInt8(ascii: ",")) }
            writer.appendCSVField(text)
        case .json:
            if column > 0 { writer.append(", ") }
            writer.appendJSONString(IndicatorsTable.columns[column])
            writer.append(": ")
            writer.appendJSONString(text)
        }
    }
}
