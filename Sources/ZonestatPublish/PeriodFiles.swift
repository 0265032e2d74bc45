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

    /// Every file of the folder for `context.period` but the manifest.
    public static func files(_ context: ReportContext, bom: Bool = true) throws(PublishError) -> RenderedPeriod {
        let catalog = context.catalog
        let period = context.period
        let indicatorRows = context.periodIndicators
        // The big table is written straight to bytes, its two files at the same time; the
        // others go through PublishedTable.
        let (indicatorsJSON, indicatorsCSV) = try Concurrently.both(
            { () throws(PublishError) in try IndicatorsTable.json(indicatorRows, catalog: catalog) },
            { () throws(PublishError) in try IndicatorsTable.csv(indicatorRows, catalog: catalog, bom: bom) })
        let targets = try TargetsTable.table(context.targets, catalog: catalog)
        let roster = RosterTable.table(context.roster)
        let warnings = WarningsTable.table(context.warnings)
        var files: [String: [UInt8]] = [:]
        var rows: [String: Int] = [:]
        files["units.csv"] = try UnitsTable.csv(
            context.periodUnitBlocks, units: context.unitsById, catalog: catalog, bom: bom)
        rows["units.csv"] = context.periodUnitBlocks.reduce(0) { $0 + $1.count }
        files["indicators.csv"] = indicatorsCSV
        files["indicators.json"] = indicatorsJSON
        rows["indicators.csv"] = indicatorRows.count
        rows["indicators.json"] = indicatorRows.count
        for (name, table) in [("targets", targets), ("roster", roster)] {
            files[name + ".csv"] = table.csv(bom: bom)
            files[name + ".json"] = table.json()
            rows[name + ".csv"] = table.rows.count
            rows[name + ".json"] = table.rows.count
        }
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
        // One document for both reports: they say the same thing.
        let document = try ReportBuilder.document(context)
        files["report.md"] = Array(MarkdownReport.render(document).utf8)
        files["report.html"] = Array(HTMLReport.render(document).utf8)
        files[TablesWorkbook.file] = try TablesWorkbook.render(context, document: document)

        return RenderedPeriod(period: period, files: files, rows: rows)
    }
}
