import Foundation
import ZIPFoundation

/// The workbook's parts zipped into the .xlsx container, byte for byte the same for the same
/// sheets: fixed entry order, a fixed modification time (ZIP's DOS time is read in UTC), fixed
/// permissions, deflate at zlib's default level.
enum WorkbookZip {
    /// 1980-01-01 00:00:00 UTC, the first time a ZIP entry can state.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    static func xlsx(_ sheets: [WorkbookSheet], file: String) throws(PublishError) -> [UInt8] {
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(WorkbookXML.contentTypes(sheets: sheets.count).utf8)),
            ("_rels/.rels", Array(WorkbookXML.rootRelationships.utf8)),
            ("xl/workbook.xml", Array(WorkbookXML.workbook(names: sheets.map(\.name)).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(WorkbookXML.workbookRelationships(sheets: sheets.count).utf8)),
            ("xl/styles.xml", Array(WorkbookXML.styles.utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", WorkbookXML.worksheet(sheet)))
        }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, bytes) in parts {
                let data = Data(bytes)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw PublishError.workbook(file: file, reason: "the archive holds no data") }
            return [UInt8](data)
        } catch let error as PublishError {
            throw error
        } catch {
            throw .workbook(file: file, reason: "\(error)")
        }
    }
}
