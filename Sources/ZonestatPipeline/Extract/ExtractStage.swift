import Dispatch
import Foundation
import Logging
import ZonestatCore

/// The extract stage: takes every complete inbox file into the warehouse exactly once, and sets
/// aside every file that cannot be read with a report of all its problems.
public struct ExtractStage: Sendable {
    public var config: PipelineConfig
    public var workspace: Workspace
    public var logger: Logger
    /// Tests simulate crashes here; nil in production.
    public var crashHook: CrashHook?
    /// The clock for the settle time (tests move it).
    public var now: @Sendable () -> Date = { Date() }
    /// The run id recorded in the ledger (tests fix it; by default the start time and process id).
    public var runId: String?
    /// Reads an inbox file (tests that run as root, where permissions do not stop a read, make
    /// it fail here).
    var readFile: FileReader = { file throws(WorkspaceError) in try FileOperations.read(raw: file.rawPath, shown: file.path) }
    /// Called after each file, for a progress display.
    public var progress: (@Sendable (FileResult, _ done: Int, _ total: Int) -> Void)?

    public init(config: PipelineConfig, workspace: Workspace, logger: Logger, crashHook: CrashHook? = nil) {
        self.config = config
        self.workspace = workspace
        self.logger = logger
        self.crashHook = crashHook
    }

    /// Runs the stage over the inbox.
    public func run() throws -> ExtractSummary {
        let started = Date()
        try workspace.prepare()
        let lock = try WorkspaceLock(path: workspace.lockFile)
        defer { lock.release() }
        try removeLeftovers()
        let warehouse = try Warehouse.open(checking: workspace)
        let indicatorIds = try warehouse.registerIndicators(config.indicators)
        let log = LedgerLog(workspace: workspace)
        var logged = try warehouse.catchUp(log)
        try warehouse.catchUpStatuses(log)
        let scan = try InboxScanner(settleSeconds: config.settleSeconds, now: now()).scan(workspace.inbox)
        var summary = ExtractSummary()
        for (name, reason) in scan.skipped {
            summary.skipped[name] = reason
            logger.info("left in the inbox", metadata: ["file": "\(EscapedText.escaping(name))", "reason": "\(reason.rawValue)"])
        }
        let runId = self.runId ?? ExtractStage.runId(started)
        let files = scan.ready, readFile = self.readFile
        // One file (the night's new month), or files of a nation's size: one at a time, a large
        // one read as parts on the cores. (Several parsed ahead of the writer held 1 GiB at nation.)
        let large = files.contains { $0.size >= FileParser.largeFileBytes }
        let parallel =
            large ? 1 : config.parallelFiles > 0 ? config.parallelFiles : ProcessInfo.processInfo.activeProcessorCount
        let parser = FileParser(config: config, splitBytes: files.count == 1 || large ? FileParser.splitThreshold : .max)
        let loading = LoadAhead(count: files.count, parallel: parallel, ahead: parallel) { index in
            ExtractStage.load(files[index], parser: parser, read: readFile)
        }
        defer { loading.cancel() }
        for (index, file) in files.enumerated() {
            guard
                let result = try takeOrSetAside(
                    file, loaded: loading.take(index), warehouse: warehouse, indicatorIds: indicatorIds, runId: runId,
                    summary: &summary)
            else { continue }
            logged = try warehouse.catchUp(log, logged: logged)
            summary.results.append(result)
            progress?(result, summary.results.count, files.count)
        }
        summary.settled = try warehouse.settleQuarantine { storedAs, name in
            FileOperations.exists(workspace.root + "/" + storedAs) || FileOperations.exists(workspace.inbox + "/" + name)
        }
        if !summary.settled.isEmpty { try warehouse.catchUpStatuses(log) }
        for settled in summary.settled {
            logger.info(
                "a quarantined file's notice ended",
                metadata: ["file": "\(settled.fileName)", "outcome": "\(settled.outcome.rawValue)", "by": "\(settled.by ?? "")"])
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// A file read and hashed, and parsed unless the ledger already holds its content.
    struct LoadedFile: Sendable {
        var bytes: Int
        var sha256: String
        var parsed: ParsedFile?
        /// False when its size or modification time changed while it was read (not taken).
        var unchanged = true
    }

    /// Takes one file: duplicate, repair, ingest or quarantine, in the crash-safe order.
    func take(
        _ file: InboxFile, loaded: LoadedFile, warehouse: Warehouse, indicatorIds: [String: Int64], runId: String
    ) throws -> FileResult {
        let hook: (CrashPoint) throws -> Void = { point in try crashHook?(point, file.name) }
        let archived = "archive/\(loaded.sha256)/\(file.name)"
        var entry = LedgerEntry(
            sha256: loaded.sha256, fileName: file.name, size: loaded.bytes,
            modifiedAt: ISO8601DateFormatter().string(from: file.modified), status: "ingested", storedAs: archived,
            runId: runId, recordedAt: ISO8601DateFormatter().string(from: Date()))
        var result = FileResult(
            name: file.name, sha256: loaded.sha256, bytes: loaded.bytes, rows: 0, outcome: .repaired,
            storedAs: archived, problems: [])
        if let known = try warehouse.ingestedEntry(sha256: loaded.sha256) {
            // Stored before: either a crash stopped the move (repair) or the analyst dropped it again.
            if known.fileName == file.name, !FileOperations.exists(workspace.root + "/" + known.storedAs) {
                try FileOperations.move(raw: file.rawPath, shown: file.path, to: workspace.root + "/" + known.storedAs)
                result.storedAs = known.storedAs
                logger.notice("repaired an interrupted run: archived", metadata: ["file": "\(file.name)"])
                return result
            }
            entry.status = "duplicate"
            // A row whose move a crash stopped is not recorded twice.
            let interrupted = try warehouse.duplicateEntry(sha256: loaded.sha256, fileName: file.name)
            if interrupted.map({ FileOperations.exists(workspace.root + "/" + $0) }) ?? true { try warehouse.recordLedger(entry) }
            try FileOperations.move(raw: file.rawPath, shown: file.path, to: workspace.root + "/" + archived)
            result.outcome = .duplicate(original: known.fileName)
            logger.info("already ingested: archived, nothing stored", metadata: ["file": "\(file.name)", "original": "\(known.fileName)"])
            return result
        }
        guard let parsed = loaded.parsed else { return result }
        result.rows = parsed.rows
        result.footer = parsed.footer
        try hook(.afterParse)
        try ExtractStage.checkUnchanged(file, bytes: loaded.bytes)
        if parsed.isRejected {
            return try quarantine(file, parsed: parsed, entry: entry, warehouse: warehouse, result: result, hook: hook)
        }
        if let held = try heldForConflicts(file, parsed: parsed, warehouse: warehouse, indicatorIds: indicatorIds) {
            return try quarantine(file, parsed: held, entry: entry, warehouse: warehouse, result: result, hook: hook)
        }
        let path = file.path
        let stored = try warehouse.ingest(
            parsed, entry: entry, indicatorIds: indicatorIds, config: config, bytes: { try? FileOperations.read(path) }
        ) {
            try hook(.beforeCommit)
        }
        try hook(.afterCommit)
        try FileOperations.move(raw: file.rawPath, shown: file.path, to: workspace.root + "/" + archived)
        try hook(.afterMove)
        result.problems = parsed.warnings + stored.warnings
        result.outcome = .ingested(stored.counts, warnings: result.problems.count)
        logger.info(
            "ingested",
            metadata: [
                "file": "\(file.name)", "kind": "\(parsed.kind?.rawValue ?? "")", "encoding": "\(parsed.encoding)",
                "rows": "\(parsed.rows)", "new": "\(stored.counts.factsNew)", "revised": "\(stored.counts.factsRevised)",
            ])
        return result
    }

    /// The file with a `revision_conflict` error per value it would change, when it may not
    /// change held values (it is no correction: ``CorrectionPolicy``) and does; nil otherwise.
    private func heldForConflicts(
        _ file: InboxFile, parsed: ParsedFile, warehouse: Warehouse, indicatorIds: [String: Int64]
    ) throws -> ParsedFile? {
        guard !config.corrections.acceptsRevisions(from: file.name) else { return nil }
        let conflicts = try warehouse.revisionConflicts(parsed, indicatorIds: indicatorIds, config: config)
        guard !conflicts.isEmpty else { return nil }
        var held = parsed
        // Read again only to quote the cells as written; the message holds the values either way.
        let bytes = (try? FileOperations.read(file.path)) ?? []
        held.problems += RevisionConflictReport.problems(conflicts, parsed: parsed, bytes: bytes, config: config)
        logger.warning(
            "held: it would change values already held and is no correction",
            metadata: ["file": "\(file.name)", "conflicts": "\(conflicts.count)"])
        return held
    }

    private func quarantine(
        _ file: InboxFile, parsed: ParsedFile, entry: LedgerEntry, warehouse: Warehouse, result: FileResult,
        hook: (CrashPoint) throws -> Void
    ) throws -> FileResult {
        var result = result
        var entry = entry
        let target: String
        if let interrupted = try warehouse.quarantinedEntry(sha256: entry.sha256, fileName: file.name),
            !FileOperations.exists(workspace.root + "/" + interrupted)
        {
            target = interrupted
        } else {
            target = "quarantine/" + quarantineName(file.name, sha256: entry.sha256)
            try FileOperations.writeAtomically(ErrorsReport.csv(parsed.problems), to: workspace.root + "/" + target + ".errors.csv")
            try hook(.afterErrorReport)
            entry.status = "quarantined"
            entry.storedAs = target
            try warehouse.recordQuarantine(entry, parsed: parsed)
            try hook(.afterQuarantineLedger)
        }
        try FileOperations.move(raw: file.rawPath, shown: file.path, to: workspace.root + "/" + target)
        try hook(.afterMove)
        result.storedAs = target
        result.problems = parsed.problems
        result.outcome = .quarantined(errors: parsed.errors.count, report: target + ".errors.csv")
        logger.warning(
            "quarantined", metadata: ["file": "\(file.name)", "errors": "\(parsed.errors.count)", "report": "\(target).errors.csv"])
        return result
    }

    /// The file's own name, unless quarantine already holds a different file by that name;
    /// shortened where `<name>.errors.csv` would be too long a name (``DerivedName``).
    private func quarantineName(_ name: String, sha256: String) -> String {
        let name = DerivedName.fitting(name, reserving: 13 + ".errors.csv".utf8.count)
        let plain = workspace.quarantine + "/" + name
        guard FileOperations.exists(plain) else { return name }
        if !sha256.isEmpty, let bytes = try? FileOperations.read(plain), SHA256.hexDigest(SHA256.digest(bytes)) == sha256 {
            return name
        }
        // A file that could not be read has no hash: its name's hash and the time tell it apart.
        let tag = sha256.isEmpty ? SHA256.hexDigest(SHA256.digest(Array((name + "\(Date())").utf8))) : sha256
        return String(tag.prefix(12)) + "-" + name
    }

    static func runId(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date) + "-\(ProcessInfo.processInfo.processIdentifier)"
    }
}
