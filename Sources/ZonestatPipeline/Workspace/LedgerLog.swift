import Foundation
import ZonestatCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `archive/ledger.csv`: a plain, append-only copy of the warehouse's ledger, from which
/// `zonestat rebuild` replays the archive in the original order (inputs.md, "The ledger log").
///
/// One line per ledger row as it is recorded, written right after the transaction that recorded
/// it; a later line for the same ledger id gives that file's new status (a quarantined file later
/// `resolved` or `dismissed`). Lines are never rewritten: the only change to what is there is
/// cutting a line a crash left half-written, before the next append.
public struct LedgerLog: Sendable {
    /// One line of the log.
    public struct Line: Sendable, Hashable {
        public var id: Int64
        public var sha256: String
        public var fileName: String
        public var size: Int
        public var modifiedAt: String
        public var status: String
        public var storedAs: String
        public var runId: String
        public var recordedAt: String

        public init(
            id: Int64, sha256: String, fileName: String, size: Int, modifiedAt: String, status: String,
            storedAs: String, runId: String, recordedAt: String
        ) {
            self.id = id
            self.sha256 = sha256
            self.fileName = fileName
            self.size = size
            self.modifiedAt = modifiedAt
            self.status = status
            self.storedAs = storedAs
            self.runId = runId
            self.recordedAt = recordedAt
        }

        /// The ledger entry that records this file again, under its id, run and time.
        public var entry: LedgerEntry {
            LedgerEntry(
                id: id, sha256: sha256, fileName: fileName, size: size, modifiedAt: modifiedAt, status: status,
                storedAs: storedAs, runId: runId, recordedAt: recordedAt)
        }

        /// Whether the file's rows are in the figures (`ingested`), only logged (`duplicate`), or
        /// set aside like a quarantined file (any other status: `quarantined`, `held`, `resolved`, …).
        public var isQuarantineLike: Bool { status != "ingested" && status != "duplicate" }
    }

    /// The columns, in file order: the one definition the writer and the reader walk.
    static let columns: [(name: String, text: @Sendable (Line) -> String)] = [
        ("ledger_id", { String($0.id) }), ("sha256", { $0.sha256 }), ("file_name", { $0.fileName }),
        ("size", { String($0.size) }), ("modified_at", { $0.modifiedAt }), ("status", { $0.status }),
        ("stored_as", { $0.storedAs }), ("run_id", { $0.runId }), ("recorded_at", { $0.recordedAt }),
    ]

    /// The log's path.
    public let path: String

    public init(workspace: Workspace) { path = workspace.ledgerLog }

    /// Whether the log exists (a workspace that extract has written to since it was introduced).
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Every line, in file order; none when there is no log.
    public func lines() throws(WorkspaceError) -> [Line] {
        guard exists else { return [] }
        var bytes = try FileOperations.read(path)
        // A line a crash cut short is not part of the log (the next append removes it).
        if let end = bytes.lastIndex(of: UInt8(ascii: "\n")) { bytes.removeSubrange((end + 1)...) } else { bytes = [] }
        let document: CSVDocument
        do {
            document = try CSVDocument.read(bytes: bytes)
        } catch {
            throw .io(path: path, operation: "read the ledger log", reason: "\(error)")
        }
        guard let header = document.records.first?.fields else { return [] }
        let position = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = LedgerLog.columns.map(\.name).filter { position[$0] == nil }
        guard missing.isEmpty else {
            throw .io(
                path: path, operation: "read the ledger log",
                reason: "its header lacks \(missing.joined(separator: ", ")) — restore it from a backup")
        }
        return try document.records.dropFirst().map { (record) throws(WorkspaceError) -> Line in
            func cell(_ name: String) -> String {
                guard let index = position[name], index < record.fields.count else { return "" }
                return LedgerLog.plain(record.fields[index])
            }
            guard let id = Int64(cell("ledger_id")), let size = Int(cell("size")) else {
                throw .io(
                    path: path, operation: "read the ledger log",
                    reason: "line \(record.line): ledger_id \"\(cell("ledger_id"))\" or size \"\(cell("size"))\" is not a "
                        + "whole number — restore the file from a backup")
            }
            return Line(
                id: id, sha256: cell("sha256"), fileName: cell("file_name"), size: size, modifiedAt: cell("modified_at"),
                status: cell("status"), storedAs: cell("stored_as"), runId: cell("run_id"), recordedAt: cell("recorded_at"))
        }
    }

    /// Each ledger id once, in id order, with the status of its latest line.
    public static func latest(_ lines: [Line]) -> [Line] {
        var byId: [Int64: Line] = [:]
        for line in lines {
            if var known = byId[line.id] {
                known.status = line.status
                byId[line.id] = known
            } else {
                byId[line.id] = line
            }
        }
        return byId.values.sorted { $0.id < $1.id }
    }

    /// Appends `lines` (a new ledger row, or a later status of one) and flushes them to disk;
    /// writes the header first when the log is new.
    public func append(_ lines: [Line]) throws(WorkspaceError) {
        guard !lines.isEmpty else { return }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder, operation: "create folder", reason: "\(error.localizedDescription)")
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("stat") }
        var size = Int(info.st_size)
        if size > 0 {
            // Cut a line a crash left half-written, so the log stays whole lines.
            var last: UInt8 = 0
            guard pread(descriptor, &last, 1, off_t(size - 1)) == 1 else { throw failure("read") }
            if last != UInt8(ascii: "\n") {
                size = try lastLineEnd(descriptor, size: size)
                guard ftruncate(descriptor, off_t(size)) == 0 else { throw failure("cut a half-written line of") }
            }
        }
        var writer = CSVWriter(byteOrderMark: false)
        if size == 0 { writer.append(LedgerLog.columns.map(\.name)) }
        for line in lines { writer.append(LedgerLog.columns.map { $0.text(line) }) }
        let bytes = writer.bytes
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pwrite(descriptor, base + written, raw.count - written, off_t(size + written))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw failure("write") }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw failure("flush") }
    }

    /// The offset just past the last `\n` before `size` (0 when there is none).
    private func lastLineEnd(_ descriptor: Int32, size: Int) throws(WorkspaceError) -> Int {
        var end = size
        var chunk = [UInt8](repeating: 0, count: 4096)
        while end > 0 {
            let start = max(0, end - chunk.count)
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, end - start, off_t(start)) }
            guard count == end - start else { throw failure("read") }
            if let newline = chunk[0..<count].lastIndex(of: UInt8(ascii: "\n")) { return start + newline + 1 }
            end = start
        }
        return 0
    }

    private func failure(_ operation: String) -> WorkspaceError {
        .io(path: path, operation: "\(operation) the ledger log", reason: String(cString: strerror(errno)))
    }

    /// A cell as it was before ``CSVWriter`` guarded it against spreadsheet formulas (a name
    /// such as `-2023.csv` is written `'-2023.csv`).
    static func plain(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.unicodeScalars.dropFirst().first,
            "=+-@\t\r".unicodeScalars.contains(next)
        else { return cell }
        return String(cell.dropFirst())
    }
}
