#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX calls publication needs, each turning its return code into a thrown
/// ``PublicationError`` that names the path: writing and syncing a file, syncing a folder,
/// atomic rename, and swapping two folders in one step where the system can.
enum FileSystem {
    /// Writes `bytes` to a new file at `path` (which must not exist), syncs it, closes it.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(PublicationError) {
        FaultPoint.reached("create \(path)")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("create", path) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let error = failure("write", path)
                close(descriptor)
                throw error
            }
            written += count
        }
        FaultPoint.reached("fsync \(path)")
        if fsync(descriptor) != 0 {
            let error = failure("fsync", path)
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure("close", path) }
    }

    /// Whether `path` is a regular file (not a symlink) holding exactly `bytes`; false when it
    /// is missing or cannot be read.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else {
            return false
        }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        return bytes.withUnsafeBytes { expected in
            var offset = 0
            while offset < expected.count {
                let count = read(descriptor, buffer, min(chunk, expected.count - offset))
                if count < 0, errno == EINTR { continue }
                guard count > 0, let start = expected.baseAddress,
                    memcmp(buffer, start + offset, count) == 0
                else { return false }
                offset += count
            }
            return true
        }
    }

    /// Makes `destination` (which must not exist) a second name of the file at `source`;
    /// false, changing nothing, where the file system cannot.
    static func link(_ source: String, _ destination: String) -> Bool {
        FaultPoint.reached("link \(destination)")
        #if canImport(Glibc)
            return Glibc.link(source, destination) == 0
        #else
            return Darwin.link(source, destination) == 0
        #endif
    }

    /// Syncs a folder's entries (new names, renames) to disk; best effort, as some file
    /// systems refuse to sync a directory.
    static func syncDirectory(_ path: String) {
        FaultPoint.reached("fsync folder \(path)")
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Renames `source` to `destination` in one step, replacing a file or symlink there.
    static func rename(_ source: String, _ destination: String) throws(PublicationError) {
        FaultPoint.reached("rename \(source)")
        #if canImport(Glibc)
            let result = Glibc.rename(source, destination)
        #else
            let result = Darwin.rename(source, destination)
        #endif
        guard result == 0 else { throw failure("rename to \(destination)", source) }
    }

    /// Swaps `first` and `second` (both must exist) in one step: Linux `renameat2` with
    /// `RENAME_EXCHANGE`, Darwin `renamex_np` with `RENAME_SWAP`. Returns false, changing
    /// nothing, where the system or the file system cannot.
    static func exchange(_ first: String, _ second: String) throws(PublicationError) -> Bool {
        FaultPoint.reached("exchange \(first)")
        #if canImport(Darwin)
            if renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 { return true }
        #elseif canImport(Glibc)
            // renameat2 is not in the Glibc module's headers; look it up in libc at run time.
            typealias RenameAt2 = @convention(c) (
                Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32
            ) -> Int32
            let library = dlopen(nil, RTLD_NOW)
            defer { if let library { dlclose(library) } }
            guard let symbol = dlsym(library, "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let atCurrentDirectory: Int32 = -100  // AT_FDCWD
            let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
            if renameat2(atCurrentDirectory, first, atCurrentDirectory, second, renameExchange) == 0 { return true }
        #else
            return false
        #endif
        switch errno {
        case EINVAL, ENOSYS, EXDEV, ENOTSUP: return false
        default: throw failure("swap with \(second)", first)
        }
    }

    /// What is at `path`, without following a symlink there.
    static func entry(_ path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .file
        }
    }

    /// What a path holds.
    enum Entry: Equatable {
        case missing, file, directory, symlink
    }

    /// The error of the failed call that just set `errno`.
    static func failure(_ operation: String, _ path: String) -> PublicationError {
        let code = errno
        return .fileSystem(operation: operation, path: path, code: code, message: String(cString: strerror(code)))
    }
}
