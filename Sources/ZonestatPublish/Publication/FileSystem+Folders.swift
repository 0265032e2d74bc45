import Foundation

/// Folder operations built on Foundation's `FileManager`, with errors that name the path.
extension FileSystem {
    /// Creates the folder (and its parents) unless it exists.
    static func makeDirectory(_ path: String) throws(PublicationError) {
        guard entry(path) != .directory else { return }
        FaultPoint.reached("mkdir \(path)")
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(operation: "create folder", path: path, code: errnoCode(error), message: reason(error))
        }
    }

    /// Removes a file, symlink (not its target) or folder tree; nothing when missing.
    static func removeTree(_ path: String) throws(PublicationError) {
        guard entry(path) != .missing else { return }
        FaultPoint.reached("remove \(path)")
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw .fileSystem(operation: "remove", path: path, code: errnoCode(error), message: reason(error))
        }
    }

    /// The names in a folder, sorted.
    static func names(_ path: String) throws(PublicationError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw .fileSystem(operation: "list", path: path, code: errnoCode(error), message: reason(error))
        }
    }

    /// Creates a symlink at `path` to the relative `destination`; false when the file system
    /// refuses (errno says why).
    static func makeSymlink(_ path: String, pointingTo destination: String) -> Bool {
        FaultPoint.reached("symlink \(path)")
        return symlink(destination, path) == 0
    }

    /// Where the symlink at `path` points.
    static func destination(of path: String) throws(PublicationError) -> String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: path)
        } catch {
            throw .fileSystem(operation: "read link", path: path, code: errnoCode(error), message: reason(error))
        }
    }

    /// The errno behind a Foundation error, 0 when there is none.
    private static func errnoCode(_ error: any Error) -> Int32 {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain { return Int32(underlying.code) }
        return (error as NSError).domain == NSPOSIXErrorDomain ? Int32((error as NSError).code) : 0
    }

    /// The system's reason behind a Foundation error.
    private static func reason(_ error: any Error) -> String {
        let code = errnoCode(error)
        return code != 0 ? String(cString: strerror(code)) : error.localizedDescription
    }
}
