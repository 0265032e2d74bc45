import ZonestatCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A large file of a period folder (units.csv, tables.xlsx) written straight into the run's
/// generation a chunk at a time, never held whole: hashed as it is written, its bytes counted.
///
/// While the bytes written equal the published version's (the same folder in the generation
/// readers see), nothing is written: they are compared chunk by chunk. If the whole file is
/// the same, the published file is linked instead (``Publisher/stage(_:)``'s rule: neither
/// written nor synced again); at the first difference the equal bytes so far are copied from
/// the published file and the rest written. ``finish()`` syncs the file.
///
/// A range can be reserved and filled in later (``reserve(_:)``, ``patch(_:at:)``): a zip
/// entry's header, known only once its data is written. The file is then hashed from the disk
/// when finished.
///
/// A class: it owns a descriptor. Not for two threads at once.
public final class StagedFile: FileOutput {
    /// Where the file is staged, and the published version it is compared with (nil: none).
    let path: String
    private let previousPath: String?
    /// The published version, open while every byte so far equals it; -1 once writing.
    private var previous: Int32 = -1
    private var previousSize = 0
    /// The staged file, once written (-1 before the first difference).
    private var descriptor: Int32 = -1
    /// Bytes handed over so far (written, or found equal to the published version's).
    public private(set) var count = 0
    private var buffer: [UInt8] = []
    /// Where the buffer's bytes start in the file.
    private var bufferStart = 0
    private var hasher = SHA256()
    /// Ranges reserved and not yet patched while comparing: compared when patched.
    private var unpatched: [Range<Int>] = []
    private var patched = false
    private var finished = false
    /// Bytes read back from a file, to compare or hash.
    private var scratch: [UInt8] = []
    /// Bytes buffered before they are compared or written.
    static let chunk = 1 << 21

    /// A file to be written at `path` (which must not exist), compared with `previous` (a
    /// published file) while equal.
    init(path: String, previous: String?) {
        self.path = path
        self.previousPath = previous
        if let previous {
            let descriptor = open(previous, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            var info = stat()
            if descriptor >= 0, fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                self.previous = descriptor
                previousSize = Int(info.st_size)
            } else if descriptor >= 0 {
                close(descriptor)
            }
        }
        buffer.reserveCapacity(StagedFile.chunk)
    }

    deinit {
        if previous >= 0 { close(previous) }
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(PublicationError) {
        var offset = 0
        while offset < bytes.count {
            let take = min(StagedFile.chunk - buffer.count, bytes.count - offset)
            if let base = bytes.baseAddress {
                buffer.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: take))
            }
            offset += take
            count += take
            if buffer.count >= StagedFile.chunk { try flush() }
        }
    }

    /// Appends `length` zero bytes to be replaced by ``patch(_:at:)``; returns where they start.
    public func reserve(_ length: Int) throws(PublicationError) -> Int {
        try flush()
        let start = count
        if descriptor < 0 && previous >= 0 {
            unpatched.append(start..<start + length)
            count += length
            bufferStart = count
        } else {
            try write([UInt8](repeating: 0, count: length))
            try flush()
        }
        patched = true
        return start
    }

    /// Replaces bytes written before (a range ``reserve(_:)`` gave) by `bytes`.
    public func patch(_ bytes: [UInt8], at offset: Int) throws(PublicationError) {
        try flush()
        if descriptor < 0 {
            unpatched.removeAll { $0.lowerBound == offset }
            if equalsPrevious(bytes, at: offset) { return }
            try startWriting()
        }
        try writeAll(bytes, at: offset)
    }

    /// Completes the file: links the published version when every byte is the same, else
    /// writes what is left and syncs it. Returns the file's hash (lowercase hex).
    public func finish() throws(PublicationError) -> String {
        precondition(!finished, "a staged file is finished once")
        finished = true
        try flush()
        if descriptor < 0 {
            if let previousPath, previous >= 0, unpatched.isEmpty, count == previousSize,
                FileSystem.link(previousPath, path)
            {
                return try digest(of: previous)
            }
            try startWriting()
        }
        FaultPoint.reached("fsync \(path)")
        guard fsync(descriptor) == 0 else { throw FileSystem.failure("fsync", path) }
        let digest = try digest(of: descriptor)
        guard close(descriptor) == 0 else {
            descriptor = -1
            throw FileSystem.failure("close", path)
        }
        descriptor = -1
        return digest
    }

    /// The hash of what was handed over: counted as it came, or, when a range was patched,
    /// read back from `file` (which holds the same bytes).
    private func digest(of file: Int32) throws(PublicationError) -> String {
        guard patched else { return SHA256.hexDigest(hasher.finalize()) }
        var hasher = SHA256()
        if scratch.count < StagedFile.chunk { scratch = [UInt8](repeating: 0, count: StagedFile.chunk) }
        var offset = 0
        while offset < count {
            let read = try readAll(file, into: &scratch, at: offset, length: min(StagedFile.chunk, count - offset))
            scratch.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<read])) }
            offset += read
        }
        return SHA256.hexDigest(hasher.finalize())
    }

    /// Hands the buffered bytes on: compared with the published version's while equal, written after.
    private func flush() throws(PublicationError) {
        guard !buffer.isEmpty else {
            bufferStart = count
            return
        }
        if !patched { hasher.update(buffer) }
        if descriptor < 0 {
            if equalsPrevious(buffer, at: bufferStart) {
                buffer.removeAll(keepingCapacity: true)
                bufferStart = count
                return
            }
            try startWriting()
        }
        try writeAll(buffer, at: bufferStart)
        buffer.removeAll(keepingCapacity: true)
        bufferStart = count
    }

    /// Whether the published version holds `bytes` at `offset` (false when it cannot be read).
    private func equalsPrevious(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard previous >= 0, offset + bytes.count <= previousSize else { return false }
        if scratch.count < bytes.count { scratch = [UInt8](repeating: 0, count: max(bytes.count, StagedFile.chunk)) }
        guard let read = try? readAll(previous, into: &scratch, at: offset, length: bytes.count), read == bytes.count else {
            return false
        }
        return scratch.withUnsafeBytes { seen in
            bytes.withUnsafeBytes { expected in
                guard let seenBase = seen.baseAddress, let expectedBase = expected.baseAddress else { return expected.isEmpty }
                return memcmp(seenBase, expectedBase, expected.count) == 0
            }
        }
    }

    /// Creates the staged file and copies into it the bytes so far found equal to the
    /// published version's (those of ranges still to be patched included).
    private func startWriting() throws(PublicationError) {
        FaultPoint.reached("create \(path)")
        let created = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard created >= 0 else { throw FileSystem.failure("create", path) }
        descriptor = created
        let equal = min(bufferStart, previous >= 0 ? previousSize : 0)
        if scratch.count < StagedFile.chunk { scratch = [UInt8](repeating: 0, count: StagedFile.chunk) }
        var offset = 0
        while offset < equal {
            let read = try readAll(previous, into: &scratch, at: offset, length: min(StagedFile.chunk, equal - offset))
            guard read > 0 else {
                throw .fileSystem(operation: "read", path: previousPath ?? path, code: 0, message: "the file is shorter than it was")
            }
            try writeAll(Array(scratch[0..<read]), at: offset)
            offset += read
        }
        if bufferStart > equal {
            // Reserved ranges past the published file's end: zeros until patched.
            try writeAll([UInt8](repeating: 0, count: bufferStart - equal), at: equal)
        }
        if previous >= 0 { close(previous) }
        previous = -1
        unpatched = []
    }

    /// Writes every byte of `bytes` at `offset` of the staged file.
    private func writeAll(_ bytes: [UInt8], at offset: Int) throws(PublicationError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress.map { $0 + written }, bytes.count - written, off_t(offset + written))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw FileSystem.failure("write", path)
            }
            written += result
        }
    }

    /// Reads up to `length` bytes of `file` at `offset` into `scratch`; fewer only at its end.
    private func readAll(_ file: Int32, into scratch: inout [UInt8], at offset: Int, length: Int) throws(PublicationError) -> Int {
        var done = 0
        while done < length {
            let result = scratch.withUnsafeMutableBytes { raw in
                pread(file, raw.baseAddress.map { $0 + done }, length - done, off_t(offset + done))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw FileSystem.failure("read", file == previous ? previousPath ?? path : path)
            }
            if result == 0 { break }
            done += result
        }
        return done
    }
}
