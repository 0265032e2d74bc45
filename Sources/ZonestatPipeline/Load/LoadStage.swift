import Foundation
import Logging
import ZonestatCore
import ZonestatPublish

/// The load stage: publishes what outputs.md describes — for every period with results, its
/// tables (CSV, JSON), warnings, the written report, the HTML report and the manifest; and
/// `series.csv` — all at once, atomically, `latest` pointing at the newest period.
public struct LoadStage: Sendable {
    public var config: PipelineConfig
    public var workspace: Workspace
    public var logger: Logger
    /// CSV with a byte-order mark (Excel on Chinese Windows); false for plain UTF-8.
    public var csvBOM = true
    /// Tests simulate a crash between two publication steps here.
    public var publishHook: (@Sendable (PublishStep) throws -> Void)?
    /// The run id written into manifests.
    public var runId: String
    /// Republish every period, even those already published from the same results.
    public var force = false
    /// Whether the caller already holds the workspace lock (`zonestat rebuild`, which runs this stage under its own).
    var lockHeld = false

    public init(config: PipelineConfig, workspace: Workspace, logger: Logger, runId: String? = nil) {
        self.config = config
        self.workspace = workspace
        self.logger = logger
        self.runId = runId ?? ExtractStage.runId(Date())
    }

    /// What a load run published.
    public struct Summary: Sendable, Hashable {
        /// The period folders (re)published by this run.
        public var periods: [Period] = []
        /// Period folders already published from the same results, left as they are.
        public var unchanged = 0
        public var files = 0
        /// The newest period's folder and its headline (the report's first sentence).
        public var latestFolder: String?
        public var headline: String?
        public var seconds = 0.0

        public var line: String {
            "load: \(periods.count) period folder(s) and \(files) file(s) published, \(unchanged) unchanged"
                + (latestFolder.map { ", latest → \($0)" } ?? "")
        }
    }

    public func run() throws -> Summary {
        let started = Date()
        let startedText = ISO8601DateFormatter().string(from: started)
        try workspace.prepare()
        let lock = lockHeld ? nil : try WorkspaceLock(path: workspace.lockFile)
        defer { lock?.release() }
        let warehouse = try Warehouse.open(checking: workspace)
        let periods = try warehouse.resultPeriods()
        let files = try warehouse.ledgerFiles()
        let extractWarnings = try warehouse.extractWarnings()
        let definitions = config.indicators.map(\.definition)
        var summary = Summary()
        // Finish or undo what an interrupted publication left, before deciding what is current.
        try FileManager.default.createDirectory(atPath: workspace.out, withIntermediateDirectories: true)
        let publisher = Publisher(outRoot: workspace.out, runID: runId, hook: publishHook)
        try publisher.recover()
        var committed = false
        // A failed run's generation goes with it (a full disk must not stay full for the rerun).
        defer { if !committed { publisher.abort() } }
        var staged: [String] = []
        let generations = try warehouse.resultGenerations()
        let published = try warehouse.loadFingerprints()
        let quarantined = files.filter { $0.status == "quarantined" }.map(\.sha256)
        var fingerprints: [String: String] = [:]
        var changed: [Period] = []
        for period in periods {
            // What this folder is rendered from: its year's results up to it, last year's (the
            // charts' comparison line), the files its manifest lists, the quarantined files the
            // newest period's warnings list, and the settings. (A new month leaves the folder that
            // was newest as it is, unless quarantined files' warnings move from it.)
            let sources = generations.filter { key, _ in
                (key.year == period.year && key <= period) || key.year == period.year - 1
            }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let inputs = files.filter { $0.periods.contains(period) || $0.status == "quarantined" }.map(\.sha256)
            let newest = period == periods.last && !quarantined.isEmpty ? "newest" : ""
            let fingerprint = sources.joined(separator: ",") + "|"
                + SHA256.hexDigest(SHA256.digest(Array(inputs.joined(separator: ",").utf8))) + "|\(newest)"
                + "|\(csvBOM)|\(config.source?.sha256 ?? "")|\(ZonestatVersion.current)"
            fingerprints[period.description] = fingerprint
            let complete = FileManager.default.fileExists(atPath: workspace.out + "/\(period)/manifest.json")
            if !force, complete, published[period.description] == fingerprint { continue }
            changed.append(period)
        }
        let seriesMissing = !FileManager.default.fileExists(atPath: workspace.out + "/series.csv")
        // The zone series of the periods left as they are; a re-rendered period's zone rows come
        // with its result, read below (each folder's charts need only earlier periods).
        var zoneSeries: [IndicatorRow] = []
        if !changed.isEmpty || seriesMissing {
            zoneSeries = try warehouse.storedZoneSeries(periods: Set(periods).subtracting(changed), config: config)
        }
        let stager = FolderStager(publisher: publisher)
        defer { stager.drain() }
        let catalog = IndicatorCatalog(definitions)
        var publications: [(period: Period, figures: [PublishedFigure], changes: [PublishedChange])] = []
        // One dictionary of the units, by id (a nation has 500 k): the report looks up the few
        // it names by credit code from it.
        let unitsById = changed.isEmpty ? [:] : try warehouse.unitInfos()
        let keyUnits = Dictionary(config.indicators.map { ($0.id, $0.keyUnits) }, uniquingKeysWith: { first, _ in first })
        for period in changed {
            let result = try warehouse.storedResult(periods: [period], config: config)
            LoadStage.merge(result.indicators.filter { $0.scope == .zone }, into: &zoneSeries)
            var warnings = extractWarnings.filter { $0.periods.contains(period) }.map { PublishedWarning(extract: $0.problem) }
            warnings += result.warnings.map(PublishedWarning.init)
            if period == periods.last {
                warnings += files.filter { $0.status == "quarantined" }.map { file in
                    PublishedWarning(
                        source: .extract, file: file.name, code: "quarantined_file", period: nil,
                        message: file.conflicts > 0 && file.conflicts == file.errors
                            ? "与已入库的数据有\(file.conflicts)处不一致，整个文件暂未入库，本期数据不含该文件：若是更正，"
                                + "请在文件名中加“更正”后重新放入收件箱；否则请按\(file.storedAs).errors.csv核对改正 / held: "
                                + "\(file.conflicts) value(s) differ from those held — rename it with 更正 if it is a correction"
                            : "文件被拒收，有\(file.errors)处错误，其数据均未计入本期：请查看\(file.storedAs).errors.csv，"
                                + "改正后重新放入收件箱 / rejected with \(file.errors) error(s): nothing of it is in these "
                                + "figures — read \(file.storedAs).errors.csv, fix the file and drop it into the inbox again")
                }
            }
            let series = zoneSeries.filter {
                ($0.period.year == period.year && $0.period <= period) || $0.period.year == period.year - 1
            }
            var context = ReportContext(
                zoneName: config.zoneName, period: period, indicators: definitions, result: result, series: series,
                warnings: warnings)
            // What moved since the period was last published, and the corrections behind it.
            let figures = PublishedFigure.figures(result.indicators.filter { $0.period == period }, catalog: catalog)
            var moved: [PublishedChange] = []
            if let previous = try warehouse.publishedFigures(period) {
                moved = PublishedChange.between(previous.figures, figures, publishedBefore: previous.runId, publishedNow: runId)
            }
            publications.append((period, figures, moved))
            context.changes = try warehouse.publishedChanges(period) + moved
            context.revisions = try warehouse.revisions(period: period, config: config)
            context.revisingFiles = try warehouse.revisingFiles(for: period)
            context.unitsById = unitsById
            context.keyUnits = keyUnits
            // A zone's first year: no last year to compare with (no new units, growth or breadth).
            context.hasPreviousYear = zoneSeries.contains { $0.period.year == period.year - 1 }
            let inputs = files.filter { $0.periods.contains(period) || $0.status == "quarantined" }.map { file in
                ManifestInput(
                    name: file.name, sha256: file.sha256, encoding: file.encoding, kind: file.kind, rows: file.rows,
                    periods: file.periods, status: file.status == "quarantined" ? .quarantined : .accepted)
            }
            let manifest = Manifest(
                runID: runId, startedAt: startedText, finishedAt: ISO8601DateFormatter().string(from: Date()),
                softwareVersion: ZonestatVersion.current, pipelineFile: config.source.map { ($0.path as NSString).lastPathComponent } ?? "",
                pipelineSHA256: config.source?.sha256 ?? "", period: period, inputs: inputs, outputs: [])
            if staged.isEmpty { try publisher.begin() }
            // units.csv and the workbook are written straight into their staged files; the
            // other files are staged in the background while the next period is read and rendered.
            let rendered = try PeriodFiles.files(context, bom: csvBOM, staging: publisher)
            try stager.stage(rendered, manifest: manifest)
            staged.append(period.description)
            summary.files += rendered.fileCount
            if period == periods.last {
                summary.headline = LoadStage.headline(rendered.files["report.md"] ?? [])
            }
        }
        try stager.finish()
        let revisionsMissing = !FileManager.default.fileExists(atPath: workspace.out + "/revisions.csv")
        if !staged.isEmpty || seriesMissing || revisionsMissing {
            if staged.isEmpty { try publisher.begin() }
            let series = try SeriesTable.table(zoneSeries, catalog: catalog).csv(bom: csvBOM)
            let revisions = RevisionsTable.table(try warehouse.revisions(config: config), catalog: catalog).csv(bom: csvBOM)
            summary.files += 2
            let report = try publisher.commit(folders: staged, topLevelFiles: ["series.csv": series, "revisions.csv": revisions])
            committed = true
            logForeign(report)
        }
        try warehouse.recordPublication(publications, runId: runId)
        try warehouse.storeLoadFingerprints(fingerprints)
        summary.periods = staged.compactMap { Warehouse.period($0) }
        summary.unchanged = periods.count - summary.periods.count
        if summary.headline == nil, let newest = periods.last {
            let report = (try? Data(contentsOf: URL(fileURLWithPath: workspace.out + "/\(newest)/report.md"))) ?? Data()
            summary.headline = LoadStage.headline([UInt8](report))
        }
        summary.latestFolder = periods.last.map { workspace.out + "/" + $0.description }
        summary.seconds = Date().timeIntervalSince(started)
        logger.info("published", metadata: ["periods": "\(periods.count)", "files": "\(summary.files)"])
        return summary
    }

    /// Files in out/ that are not zonestat's: kept (or moved aside), never deleted, and said.
    func logForeign(_ report: PublicationReport) {
        for file in report.keptForeign.sorted() {
            logger.warning("not written by zonestat: kept in the new publication", metadata: ["file": "out/\(file)"])
        }
        for (name, aside) in report.movedAside.sorted(by: { $0.key < $1.key }) {
            logger.warning("not written by zonestat: moved aside", metadata: ["file": "out/\(name)", "now": "out/\(aside)"])
        }
    }

    /// `rows` (one period's zone rows, in position order) put among `series` (by period, then
    /// position), where ``Warehouse/storedZoneSeries(config:)`` would have them.
    static func merge(_ rows: [IndicatorRow], into series: inout [IndicatorRow]) {
        guard let period = rows.first?.period else { return }
        let at = series.firstIndex { $0.period > period } ?? series.endIndex
        series.insert(contentsOf: rows, at: at)
    }

    /// The report's opening sentence: its first paragraph that states the figures.
    static func headline(_ report: [UInt8]) -> String? {
        String(decoding: report, as: UTF8.self).split(separator: "\n")
            .first { $0.contains("月份") && $0.contains("同比") }.map(String.init)
    }
}

/// The software version, written into manifests.
public enum ZonestatVersion {
    public static let current = "0.3.0"
}

extension PublishedWarning {
    /// An extract warning as the warnings list shows it.
    init(extract problem: Problem) {
        self.init(
            source: .extract, file: problem.file, line: problem.line, column: problem.column, value: problem.value,
            code: problem.code.rawValue, period: problem.period.flatMap(Period.init(key:)), indicator: nil, scope: nil,
            message: problem.message, creditCode: problem.creditCode, unitName: problem.unitName)
    }
}
