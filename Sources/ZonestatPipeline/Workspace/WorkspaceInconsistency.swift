/// What a workspace's archive/ and out/ hold that its warehouse does not know: a warehouse that
/// was deleted, emptied or replaced would otherwise be rebuilt silently from the next file alone
/// and publish from less than was ingested (outputs.md, "A warehouse is never rebuilt from less").
public struct WorkspaceInconsistency: Sendable, Hashable, CustomStringConvertible {
    /// The state of the warehouse file.
    public enum WarehouseState: Sendable, Hashable {
        case missing
        /// 0 bytes: SQLite would take it for a new, empty database.
        case empty
        /// A database that lacks some of what archive/ and out/ hold.
        case behind
    }

    /// The warehouse file's path.
    public var warehouse: String
    public var state: WarehouseState
    /// Ingested files `archive/ledger.csv` lists.
    public var loggedIngested: Int
    /// Of those, the files the warehouse does not hold as ingested.
    public var missingIngested: Int
    /// `archive/<sha256>/` folders, and those whose content the warehouse's ledger does not know.
    public var archivedFolders: Int
    public var unknownArchivedFolders: Int
    /// Published `out/<period>/` folders, and those of periods no ingested file of the warehouse has.
    public var publishedPeriods: Int
    public var unknownPublishedPeriods: Int
    /// One file (or period) the warehouse lacks, to look for.
    public var example: String?

    public init(
        warehouse: String, state: WarehouseState, loggedIngested: Int = 0, missingIngested: Int = 0,
        archivedFolders: Int = 0, unknownArchivedFolders: Int = 0, publishedPeriods: Int = 0,
        unknownPublishedPeriods: Int = 0, example: String? = nil
    ) {
        self.warehouse = warehouse
        self.state = state
        self.loggedIngested = loggedIngested
        self.missingIngested = missingIngested
        self.archivedFolders = archivedFolders
        self.unknownArchivedFolders = unknownArchivedFolders
        self.publishedPeriods = publishedPeriods
        self.unknownPublishedPeriods = unknownPublishedPeriods
        self.example = example
    }

    /// Whether the warehouse knows everything.
    public var isConsistent: Bool {
        state == .behind && missingIngested == 0 && unknownArchivedFolders == 0 && unknownPublishedPeriods == 0
    }

    public var description: String {
        let what: String
        switch state {
        case .missing: what = "the warehouse is missing"
        case .empty: what = "the warehouse is empty (0 bytes)"
        case .behind: what = "the warehouse does not know all the workspace holds"
        }
        var held: [String] = []
        if loggedIngested > 0 {
            held.append(
                state == .behind
                    ? "\(missingIngested) of the \(loggedIngested) ingested file(s) archive/ledger.csv lists are not in it"
                    : "archive/ledger.csv lists \(loggedIngested) ingested file(s)")
        }
        if archivedFolders > 0, state != .behind || unknownArchivedFolders > 0 {
            held.append(
                state == .behind
                    ? "\(unknownArchivedFolders) of the \(archivedFolders) archive/ folder(s) hold content its ledger never recorded"
                    : "archive/ holds \(archivedFolders) archived file folder(s)")
        }
        if publishedPeriods > 0, state != .behind || unknownPublishedPeriods > 0 {
            held.append(
                state == .behind
                    ? "\(unknownPublishedPeriods) of the \(publishedPeriods) published out/ period(s) come from no file it holds"
                    : "out/ holds \(publishedPeriods) published period(s)")
        }
        let example = example.map { " (for example \($0))" } ?? ""
        return "\(warehouse): \(what), but " + held.joined(separator: ", ") + example
            + ". Nothing was run, so that no figure is published from less than was ingested. "
            + "Run `zonestat rebuild` to re-ingest archive/ in its original order from archive/ledger.csv "
            + "(the damaged warehouse is kept beside it, renamed)."
    }
}
