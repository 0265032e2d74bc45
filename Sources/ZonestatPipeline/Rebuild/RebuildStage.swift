import Foundation
import Logging
import ZonestatCore

/// `zonestat rebuild`: a new warehouse from the archive, after the old one was lost or damaged.
///
/// Replays `archive/ledger.csv` in ledger order under the original ledger ids, runs and times —
/// ingested files parsed again from their archived bytes, quarantined-like files recorded again
/// from their quarantine copy, duplicates recorded again — then recomputes every period and
/// republishes every folder, so `out/` is what the lost warehouse published (manifest run ids
/// and times aside). The damaged warehouse is never deleted: it is renamed
/// `warehouse.sqlite.damaged-<UTC time>`.
public struct RebuildStage: Sendable {
    public var config: PipelineConfig
    public var workspace: Workspace
    public var logger: Logger
    /// Threads for the compute core (0: one per core).
    public var threads = 0
    /// CSV with a byte-order mark, as `zonestat load --csv-bom`.
    public var csvBOM = true
    /// The clock that names the damaged warehouse (tests fix it).
    public var now: @Sendable () -> Date = { Date() }

    public init(config: PipelineConfig, workspace: Workspace, logger: Logger) {
        self.config = config
        self.workspace = workspace
        self.logger = logger
    }

    /// What a rebuild did.
    public struct Summary: Sendable, Hashable {
        /// Where the damaged warehouse was moved (nil: there was none).
        public var keptAs: String?
        public var ingested = 0
        public var quarantined = 0
        public var duplicates = 0
        public var transform = TransformStage.Summary()
        public var load = LoadStage.Summary()
        public var seconds = 0.0

        public var line: String {
            "rebuild: \(ingested) file(s) re-ingested, \(quarantined) quarantined and \(duplicates) duplicate(s) recorded "
                + "again from archive/ledger.csv"
                + (keptAs.map { "; the damaged warehouse is kept as \($0)" } ?? "")
        }
    }

    public func run() throws -> Summary {
        let started = Date()
        try workspace.prepare()
        let lock = try WorkspaceLock(path: workspace.lockFile)
        defer { lock.release() }
        let log = LedgerLog(workspace: workspace)
        guard log.exists else { throw RebuildError.noLedgerLog(path: log.path) }
        let logLines = try log.lines()
        let lines = LedgerLog.latest(logLines)
        // When each later status (resolved, dismissed) was recorded: its line's time.
        var settledAt: [Int64: String] = [:], seen = Set<Int64>()
        for line in logLines {
            if !seen.insert(line.id).inserted { settledAt[line.id] = line.recordedAt }
        }
        // Every ingested file must be there before anything is moved.
        var sources: [Int64: String] = [:]
        for line in lines where line.status == "ingested" {
            sources[line.id] = try archivedCopy(line)
        }
        var summary = Summary()
        summary.keptAs = try moveDamagedWarehouseAside()
        let warehouse = try Warehouse(path: workspace.warehouse)
        let indicatorIds = try warehouse.registerIndicators(config.indicators)
        let parser = FileParser(config: config), root = workspace.root, archived = sources
        let parallel = config.parallelFiles > 0 ? config.parallelFiles : ProcessInfo.processInfo.activeProcessorCount
        // Read and parsed in the background while earlier files are written, as extract does.
        let loading = LoadAhead(count: lines.count, parallel: parallel, ahead: parallel) { index in
            RebuildStage.load(lines[index], source: archived[lines[index].id], root: root, parser: parser)
        }
        defer { loading.cancel() }
        for (index, line) in lines.enumerated() {
            switch loading.take(index) {
            case .unreadable(let error):
                throw error
            case .archived(let source, let found, let parsed):
                guard found == line.sha256 else {
                    throw RebuildError.contentChanged(path: source, expected: line.sha256, found: found)
                }
                if let error = parsed.errors.first {
                    throw RebuildError.rejectedOnReplay(fileName: line.fileName, problem: "\(error)")
                }
                _ = try warehouse.ingest(
                    parsed, entry: line.entry, indicatorIds: indicatorIds, config: config,
                    bytes: { try? FileOperations.read(source) }
                ) {}
                summary.ingested += 1
            case .quarantined(var parsed?, let bytes):
                // A file held for revision conflicts reads without errors on its own: its
                // conflicts are found again against the warehouse as replayed so far, which is
                // the warehouse it was held against.
                if !parsed.isRejected {
                    let conflicts = try warehouse.revisionConflicts(parsed, indicatorIds: indicatorIds, config: config)
                    parsed.problems += RevisionConflictReport.problems(conflicts, parsed: parsed, bytes: bytes, config: config)
                }
                try warehouse.recordQuarantine(line.entry, parsed: parsed)
                summary.quarantined += 1
            case .quarantined(nil, _), .logged:
                // A duplicate, or a quarantined file the analyst has since deleted: its ledger row only.
                try warehouse.recordLedger(line.entry)
                if line.isQuarantineLike { summary.quarantined += 1 } else { summary.duplicates += 1 }
            }
        }
        try warehouse.restoreSettlements(settledAt: settledAt)
        // The history of published figures is in out/ alone (changes.csv): taken back, so that
        // the republished folders say what moved as they did.
        try warehouse.importPublishedChanges(PublishedChanges.read(outRoot: workspace.out))
        logger.info("replayed the ledger log", metadata: ["files": "\(lines.count)"])
        var transform = TransformStage(config: config, workspace: workspace, logger: logger, threads: threads)
        transform.lockHeld = true
        summary.transform = try transform.run(full: true)
        var load = LoadStage(config: config, workspace: workspace, logger: logger)
        load.lockHeld = true
        load.force = true
        load.csvBOM = csvBOM
        summary.load = try load.run()
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The archived copy of an ingested file: where the ledger says, or else any file in its
    /// `archive/<sha256>/` folder (every file there has that content).
    private func archivedCopy(_ line: LedgerLog.Line) throws(RebuildError) -> String {
        let recorded = workspace.root + "/" + line.storedAs
        if FileOperations.exists(recorded) { return recorded }
        let folder = workspace.archive + "/" + line.sha256
        if let name = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().first {
            return folder + "/" + name
        }
        throw .archivedFileMissing(ledgerId: line.id, fileName: line.fileName, path: recorded)
    }

    /// What replaying one line needs, read and parsed ahead.
    enum Replay: Sendable {
        /// An ingested file's archived copy: where it was read, its SHA-256 and what it holds.
        case archived(source: String, sha256: String, parsed: ParsedFile)
        case unreadable(WorkspaceError)
        /// A quarantined-like file, parsed from its copy in quarantine/ when that is still there
        /// with the recorded content (and its bytes, to quote cells as written).
        case quarantined(ParsedFile?, [UInt8])
        /// Only its ledger row (a duplicate).
        case logged
    }

    static func load(_ line: LedgerLog.Line, source: String?, root: String, parser: FileParser) -> Replay {
        if let source {
            do throws(WorkspaceError) {
                let bytes = try FileOperations.read(source)
                return .archived(
                    source: source, sha256: SHA256.hexDigest(SHA256.digest(bytes)), parsed: parser.parse(bytes, name: line.fileName))
            } catch {
                return .unreadable(error)
            }
        }
        guard line.isQuarantineLike else { return .logged }
        guard let bytes = try? FileOperations.read(root + "/" + line.storedAs),
            SHA256.hexDigest(SHA256.digest(bytes)) == line.sha256
        else { return .quarantined(nil, []) }
        return .quarantined(parser.parse(bytes, name: line.fileName), bytes)
    }

    /// Renames the warehouse (and SQLite's `-wal` and `-shm` files beside it) to
    /// `warehouse.sqlite.damaged-<UTC time>`; returns that path, or nil when there was none.
    private func moveDamagedWarehouseAside() throws(WorkspaceError) -> String? {
        guard FileOperations.exists(workspace.warehouse) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let target = workspace.warehouse + ".damaged-" + formatter.string(from: now())
        for suffix in ["-wal", "-shm", ""] where FileOperations.exists(workspace.warehouse + suffix) {
            try FileOperations.move(workspace.warehouse + suffix, to: target + suffix)
        }
        return target
    }
}
