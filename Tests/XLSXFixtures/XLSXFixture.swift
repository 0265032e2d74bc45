import Foundation
import ZIPFoundation

/// Builds small .xlsx workbooks for tests, part by part as Excel writes them: shared strings,
/// inline strings, numbers as stored (`6869.8000000000002`), date styles, formulas with and
/// without a cached value, merged cells.
public enum XLSXFixture {
    /// One cell as a workbook stores it.
    public enum Cell: Sendable, ExpressibleByStringLiteral {
        /// Empty: no `<c>` at all.
        case empty
        /// A shared string.
        case text(String)
        /// An inline string (`t="inlineStr"`), as some exporters write.
        case inline(String)
        /// A number as stored in `<v>`.
        case number(String)
        /// A date serial in a date format: `builtIn` format 14 (`yyyy/m/d`) or the custom
        /// `yyyy"年"m"月"`.
        case date(String, custom: Bool = false)
        /// A number in the percent format `0.00%` (built-in 10): `0.3` shows as 30.00%.
        case percent(String)
        /// A formula and its cached value (nil: saved without one).
        case formula(String, cached: String?)

        public init(stringLiteral value: String) { self = value.isEmpty ? .empty : .text(value) }
    }

    public struct Sheet: Sendable {
        public var name: String
        /// Rows from row 1 on; an empty row is left out of the part, as Excel does.
        public var rows: [[Cell]]
        /// Merged ranges (`A1:A2`), written as Excel writes them: the text in the first cell only.
        public var merged: [String]

        public init(_ name: String, rows: [[Cell]], merged: [String] = []) {
            self.name = name
            self.rows = rows
            self.merged = merged
        }
    }

    /// The workbook's bytes. `extraSheets` are other parts (a chart sheet) not listed.
    public static func workbook(_ sheets: [Sheet], date1904: Bool = false) throws -> [UInt8] {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let index = stringIndex[text] { return index }
            strings.append(text)
            stringIndex[text] = strings.count - 1
            return strings.count - 1
        }
        var parts: [(String, String)] = []
        for (number, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
                + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>"#
            for (index, row) in sheet.rows.enumerated() where row.contains(where: { if case .empty = $0 { false } else { true } }) {
                xml += #"<row r="\#(index + 1)">"#
                for (column, cell) in row.enumerated() {
                    let reference = letters(column) + String(index + 1)
                    switch cell {
                    case .empty: continue
                    case .text(let text): xml += #"<c r="\#(reference)" t="s"><v>\#(shared(text))</v></c>"#
                    case .inline(let text): xml += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
                    case .number(let value): xml += #"<c r="\#(reference)"><v>\#(value)</v></c>"#
                    case .date(let value, let custom): xml += #"<c r="\#(reference)" s="\#(custom ? 2 : 1)"><v>\#(value)</v></c>"#
                    case .percent(let value): xml += #"<c r="\#(reference)" s="3"><v>\#(value)</v></c>"#
                    case .formula(let formula, let cached):
                        xml += #"<c r="\#(reference)"><f>\#(escape(formula))</f>"# + (cached.map { "<v>\($0)</v>" } ?? "") + "</c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if !sheet.merged.isEmpty {
                xml += #"<mergeCells count="\#(sheet.merged.count)">"#
                    + sheet.merged.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
            }
            xml += "</worksheet>"
            parts.append(("xl/worksheets/sheet\(number + 1).xml", xml))
        }
        let sheetList = sheets.enumerated().map { #"<sheet name="\#(escape($0.element.name))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }
        parts.append((
            "xl/workbook.xml",
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                + (date1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>")
                + "<sheets>" + sheetList.joined() + "</sheets></workbook>"))
        let relationships = sheets.indices.map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }
        parts.append((
            "xl/_rels/workbook.xml.rels",
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + relationships.joined()
                + #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
                + #"<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
                + "</Relationships>"))
        parts.append((
            "xl/sharedStrings.xml",
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#
                + strings.map { #"<si><t xml:space="preserve">\#(escape($0))</t></si>"# }.joined() + "</sst>"))
        parts.append((
            "xl/styles.xml",
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
                + #"<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>"#
                + #"<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>"#
                + #"<cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" xfId="0" applyNumberFormat="1"/></cellXfs>"#
                + "</styleSheet>"))
        parts.append((
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#))
        return try zip(parts)
    }

    /// A zip archive of `files` (path, text), deflated.
    public static func zip(_ files: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in files {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    static func letters(_ column: Int) -> String {
        var number = column + 1
        var result = ""
        while number > 0 {
            result = String(Character(Unicode.Scalar(UInt8(65 + (number - 1) % 26)))) + result
            number = (number - 1) / 26
        }
        return result
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
