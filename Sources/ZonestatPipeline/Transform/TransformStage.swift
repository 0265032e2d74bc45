import Foundation
import GRDB
import Logging
import ZonestatCore

/// The transform stage: reads the current vintage of every fact, runs the compute core, and
/// stores the results (`out_*` tables) in one transaction — only for the periods whose inputs
/// changed since the last run, unless `full`.
public struct TransformStage: Sendable {
    public var config: PipelineConfig
    public var workspace: Workspace
    public var logger: Logger
    /// Threads for the compute core (0: one per core).
    public var threads: Int
    /// Whether the caller already holds the workspace lock (`zonestat rebuild`, which runs this stage under its own).
    var lockHeld = false

    public init(config: PipelineConfig, workspace: Workspace, logger: Logger, threads: Int = 0) {
        self.config = config
        self.workspace = workspace
        self.logger = logger
        self.threads = threads
    }

    /// What a transform run did.
    public struct Summary: Sendable, Hashable {
        /// The periods marked for recomputing (nil: everything): a changed month marks the later
        /// months of its year and of the next, which have no output until their data comes.
        public var recomputed: Set<Period>?
        /// The periods computed (those marked that have an output): what the operator is told.
        public var computed: Set<Period> = []
        public var indicatorRows = 0
        public var targetRows = 0
        public var rosterRows = 0
        public var warnings = 0
        public var seconds = 0.0
        public var full: Bool { recomputed == nil }

        public var line: String {
            let scope = full ? "all periods" : "\(computed.count) period(s) changed"
            return "transform: \(scope), \(indicatorRows) indicator rows, \(targetRows) target rows, "
                + "\(rosterRows) roster rows, \(warnings) consistency warning(s)"
        }
    }

    public func run(full: Bool = false) throws -> Summary {
        let started = Date()
        try workspace.prepare()
        let lock = lockHeld ? nil : try WorkspaceLock(path: workspace.lockFile)
        defer { lock?.release() }
        let warehouse = try Warehouse.open(checking: workspace)
        _ = try warehouse.registerIndicators(config.indicators)
        let state = try warehouse.transformState()
        let configFingerprint = TransformStage.fingerprint(config)
        // Only the units whose details differ from those recorded: the rest need no text, no comparison, no write.
        let unitChanges = try warehouse.read("compare unit details") { db in try Warehouse.unitDetailChanges(db) }
        let unitDetails = Dictionary(unitChanges.map { ($0.code, $0.details) }, uniquingKeysWith: { a, _ in a })
        let lastFile = try warehouse.lastFileId()
        var dirty: Set<Period>?
        if !full, let state, state.configFingerprint == configFingerprint {
            let changed = try warehouse.changedPeriods(since: state.lastFileId)
            let units = try warehouse.read("compare unit details") { db in
                try warehouse.periodsOfChangedUnits(db, changes: unitChanges)
            }
            dirty = changed.union(units)
        }
        var summary = Summary(recomputed: dirty)
        if let dirty, dirty.isEmpty, state?.lastFileId == lastFile {
            logger.info("nothing changed since the last transform")
            summary.seconds = Date().timeIntervalSince(started)
            return summary
        }
        // The keys of the blocks the dirty periods need (ComputeNeeds), every block in a full
        // run; the core reads their values a year and indicator at a time (memory: two years'
        // series, not every value).
        let source = try warehouse.computeSource(config: config, periods: dirty)
        let read = Date()
        let threadCount = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        let options = ComputeOptions(threads: threadCount, periods: dirty)
        var computed = Set<Period>()
        var storing = 0.0
        try warehouse.write("store transform results") { db in
            try Warehouse.clearResults(db, periods: dirty)
            // Period by period, so only one period's rows are in memory at a time.
            let reader = CurrentBlockReader(db, source: source)
            let unattached = try ComputeCore.compute(source.input, values: reader, options: options) { period, rows in
                try reader.check()
                computed.insert(period)
                summary.indicatorRows += rows.indicators.count
                summary.targetRows += rows.targets.count
                summary.rosterRows += rows.roster.count
                summary.warnings += rows.warnings.count
                let store = Date()
                try Warehouse.insertResults(db, rows, config: config)
                storing += Date().timeIntervalSince(store)
            }
            // A block that could not be read fails the run: nothing computed from the rest is kept.
            try reader.check()
            summary.warnings += unattached.count
            try Warehouse.bumpGenerations(db, periods: dirty.map { computed.union($0) } ?? computed, full: dirty == nil)
            try Warehouse.insertResults(db, ComputeResult(warnings: unattached), config: config)
            try Warehouse.storeTransformUnits(db, unitDetails)
            try Warehouse.storeTransformState(db, lastFileId: lastFile, units: "", config: configFingerprint)
        }
        summary.computed = computed
        summary.seconds = Date().timeIntervalSince(started)
        logger.info(
            "transform done",
            metadata: [
                "periods": "\(computed.count)", "rows": "\(summary.indicatorRows)",
                "read_s": "\(String(format: "%.2f", read.timeIntervalSince(started)))",
                "store_s": "\(String(format: "%.2f", storing))", "total_s": "\(String(format: "%.2f", summary.seconds))",
            ])
        return summary
    }
}

extension TransformStage {
    /// A fingerprint of what in the configuration the results depend on: when it changes, every
    /// stored result is recomputed.
    static func fingerprint(_ config: PipelineConfig) -> String {
        let indicators = config.indicators.map {
            "\($0.id)|\($0.name)|\($0.unit.label)|\($0.mergeJanFeb)|\($0.subsetOf ?? "")"
        }
        return SHA256.hexDigest(SHA256.digest(Array((config.zoneName + "\n" + indicators.joined(separator: "\n")).utf8)))
    }
}
