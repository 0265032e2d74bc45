import ZonestatCore
/// The SpreadsheetML parts of an .xlsx workbook, written by hand: inline strings (no shared
/// string table), one style per number of decimals, frozen header rows.
enum WorkbookXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    /// The most decimals a number style shows.
    static let maxDecimals = 8

    static func contentTypes(sheets: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 1...max(sheets, 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        return xml + "</Types>"
    }

    static var rootRelationships: String {
        declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
    }

    static func workbook(names: [String]) -> String {
        var xml = declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        for index in 1...max(sheets, 1) {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(max(sheets, 1) + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Styles: 0 general, 1 bold header text, 2 text (`@`), 3 + d a number with d decimals,
    /// ``signedStyle`` + d the same with a `+` before a positive number.
    static var styles: String {
        var xml = declaration + "<styleSheet xmlns=\"\(main)\">"
        xml += "<numFmts count=\"\(2 * maxDecimals + 1)\">"
        for decimals in 1...maxDecimals {
            xml += "<numFmt numFmtId=\"\(163 + decimals)\" formatCode=\"0.\(String(repeating: "0", count: decimals))\"/>"
        }
        for decimals in 0...maxDecimals {
            let code = decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
            xml += "<numFmt numFmtId=\"\(signedFormat + decimals)\" formatCode=\"+\(code);-\(code);\(code)\"/>"
        }
        xml += "</numFmts>"
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/></font>"
        xml += "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/></font></fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(signedStyle + maxDecimals + 1)\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyNumberFormat=\"1\"/>"
        xml += "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        for decimals in 1...maxDecimals {
            xml += "<xf numFmtId=\"\(163 + decimals)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        for decimals in 0...maxDecimals {
            xml += "<xf numFmtId=\"\(signedFormat + decimals)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }

    /// The first signed number format's id and the first signed style.
    static let signedFormat = 164 + maxDecimals
    static let signedStyle = 4 + maxDecimals

    /// A worksheet's XML as bytes.
    static func worksheet(_ sheet: WorkbookSheet) -> [UInt8] {
        var all: [UInt8] = []
        worksheet(sheet) { piece in all += piece }
        return all
    }

    /// The sheet's XML handed to `flush` a megabyte or so at a time, in order: a province's
    /// unit sheet is written and deflated without ever being whole in memory.
    static func worksheet<E: Error>(_ sheet: WorkbookSheet, flush: ([UInt8]) throws(E) -> Void) throws(E) {
        try worksheetPart(sheet, rows: 0..<sheet.rowCount, head: true, tail: true, flush: flush)
    }

    /// Part of the sheet's XML: its head (up to `<sheetData>`) when `head`, the rows `rows`, its
    /// tail when `tail`. The parts of consecutive ranges, head first and tail last, make the
    /// sheet: a long sheet is written (and deflated) a part on each core.
    static func worksheetPart<E: Error>(
        _ sheet: WorkbookSheet, rows: Range<Int>, head: Bool, tail: Bool, flush: ([UInt8]) throws(E) -> Void
    ) throws(E) {
        var bytes: [UInt8] = head ? Array(worksheetHead(sheet).utf8) : []
        bytes.reserveCapacity(WorkbookXML.flushBytes + 64 * 1024)
        // Written piece by piece into the bytes: a province's unit sheet has millions of cells.
        let letters = (0..<sheet.columnCount).map { Array(columnName($0).utf8) }
        var writer = WorkbookRowWriter(columns: sheet.columnCount)
        for rowIndex in rows {
            let number = Array(String(rowIndex + 1).utf8)
            bytes += "<row r=\"".utf8
            bytes += number
            bytes += "\">".utf8
            if rowIndex > 0, let writeRow = sheet.writeRow {
                writer.start(row: rowIndex + 1)
                writeRow(rowIndex, &writer)
                bytes.append(contentsOf: writer.xml.written)
            } else {
                appendCells(sheet.row(rowIndex), number: number, letters: letters, to: &bytes)
            }
            bytes += "</row>".utf8
            if bytes.count >= WorkbookXML.flushBytes {
                try flush(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        if tail { bytes += "</sheetData></worksheet>".utf8 }
        try flush(bytes)
    }

    /// Row `number`'s cells as XML (``WorkbookRowWriter`` writes the same for a unit row).
    private static func appendCells(_ row: [WorkbookCell], number: [UInt8], letters: [[UInt8]], to bytes: inout [UInt8]) {
        for (columnIndex, cell) in row.enumerated() {
            let style: String
            switch cell {
            case .empty: continue
            case .text: style = "2"
            case .header: style = "1"
            case .number(_, let decimals): style = String(3 + min(max(decimals, 0), maxDecimals))
            case .signedNumber(_, let decimals): style = String(signedStyle + min(max(decimals, 0), maxDecimals))
            }
            bytes += "<c r=\"".utf8
            bytes += letters[columnIndex]
            bytes += number
            bytes += "\" s=\"".utf8
            bytes += style.utf8
            switch cell {
            case .text(let text), .header(let text):
                bytes += "\" t=\"inlineStr\"><is>".utf8
                appendTextElement(text, to: &bytes)
                bytes += "</is></c>".utf8
            case .number(let text, _), .signedNumber(let text, _):
                bytes += "\"><v>".utf8
                bytes += text.utf8
                bytes += "</v></c>".utf8
            case .empty: break
            }
        }
    }

    /// A worksheet's XML up to and with `<sheetData>`: the frozen pane and the column widths.
    static func worksheetHead(_ sheet: WorkbookSheet) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(main)\"><sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 {
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"A\(sheet.frozenRows + 1)\" sqref=\"A\(sheet.frozenRows + 1)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = columnWidths(sheet)
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }

    /// How much XML ``worksheet(_:flush:)`` gathers before handing it on.
    static let flushBytes = 1 << 20

    /// Widths in characters from the longest cell of each column (a Chinese character counts
    /// two), between 6 and 60.
    static func columnWidths(_ sheet: WorkbookSheet) -> [Int] {
        var widths: [Int] = []
        // The first rows and a sample of the rest: a province's unit sheet is long.
        for rowIndex in 0..<min(sheet.rowCount, 2000) {
            let row = sheet.row(rowIndex)
            for (index, cell) in row.enumerated() {
                let text: String
                switch cell {
                case .text(let value), .header(let value), .number(let value, _), .signedNumber(let value, _): text = value
                case .empty: text = ""
                }
                let width = text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x2E80 ? 1 : 2) } + 2
                if widths.count <= index { widths.append(contentsOf: repeatElement(6, count: index + 1 - widths.count)) }
                widths[index] = max(widths[index], min(width, 60))
            }
        }
        return widths
    }

    /// `A`, `Z`, `AA`: the column letters of a zero-based index.
    static func columnName(_ index: Int) -> String { SpreadsheetColumn.letters(index) }

    /// `<t>…</t>`, preserving spaces at either end.
    static func textElement(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendTextElement(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``textElement(_:)`` written into `bytes`, decided on the text's UTF-8: most cells need no
    /// escaping and are copied as they are (a province's unit sheet has millions of them).
    static func appendTextElement(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        let padded = utf8.first == 0x20 || utf8.last == 0x20 || utf8.contains(0x0A)
        bytes += padded ? "<t xml:space=\"preserve\">".utf8 : "<t>".utf8
        if needsEscaping(utf8) { bytes += escape(text).utf8 } else { bytes += utf8 }
        bytes += "</t>".utf8
    }

    /// Whether ``escape(_:)`` would change `utf8`: one of the five special characters, a control
    /// character but tab, LF and CR, or U+FFFE/U+FFFF (`EF BF BE`, `EF BF BF`).
    static func needsEscaping(_ utf8: String.UTF8View) -> Bool {
        var before: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            switch byte {
            case 0x22, 0x26, 0x3C, 0x3E: return true
            case 0x09, 0x0A, 0x0D: break
            case 0x00...0x1F: return true
            case 0xBE, 0xBF: if before == (0xEF, 0xBF) { return true }
            default: break
            }
            before = (before.1, byte)
        }
        return false
    }

    /// Text made safe for XML: the five special characters as references, characters XML
    /// cannot hold (control characters but tab, LF, CR) left out.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
