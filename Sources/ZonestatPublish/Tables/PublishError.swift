/// Why a table or report could not be rendered: the rows refer to something the definitions
/// do not describe.
public enum PublishError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A row names an indicator that is not among the indicator definitions.
    case unknownIndicator(id: String, file: String)
    /// The workbook's zip container could not be written (out of memory, or a bug).
    case workbook(file: String, reason: String)

    public var description: String {
        switch self {
        case .unknownIndicator(let id, let file):
            "\(file): indicator \"\(id)\" is not defined in the pipeline — add it to the pipeline file's indicators"
        case .workbook(let file, let reason):
            "\(file): the workbook could not be written (\(reason)) — run again; if it fails again, report it with this message"
        }
    }
}
