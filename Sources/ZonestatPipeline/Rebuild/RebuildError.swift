/// Why `zonestat rebuild` could not replay the archive. A missing log or archived file is found
/// before anything is moved, leaving the workspace as it was; a changed or rejected file is found
/// while replaying, when the damaged warehouse is already kept aside and the new one is partial
/// (every stage refuses it, and the next `zonestat rebuild` sets it aside in turn).
public enum RebuildError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no `archive/ledger.csv` (a workspace last run before it was introduced).
    case noLedgerLog(path: String)
    /// An ingested file the log lists is not in archive/.
    case archivedFileMissing(ledgerId: Int64, fileName: String, path: String)
    /// An archived file's bytes are not those the ledger recorded.
    case contentChanged(path: String, expected: String, found: String)
    /// An ingested file is rejected when read again (the pipeline file changed since).
    case rejectedOnReplay(fileName: String, problem: String)

    public var description: String {
        switch self {
        case .noLedgerLog(let path):
            "\(path): no ledger log, so the order the archive was ingested in is unknown — restore the warehouse "
                + "(warehouse.sqlite) from a backup, or re-drop the archived files into the inbox in their original order"
        case .archivedFileMissing(let id, let fileName, let path):
            "\(path): missing — the ledger log lists \(fileName) (ledger id \(id)) as ingested; put the file back "
                + "(from a backup) and run `zonestat rebuild` again"
        case .contentChanged(let path, let expected, let found):
            "\(path): its SHA-256 is \(found), the ledger recorded \(expected) — the archive was changed; restore the "
                + "file from a backup and run `zonestat rebuild` again"
        case .rejectedOnReplay(let fileName, let problem):
            "\(fileName): ingested before but rejected when read again (\(problem)) — the pipeline file changed since; "
                + "rebuild with the pipeline file it was ingested with"
        }
    }
}
