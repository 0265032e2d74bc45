import ZonestatCore

/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) into rows of cell texts.
///
/// A cell's text is what Excel shows: a shared or inline string as it is; a number as the
/// shortest decimal that round-trips (``CellNumber``); a number in a date format as the date
/// (`2023-04-30`); a number in a percent format as the percentage (`12.5%`); a formula by its saved value; `TRUE`/`FALSE`; an error as `#DIV/0!`.
/// Merged cells keep their text in the top-left cell only, as in a CSV saved by Excel.
struct WorksheetReader: Sendable {
    var strings: [String]
    var styles: CellStyles
    /// The workbook counts dates from 1904-01-01 (serial 0) instead of 1900.
    var date1904: Bool

    func read(_ part: [UInt8], name: String) throws -> Worksheet {
        var scanner = XMLScanner(part)
        var sheet = Worksheet(name: name)
        var row = WorksheetRow(number: 0, cells: [])
        var inRow = false
        var nextColumn = 0
        var cell = Cell()
        var inCell = false
        var capturing = false
        var phonetic = 0
        while true {
            switch try scanner.next() {
            case .start:
                if scanner.isNamed("c") {
                    let column = try scanner.rawAttribute("r").map { try WorksheetReader.column(of: $0) } ?? nextColumn
                    nextColumn = column + 1
                    cell = Cell(column: column, type: scanner.rawAttribute("t").map(CellType.init) ?? .number,
                                style: scanner.rawAttribute("s").flatMap(WorksheetReader.integer) ?? 0)
                    inCell = true
                } else if inCell, scanner.isNamed("v") {
                    cell.value = ""
                    capturing = true
                } else if inCell, scanner.isNamed("f") {
                    cell.hasFormula = true
                } else if inCell, scanner.isNamed("is") {
                    cell.inline = ""
                } else if inCell, scanner.isNamed("rPh") {
                    phonetic += 1
                } else if inCell, cell.inline != nil, phonetic == 0, scanner.isNamed("t") {
                    capturing = true
                } else if scanner.isNamed("row") {
                    let previous = sheet.rows.last?.number ?? 0
                    let number = scanner.attribute("r").flatMap { Int($0) } ?? previous + 1
                    guard number > previous else {
                        throw XMLError.malformed(offset: 0, "row \(number) comes after row \(previous)")
                    }
                    row = WorksheetRow(number: number, cells: [])
                    inRow = true
                    nextColumn = 0
                }
            case .text:
                guard capturing else { continue }
                if cell.inline != nil, cell.value == nil {
                    cell.inline? += scanner.text
                } else if let plain = scanner.plainText {
                    cell.value? += String(decoding: plain, as: UTF8.self)
                } else {
                    cell.value? += scanner.text
                }
            case .end:
                if scanner.isNamed("v") || scanner.isNamed("t") {
                    capturing = false
                } else if scanner.isNamed("rPh") {
                    phonetic -= 1
                } else if scanner.isNamed("c"), inCell {
                    inCell = false
                    try place(cell, in: &row, sheet: &sheet)
                } else if scanner.isNamed("row"), inRow {
                    inRow = false
                    if row.cells.contains(where: { !$0.isEmpty }) { sheet.rows.append(row) }
                }
            case .endOfDocument:
                return sheet
            }
        }
    }

    /// A cell's `t` attribute.
    private enum CellType {
        case number, shared, inline, formulaString, boolean, error, date, unknown

        init(_ raw: ArraySlice<UInt8>) {
            switch String(decoding: raw, as: UTF8.self) {
            case "n": self = .number
            case "s": self = .shared
            case "inlineStr": self = .inline
            case "str": self = .formulaString
            case "b": self = .boolean
            case "e": self = .error
            case "d": self = .date
            default: self = .unknown
            }
        }
    }

    /// A non-negative decimal integer from its digits, without making a string.
    private static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// One `<c>` element as read.
    private struct Cell {
        var column = 0
        var type = CellType.number
        var style = 0
        var hasFormula = false
        /// The `<v>` text, if the cell has one.
        var value: String?
        /// The `<is>` text of an inline string.
        var inline: String?
    }

    private func place(_ cell: Cell, in row: inout WorksheetRow, sheet: inout Worksheet) throws {
        var numeric = false
        let text: String
        switch cell.type {
        case .shared:
            guard let value = cell.value else {
                text = ""
                break
            }
            guard let index = Int(value), strings.indices.contains(index) else {
                throw XMLError.malformed(offset: 0, "cell \(CellAddress(row: row.number, column: cell.column).name) points to shared string \(value), which does not exist")
            }
            text = strings[index]
        case .inline:
            text = OOXMLEscapes.decode(cell.inline ?? cell.value ?? "")
        case .formulaString, .error, .date, .unknown:
            text = OOXMLEscapes.decode(cell.value ?? "")
        case .boolean:
            text = cell.value.map { $0 == "1" || $0 == "true" ? "TRUE" : "FALSE" } ?? ""
        default:
            guard let value = cell.value, !value.isEmpty else {
                text = ""
                break
            }
            if styles.showsDate(cell.style), let date = date(value) {
                text = date
            } else if styles.showsPercent(cell.style), let percent = CellNumber.percentText(value) {
                text = percent
            } else if let number = CellNumber.text(value) {
                text = number
                numeric = true
            } else {
                text = value
            }
        }
        if cell.hasFormula, cell.value == nil {
            sheet.formulasWithoutValue.append(CellAddress(row: row.number, column: cell.column))
        }
        guard !text.isEmpty else { return }
        guard cell.column >= row.cells.count else {
            throw XMLError.malformed(offset: 0, "cell \(CellAddress(row: row.number, column: cell.column).name) comes after a cell to its right")
        }
        row.cells += Array(repeating: "", count: cell.column - row.cells.count)
        row.cells.append(text)
        if numeric { row.numericColumns.append(cell.column) }
    }

    /// A date serial as the date it shows, `yyyy-mm-dd` (a time of day is dropped).
    private func date(_ value: String) -> String? {
        guard let serial = Double(value), serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let day = Int(serial.rounded(.down)) + (date1904 ? 1462 : 0)
        guard let date = ExcelDate.civilDate(serial: day) else { return nil }
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        let dayText = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        return "\(date.year)-\(month)-\(dayText)"
    }

    /// The 0-based column of a cell reference (`B7` → 1, `AA1` → 26).
    static func column(of reference: String) throws -> Int {
        try column(of: Array(reference.utf8)[...])
    }

    static func column(of reference: ArraySlice<UInt8>) throws -> Int {
        var column = 0
        var letters = 0
        for byte in reference {
            // Excel's columns end at XFD: past three letters the reference is malformed (and a
            // long run of letters would overflow the column — the fuzzer's finding).
            if letters == 3, byte >= UInt8(ascii: "A") {
                throw XMLError.malformed(offset: 0, "cell reference \(String(decoding: reference, as: UTF8.self))")
            }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            default:
                guard letters > 0, letters <= 3 else {
                    throw XMLError.malformed(offset: 0, "cell reference \(String(decoding: reference, as: UTF8.self))")
                }
                return column - 1
            }
        }
        throw XMLError.malformed(offset: 0, "cell reference \(String(decoding: reference, as: UTF8.self))")
    }
}
