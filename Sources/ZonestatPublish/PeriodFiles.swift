import ZonestatCore

/// Renders every file of one period folder (outputs.md's layout) from the period's context:
/// the tables as CSV and JSON, the warnings, both reports and the manifest, whose outputs
/// list the hashes and row counts of the files rendered here.
public enum PeriodFiles {
    /// The folder for `context.period`. `manifest` supplies the run's details and inputs; its
    /// period and outputs are filled in here. `bom` is outputs.md's `--csv-bom`.
    public static func render(
        _ context: ReportContext, manifest: Manifest, bom: Bool = true
    ) throws(PublishError) -> PublishedFolder {
        try files(context, bom: bom).folder(manifest: manifest)
    }

    /// Every file of the folder for `context.period` but the manifest. The workbook (half of a
    /// province period's work: its unit sheet) is written on one thread, the rest on another.
    ///
    /// With `staging`, the large files (units.csv, tables.xlsx: a nation period's are hundreds
    /// of megabytes) are written straight into their staged files in the run's generation
    /// (``Publisher/begin()`` first), a chunk at a time, and only their hashes kept.
    public static func files(
        _ context: ReportContext, bom: Bool = true, staging: Publisher? = nil
    ) throws(PublishError) -> RenderedPeriod {
        // One document for both reports and the workbook's tables: they say the same thing.
        let document = try ReportBuilder.document(context)
        let folder = context.period.description
        if let staging {
            do { try staging.makeStagedFolder(folder) } catch { throw .output(file: folder, error) }
        }
        let (workbook, rest) = try Concurrently.both(
            { () throws(PublishError) in
                try LargeFile.write(TablesWorkbook.file, of: folder, staging: staging) { output throws(PublishError) in
                    try TablesWorkbook.write(context, document: document, into: output)
                }
            },
            { () throws(PublishError) in try otherFiles(context, document: document, bom: bom, staging: staging) })
        var rendered = RenderedPeriod(period: context.period, files: rest.files, rows: rest.rows)
        for (name, file) in [(TablesWorkbook.file, workbook), (UnitsTable.file, rest.units)] {
            switch file {
            case .bytes(let bytes): rendered.files[name] = bytes
            case .staged(let sha256): rendered.staged[name] = sha256
            }
        }
        return rendered
    }

    /// Every file but the workbook and the manifest, and the rows of each table.
    private static func otherFiles(
        _ context: ReportContext, document: ReportDocument, bom: Bool, staging: Publisher?
    ) throws(PublishError) -> (files: [String: [UInt8]], units: LargeFile, rows: [String: Int]) {
        let catalog = context.catalog
        let indicatorRows = context.periodIndicators
        var files: [String: [UInt8]] = [:]
        var rows: [String: Int] = [:]
        let blocks = context.periodUnitBlocks
        let units = try LargeFile.write(UnitsTable.file, of: context.period.description, staging: staging) {
            output throws(PublishError) in
            try UnitsTable.write(blocks, units: context.unitsById, catalog: catalog, bom: bom, into: output)
        }
        rows[UnitsTable.file] = blocks.reduce(0) { $0 + $1.count }
        // The zone, industry and area rows, written straight to bytes; the other tables go
        // through PublishedTable.
        files["indicators.csv"] = try IndicatorsTable.csv(indicatorRows, catalog: catalog, bom: bom)
        files["indicators.json"] = try IndicatorsTable.json(indicatorRows, catalog: catalog)
        rows["indicators.csv"] = indicatorRows.count
        rows["indicators.json"] = indicatorRows.count
        let targets = try TargetsTable.table(context.targets, catalog: catalog)
        for (name, table) in [("targets", targets), ("roster", RosterTable.table(context.roster))] {
            files[name + ".csv"] = table.csv(bom: bom)
            files[name + ".json"] = table.json()
            rows[name + ".csv"] = table.rows.count
            rows[name + ".json"] = table.rows.count
        }
        let warnings = WarningsTable.table(context.warnings)
        files["warnings.csv"] = warnings.csv(bom: bom)
        rows["warnings.csv"] = warnings.rows.count
        let revisions = RevisionsTable.table(context.revisions, catalog: catalog)
        files["revisions.csv"] = revisions.csv(bom: bom)
        files["revisions.json"] = revisions.json()
        rows["revisions.csv"] = revisions.rows.count
        rows["revisions.json"] = revisions.rows.count
        let changes = ChangesTable.table(context.changes)
        files["changes.csv"] = changes.csv(bom: bom)
        rows["changes.csv"] = changes.rows.count
        files["report.md"] = Array(MarkdownReport.render(document).utf8)
        files["report.html"] = Array(HTMLReport.render(document).utf8)
        return (files, units, rows)
    }
}

/// A large file of a period folder, rendered: its bytes, or the hash of its staged file.
enum LargeFile: Sendable {
    case bytes([UInt8])
    case staged(sha256: String)

    /// The file `name` of `folder` that `write` writes: into memory, or with `staging`
    /// straight into its staged file, then finished (synced, or linked to the published one).
    static func write(
        _ name: String, of folder: String, staging: Publisher?, _ write: (any FileOutput) throws(PublishError) -> Void
    ) throws(PublishError) -> LargeFile {
        guard let staging else {
            let output = MemoryOutput()
            try write(output)
            return .bytes(output.take())
        }
        let file: StagedFile
        do { file = try staging.stagedFile(name, in: folder) } catch { throw .output(file: name, error) }
        try write(file)
        do { return .staged(sha256: try file.finish()) } catch { throw .output(file: name, error) }
    }
}
