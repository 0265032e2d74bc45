import Foundation
import ZonestatCore

/// Reads an inbox file: its bytes, and its size and modification time (nanoseconds) when opened.
typealias FileReader = @Sendable (InboxFile) throws(WorkspaceError) -> (bytes: [UInt8], size: Int, modified: Int)

/// One file's failure is that file's problem: a file that cannot be read, a name that is not
/// UTF-8, a file that changes while it is read or that cannot be moved out of the inbox is
/// quarantined or left in the inbox with the reason, and the rest of the inbox is taken.
extension ExtractStage {
    /// Reads, hashes and parses one file (in the background, while earlier files are written),
    /// noting whether it stayed the same — size and modification time as the scan saw them,
    /// when it was opened and after it was read — and adding the problems of its inbox entry.
    static func load(_ file: InboxFile, parser: FileParser, read readFile: FileReader) -> Result<LoadedFile, WorkspaceError> {
        do throws(WorkspaceError) {
            let read = try readFile(file)
            let after = FileOperations.status(of: file.rawPath)
            let unchanged =
                read.bytes.count == read.size && read.size == file.size && read.modified == file.stamp
                && after.size == read.size && after.nanoseconds == read.modified
            guard unchanged else { return .success(LoadedFile(bytes: read.bytes.count, sha256: "", parsed: nil, unchanged: false)) }
            let hash = SHA256.hexDigest(SHA256.digest(read.bytes))
            var parsed = parser.parse(read.bytes, name: file.name)
            parsed.problems.insert(contentsOf: entryProblems(file), at: 0)
            return .success(LoadedFile(bytes: read.bytes.count, sha256: hash, parsed: parsed, unchanged: true))
        } catch {
            return .failure(error)
        }
    }

    /// Takes one file, or sets it aside: a file that cannot be read is quarantined with the
    /// system's reason; one that changed while read, or cannot be moved, is left in the inbox
    /// and listed with the reason (nil). Failures of the workspace itself (the warehouse, the
    /// quarantine folder) still throw: they stop the run with exit code 4.
    func takeOrSetAside(
        _ file: InboxFile, loaded: Result<LoadedFile, WorkspaceError>, warehouse: Warehouse,
        indicatorIds: [String: Int64], runId: String, summary: inout ExtractSummary
    ) throws -> FileResult? {
        let taken: LoadedFile
        switch loaded {
        case .success(let loaded) where !loaded.unchanged:
            leave(file, .changedWhileRead, detail: nil, summary: &summary)
            return nil
        case .success(let loaded):
            taken = loaded
        case .failure(let error):
            var parsed = ParsedFile(name: file.name)
            parsed.problems = [
                Problem(
                    file: file.name, code: .unreadableFile,
                    message: "无法读取此文件(\(error.reason))— cannot read the file: give the account that runs "
                        + "zonestat permission to read it (or save it again), then drop it into the inbox again")
            ]
            taken = LoadedFile(bytes: file.size, sha256: "", parsed: parsed, unchanged: true)
        }
        do {
            return try take(file, loaded: taken, warehouse: warehouse, indicatorIds: indicatorIds, runId: runId)
        } catch let error as WorkspaceError where error.path == file.path {
            if case .changed = error {
                leave(file, .changedWhileRead, detail: nil, summary: &summary)
            } else {
                leave(file, .cannotMove, detail: error.reason, summary: &summary)
            }
            return nil
        }
    }

    /// Throws `.changed` when the file's size or modification time is no longer what was read.
    static func checkUnchanged(_ file: InboxFile, bytes: Int) throws(WorkspaceError) {
        let now = FileOperations.status(of: file.rawPath)
        guard now.kind == .file, now.size == bytes, now.nanoseconds == file.stamp else {
            throw .changed(path: file.path)
        }
    }

    /// Removes what crashed runs' writes left in quarantine/ and archive/.
    func removeLeftovers() throws(WorkspaceError) {
        for folder in [workspace.quarantine, workspace.archive] {
            for name in try FileOperations.removeLeftovers(in: folder) {
                logger.notice(
                    "removed an interrupted run's temporary file",
                    metadata: ["file": "\(EscapedText.escaping(workspace.relative(folder + "/" + name)))"])
            }
        }
    }

    private func leave(_ file: InboxFile, _ reason: SkipReason, detail: String?, summary: inout ExtractSummary) {
        summary.skipped[file.name] = reason
        if let detail { summary.details[file.name] = detail }
        logger.warning(
            "left in the inbox",
            metadata: ["file": "\(EscapedText.escaping(file.name))", "reason": "\(detail ?? reason.rawValue)"])
    }

    /// The problems of the entry itself: a name that is not UTF-8 (an error: the file is
    /// quarantined under its escaped name), a date in the future (a warning).
    private static func entryProblems(_ file: InboxFile) -> [Problem] {
        var problems: [Problem] = []
        if !file.nameIsUTF8 {
            problems.append(
                Problem(
                    file: file.name, value: file.name, code: .badFileName,
                    message: "文件名不是 UTF-8 编码(常见于解压 GBK 文件名)— the file name is not UTF-8 (as unzip "
                        + "leaves a GBK name): rename the file and drop it into the inbox again"))
        }
        if file.futureDated {
            let formatter = ISO8601DateFormatter()
            problems.append(
                Problem(
                    file: file.name, value: formatter.string(from: file.modified), code: .futureDated,
                    message: "文件修改时间晚于当前时间 — the file is dated in the future: check the clock of the "
                        + "computer that saved it (taken anyway, as it did not change while it was read)"))
        }
        return problems
    }
}

extension WorkspaceError {
    /// The path the failure is about.
    public var path: String {
        switch self {
        case .io(let path, _, _), .locked(let path), .changed(let path): path
        case .inconsistent(let inconsistency): inconsistency.warehouse
        }
    }

    /// The system's reason, or what went wrong.
    public var reason: String {
        switch self {
        case .io(_, let operation, let reason): "cannot \(operation): \(reason)"
        case .locked: "another run holds the workspace lock"
        case .changed: "it changed while it was read"
        case .inconsistent(let inconsistency): inconsistency.description
        }
    }
}
