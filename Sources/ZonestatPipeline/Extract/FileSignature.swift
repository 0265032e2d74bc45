import ZonestatXLSX

/// What a file is, by its first bytes: text (CSV), an Excel workbook (a zip archive), a
/// legacy Excel or WPS workbook (OLE2), or another binary format no table is read from.
enum FileSignature: Equatable {
    case text
    /// A zip archive: an .xlsx workbook, or a zip that is none (an .docx, an archive of files).
    case zip
    /// An OLE2 compound file (`D0 CF 11 E0 A1 B1 1A E1`): .xls, .et, also an old .doc.
    case ole2
    /// A binary format named for the message (`PDF`, `PNG图片`).
    case binary(String)

    init(_ bytes: [UInt8]) {
        func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        if Workbook.isZip(bytes) {
            self = .zip
        } else if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .ole2
        } else if starts(Array("%PDF-".utf8)) {
            self = .binary("PDF")
        } else if starts([0x89, 0x50, 0x4E, 0x47]) {
            self = .binary("PNG图片")
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .binary("JPEG图片")
        } else if starts(Array("GIF8".utf8)) {
            self = .binary("GIF图片")
        } else if starts(Array("BM".utf8)) && bytes.count > 14 && bytes[6...9].allSatisfy({ $0 == 0 }) {
            self = .binary("BMP图片")
        } else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            self = .binary("TIFF图片")
        } else if starts(Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8) {
            self = .binary("WebP图片")
        } else if starts([0x52, 0x61, 0x72, 0x21]) {
            self = .binary("RAR压缩包")
        } else if starts([0x37, 0x7A, 0xBC, 0xAF]) {
            self = .binary("7z压缩包")
        } else {
            self = .text
        }
    }

    /// `legacy_excel`'s message (issue 10).
    static let legacyExcelMessage = "这是旧版Excel(.xls)工作簿，请在Excel或WPS中另存为.xlsx或“CSV UTF-8”后重新放入"
        + " / a legacy Excel (.xls/.et) workbook: save it as .xlsx or \"CSV UTF-8\" in Excel or WPS and drop it again"

    /// `not_a_table`'s message for a binary format.
    static func notATableMessage(_ what: String) -> String {
        "这是\(what)文件，不是数据表，无法读取：请放入Excel工作簿(.xlsx)或CSV文件"
            + " / this is a \(what) file, not a table: drop an Excel workbook (.xlsx) or a CSV file"
    }
}
