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
    public static func files(_ context: ReportContext, bom: Bool = true) throws(PublishError) -> RenderedPeriod {
        // One document for both reports and the workbook's tables: they say the same thing.
        let document = try ReportBuilder.document(context)
        let (workbook, rest) = try Concurrently.both(
            { () throws(PublishError) in try TablesWorkbook.render(context, document: document) },
            { () throws(PublishError) in try otherFiles(context, document: document, bom: bom) })
        var files = rest.files
        files[TablesWorkbook.file] = workbook
        return RenderedPeriod(period: context.period, files: files, rows: rest.rows)
    }

    /// Every file but the workbook and the manifest, and the rows of each table.
    private static func otherFiles(
        _ context: ReportContext, document: ReportDocument, bom: Bool
    ) throws(PublishError) -> (files: [String: [UInt8]], rows: [String: Int]) {
        let catalog = context.catalog
        let indicatorRows = context.periodIndicators
        var files: [String: [UInt8]] = [:]
        var rows: [String: Int] = [:]
        files["units.csv"] = try UnitsTable.csv(
            context.periodUnitBlocks, units: context.unitsById, catalog: catalog, bom: bom)
        rows["units.csv"] = context.periodUnitBlocks.reduce(0) { $0 + $1.count }
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
        return (files, rows)
    }
}
