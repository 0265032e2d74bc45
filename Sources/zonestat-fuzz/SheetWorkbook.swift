import Foundation
import ZIPFoundation

/// A workbook around fuzzed bytes taken as its one worksheet's XML (`ZONESTAT_FUZZ_TARGET=sheet`),
/// so that libFuzzer mutates the XML the xlsx reader scans, not deflated bytes that would only
/// ever reach "damaged workbook". The other parts are fixed: a shared-strings table, the styles
/// with a date and a percent format, the workbook and its relationships. Entries are stored, not
/// deflated: the reader, not zlib, is what is fuzzed.
enum SheetWorkbook {
    static let parts: [(String, String)] = [
        (
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#
        ),
        (
            "xl/workbook.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        ),
        (
            "xl/_rels/workbook.xml.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
        ),
        (
            "xl/sharedStrings.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>统一社会信用代码</t></si><si><t>企业名称</t></si><si><t>行业代码</t></si><si><t>报告期</t></si><si><t>工业总产值本月</t></si><si><t>工业总产值1-本月</t></si><si><t>合计</t></si><si><t>单位：千元</t></si></sst>"#
        ),
        (
            "xl/styles.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>"#
        ),
    ]

    /// The workbook's bytes, `sheet` as `xl/worksheets/sheet1.xml`; nil if the zip cannot be made.
    static func wrap(_ sheet: [UInt8]) -> [UInt8]? {
        guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
        do {
            for (path, data) in parts.map({ ($0.0, Data($0.1.utf8)) }) + [("xl/worksheets/sheet1.xml", Data(sheet))] {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            return nil
        }
        return archive.data.map { [UInt8]($0) }
    }
}
