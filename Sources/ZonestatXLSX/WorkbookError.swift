/// Why a workbook could not be read.
public enum WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are no zip archive that can be opened.
    case notAZip
    /// A zip archive without a workbook (`xl/workbook.xml`): a Word file, an archive of files.
    case notAWorkbook
    /// A part is missing, or is no well-formed XML: a damaged or half-written file.
    case damaged(part: String, reason: String)

    public var description: String {
        switch self {
        case .notAZip: "not a zip archive"
        case .notAWorkbook: "a zip archive that holds no Excel workbook (no xl/workbook.xml)"
        case .damaged(let part, let reason): "the workbook is damaged: \(part): \(reason)"
        }
    }
}
