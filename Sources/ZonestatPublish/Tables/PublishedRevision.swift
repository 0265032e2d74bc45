import ZonestatCore

/// A value that was superseded by a correction: what it was, what it is now, and which files
/// and lines said each (outputs.md, `revisions.csv`).
public struct PublishedRevision: Sendable, Hashable {
    public var period: Period
    public var creditCode: String
    public var unitName: String
    /// Indicator id.
    public var indicator: String
    public var basis: Basis
    public var old: Amount
    public var new: Amount
    public var oldFile: String
    public var oldLine: Int
    public var newFile: String
    public var newLine: Int
    /// The extract run that ingested the new value.
    public var runId: String

    public init(
        period: Period, creditCode: String, unitName: String, indicator: String, basis: Basis, old: Amount, new: Amount,
        oldFile: String, oldLine: Int, newFile: String, newLine: Int, runId: String
    ) {
        self.period = period
        self.creditCode = creditCode
        self.unitName = unitName
        self.indicator = indicator
        self.basis = basis
        self.old = old
        self.new = new
        self.oldFile = oldFile
        self.oldLine = oldLine
        self.newFile = newFile
        self.newLine = newLine
        self.runId = runId
    }
}

/// `revisions.csv` / `revisions.json`: every superseded value of a period (or of all periods,
/// `out/revisions.csv`), amounts in the indicator's published unit as indicators.csv writes them.
public enum RevisionsTable {
    /// The columns, in order.
    public static let columns = [
        "period", "credit_code", "unit_name", "indicator", "basis", "old_value", "new_value", "unit", "old_file",
        "old_line", "new_file", "new_line", "run_id",
    ]

    /// The table of `revisions`, in the order given (the warehouse's: period, then the order the
    /// corrections were ingested in, then unit, indicator and basis).
    public static func table(_ revisions: [PublishedRevision], catalog: IndicatorCatalog) -> PublishedTable {
        PublishedTable(
            columns: columns,
            rows: revisions.map { revision in
                let unit = catalog.definition(revision.indicator)?.unit ?? .tenThousandYuan
                return [
                    .text(revision.period.description), .text(revision.creditCode), .text(revision.unitName),
                    .text(revision.indicator), .text(revision.basis.id), .number(revision.old.decimalString(in: unit)),
                    .number(revision.new.decimalString(in: unit)), .text(unit.label), .text(revision.oldFile),
                    .integer(revision.oldLine), .text(revision.newFile), .integer(revision.newLine), .text(revision.runId),
                ]
            })
    }
}
