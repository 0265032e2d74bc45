import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif

/// The few file-system steps extract takes, each turning failure into a `WorkspaceError`.
enum FileOperations {
    /// The whole file, read straight into one array of its size (no intermediate `Data`).
    static func read(_ path: String) throws(WorkspaceError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: path, operation: "open", reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .io(path: path, operation: "stat", reason: String(cString: strerror(errno)))
        }
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)))
        var filled = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while filled < buffer.count {
                let count = systemRead(descriptor, base + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failure = errno }
                if count <= 0 { break }
                filled += count
            }
        }
        guard failure == 0 else { throw .io(path: path, operation: "read", reason: String(cString: strerror(failure))) }
        // A file that grew since it was measured: the rest, in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while filled == bytes.count {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .io(path: path, operation: "read", reason: String(cString: strerror(errno))) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            filled = bytes.count
        }
        if filled < bytes.count { bytes.removeSubrange(filled...) }
        return bytes
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
