/// Why a publication could not be put in place, with the path and the system's reason.
public enum PublicationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A folder, file or run id that is not a plain name (empty, `.`/`..`, a `/`, a leading
    /// dot, or a name the publisher reserves such as `latest`).
    case invalidName(String, reason: String)
    /// A file system call failed: what was being done, on which path, and errno's text.
    case fileSystem(operation: String, path: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case .invalidName(let name, let reason):
            "cannot publish \"\(name)\": \(reason)"
        case .fileSystem(let operation, let path, let code, let message):
            "\(path): \(operation) failed: \(message) (errno \(code))"
        }
    }
}
