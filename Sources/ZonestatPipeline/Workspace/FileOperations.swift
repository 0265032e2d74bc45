import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system steps extract takes, each turning failure into a `WorkspaceError`.
enum FileOperations {
    /// The whole file.
    static func read(_ path: String) throws(WorkspaceError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .io(path: path, operation: "open", reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw .io(path: path, operation: "read", reason: "\(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to a temporary name beside `path`, flushes, and renames it into place.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(WorkspaceError) {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw .io(path: temporary, operation: "write", reason: String(cString: strerror(errno)))
        }
        try move(temporary, to: path)
    }

    /// Renames (same file system: atomic); replaces an existing file at `destination`.
    static func move(_ source: String, to destination: String) throws(WorkspaceError) {
        let folder = (destination as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder, operation: "create folder", reason: "\(error.localizedDescription)")
        }
        if rename(source, destination) != 0 {
            throw .io(path: source, operation: "move to \(destination)", reason: String(cString: strerror(errno)))
        }
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
