import Foundation

/// An Excel workbook (.xlsx, as Excel and WPS save it), read into its worksheets' cell texts.
///
/// The container is a zip archive (``ZipArchive``, bounded by its own bytes); the parts are XML (``XMLScanner``):
/// `xl/workbook.xml` names the sheets in tab order, `xl/_rels/workbook.xml.rels` says which
/// part holds each, `xl/sharedStrings.xml` holds the texts cells point to, `xl/styles.xml`
/// says which cells show dates.
public struct Workbook: Sendable {
    /// The worksheets, in tab order (chart sheets and the like are not worksheets).
    public var sheets: [Worksheet]

    /// Whether `bytes` start as a zip archive does (`PK\u{3}\u{4}`, or an empty archive's `PK\u{5}\u{6}`).
    public static func isZip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && (bytes[2], bytes[3]) == (3, 4)
            || bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && (bytes[2], bytes[3]) == (5, 6)
    }

    /// Reads every worksheet of the workbook in `bytes`.
    public init(bytes: [UInt8]) throws(WorkbookError) {
        guard Workbook.isZip(bytes) else { throw .notAZip }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes)
        } catch {
            throw Workbook.error(error, part: "the zip directory")
        }
        guard let workbookPart = try Workbook.part("xl/workbook.xml", in: archive) else { throw .notAWorkbook }
        let (entries, date1904) = try Workbook.parse("xl/workbook.xml") { try WorkbookPart.sheets(workbookPart) }
        let targets = try Workbook.parse("xl/_rels/workbook.xml.rels") {
            try WorkbookPart.relationships(try Workbook.part("xl/_rels/workbook.xml.rels", in: archive) ?? [])
        }
        let strings = try Workbook.parse("xl/sharedStrings.xml") {
            try SharedStrings.read(try Workbook.part("xl/sharedStrings.xml", in: archive) ?? [])
        }
        let styles = try Workbook.parse("xl/styles.xml") {
            try Workbook.part("xl/styles.xml", in: archive).map { try CellStyles(part: $0) } ?? CellStyles()
        }
        let reader = WorksheetReader(strings: strings, styles: styles, date1904: date1904)
        var sheets: [Worksheet] = []
        for entry in entries {
            guard let target = targets[entry.relationship], target.isWorksheet else { continue }
            let path = target.path
            guard let part = try Workbook.part(path, in: archive) else {
                throw .damaged(part: path, reason: "the sheet \(entry.name) has no part")
            }
            sheets.append(try Workbook.parse(path) { try reader.read(part, name: entry.name) })
        }
        self.sheets = sheets
    }

    /// A part's bytes; nil when the archive has no such part.
    private static func part(_ path: String, in archive: ZipArchive) throws(WorkbookError) -> [UInt8]? {
        guard let entry = archive.entry(path) else { return nil }
        do {
            return try archive.data(of: entry)
        } catch {
            throw Workbook.error(error, part: path)
        }
    }

    private static func error(_ failure: ZipArchive.Failure, part: String) -> WorkbookError {
        switch failure {
        // `PK` and then no zip directory: nothing says it was ever a workbook.
        case .noDirectory: .notAZip
        case .damaged(let reason): .damaged(part: part, reason: reason)
        }
    }

    /// Runs `body`, naming `part` in an XML error.
    private static func parse<T>(_ part: String, _ body: () throws -> T) throws(WorkbookError) -> T {
        do {
            return try body()
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .damaged(part: part, reason: "\(error)")
        }
    }
}
