import Foundation
import ZonestatPublish

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    private let systemRead = Glibc.read
    private let systemWrite = Glibc.write
    private let systemRename = Glibc.rename
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
    private let systemWrite = Darwin.write
    private let systemRename = Darwin.rename
#endif

/// The file-system steps extract takes, each turning failure into a `WorkspaceError` that
/// names the path and gives the system's reason. Inbox files are reached by the bytes of their
/// path (`InboxFile.rawPath`), so a name that is not UTF-8 can still be read and moved.
enum FileOperations {
    /// What an entry of a folder is, not following a symlink.
    enum EntryKind: Sendable, Equatable {
        case file, folder, symlink, other, missing
    }

    /// One entry of a folder: its name's bytes, kind, size and modification time.
    struct Entry: Sendable {
        var name: [UInt8]
        var kind: EntryKind
        var size: Int
        var modified: Date
        /// The modification time in nanoseconds since 1970.
        var stamp: Int
    }

    /// Every entry of `folder` but `.` and `..`, sorted by name bytes; names are not decoded,
    /// so none is lost or changed.
    static func list(_ folder: String) throws(WorkspaceError) -> [Entry] {
        guard let directory = opendir(folder) else {
            throw .io(path: folder, operation: "list the folder", reason: reason(errno))
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        let prefix = Array(folder.utf8) + [UInt8(ascii: "/")]
        return names.sorted { $0.lexicographicallyPrecedes($1) }.map { name in
            let status = status(of: prefix + name)
            return Entry(
                name: name, kind: status.kind, size: status.size, modified: status.modified, stamp: status.nanoseconds)
        }
    }

    /// The kind, size and modification time of the entry at `path` (not following a symlink).
    static func status(of path: [UInt8]) -> (kind: EntryKind, size: Int, modified: Date, nanoseconds: Int) {
        var info = stat()
        let found = withCString(path) { lstat($0, &info) == 0 }
        guard found else { return (.missing, 0, Date(timeIntervalSince1970: 0), 0) }
        let kind: EntryKind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        let modified = Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
        return (kind, Int(info.st_size), modified, Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec))
    }

    /// The whole file, read straight into one array of its size (no intermediate `Data`).
    static func read(_ path: String) throws(WorkspaceError) -> [UInt8] {
        try read(raw: Array(path.utf8), shown: path).bytes
    }

    /// The whole file at the path's bytes, with its size and modification time (nanoseconds)
    /// as they were when it was opened; `shown` names it in errors.
    static func read(raw path: [UInt8], shown: String) throws(WorkspaceError) -> (bytes: [UInt8], size: Int, modified: Int) {
        let descriptor = withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        guard descriptor >= 0 else { throw .io(path: shown, operation: "open", reason: reason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(path: shown, operation: "stat", reason: reason(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .io(path: shown, operation: "read", reason: "not a regular file")
        }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        let modified = Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
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
        guard failure == 0 else { throw .io(path: shown, operation: "read", reason: reason(failure)) }
        // A file that grew since it was measured: the rest, in chunks (the caller then sees
        // the size differ and leaves the file for a later run).
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while filled == bytes.count {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .io(path: shown, operation: "read", reason: reason(errno)) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            filled = bytes.count
        }
        if filled < bytes.count { bytes.removeSubrange(filled...) }
        return (bytes, Int(info.st_size), modified)
    }

    /// The prefix of the temporary files `writeAtomically` makes (short and fixed, so that a
    /// long target name never makes it too long, and a crash's leftovers are recognised).
    static let temporaryPrefix = ".zonestat-tmp-"

    /// Writes `bytes` to a temporary name in the folder of `path`, syncs it, and renames it into place.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(WorkspaceError) {
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolder(folder)
        let temporary = folder + "/" + temporaryPrefix + "\(getpid())"
        _ = unlink(temporary)
        FaultPoint.reached("create \(temporary)")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: temporary, operation: "create", reason: reason(errno)) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let failure = errno
                close(descriptor)
                _ = unlink(temporary)
                throw .io(path: temporary, operation: "write", reason: reason(failure))
            }
            written += count
        }
        FaultPoint.reached("fsync \(temporary)")
        if fsync(descriptor) != 0 {
            let failure = errno
            close(descriptor)
            _ = unlink(temporary)
            throw .io(path: temporary, operation: "fsync", reason: reason(failure))
        }
        close(descriptor)
        try move(temporary, to: path)
    }

    /// Renames (same file system: atomic); replaces an existing file at `destination`.
    static func move(_ source: String, to destination: String) throws(WorkspaceError) {
        try move(raw: Array(source.utf8), shown: source, to: destination)
    }

    /// Renames the entry at the path's bytes (an inbox file's `rawPath`) to `destination`.
    static func move(raw source: [UInt8], shown: String, to destination: String) throws(WorkspaceError) {
        try makeFolder((destination as NSString).deletingLastPathComponent)
        FaultPoint.reached("rename \(shown)")
        let result = withCString(source) { systemRename($0, destination) }
        if result != 0 {
            throw .io(path: shown, operation: "move to \(destination)", reason: reason(errno))
        }
    }

    static func makeFolder(_ folder: String) throws(WorkspaceError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder, operation: "create folder", reason: "\(error.localizedDescription)")
        }
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Removes what a crashed run's writes left in `folder`: our temporary files (and those of
    /// earlier versions: `*.tmp-<pid>`, Foundation's `.dat.nosync*`). Call only under the
    /// workspace lock (no other run is writing). Returns the names removed.
    @discardableResult
    static func removeLeftovers(in folder: String) throws(WorkspaceError) -> [String] {
        guard status(of: Array(folder.utf8)).kind == .folder else { return [] }
        var removed: [String] = []
        for entry in try list(folder) where entry.kind == .file {
            let name = String(decoding: entry.name, as: UTF8.self)
            guard isLeftover(name) else { continue }
            let path = folder + "/" + name
            FaultPoint.reached("unlink \(path)")
            if unlink(path) != 0, errno != ENOENT {
                throw .io(path: path, operation: "remove a crashed run's temporary file", reason: reason(errno))
            }
            removed.append(name)
        }
        return removed
    }

    /// Whether `name` is a temporary file of an interrupted write.
    static func isLeftover(_ name: String) -> Bool {
        if name.hasPrefix(temporaryPrefix) || name.hasPrefix(".dat.nosync") { return true }
        guard let range = name.range(of: ".tmp-", options: .backwards) else { return false }
        let pid = name[range.upperBound...]
        return !pid.isEmpty && pid.allSatisfy(\.isASCII) && pid.allSatisfy(\.isNumber)
    }

    /// The system's text for an errno.
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Calls `body` with the bytes as a NUL-terminated C string.
    private static func withCString<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return "".withCString(body) }
                return body(base)
            }
        }
    }
}
