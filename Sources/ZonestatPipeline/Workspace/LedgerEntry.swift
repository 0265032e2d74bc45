/// The ledger's description of a file being recorded.
public struct LedgerEntry: Sendable, Hashable {
    /// The ledger id to record it under; nil for the next one. A rebuild passes the id the lost
    /// warehouse gave it (`archive/ledger.csv`), so facts keep pointing at the same files.
    public var id: Int64?
    public var sha256: String
    public var fileName: String
    public var size: Int
    public var modifiedAt: String
    public var status: String
    public var storedAs: String
    public var runId: String
    /// When the run recorded it (ISO 8601, UTC): now for a new file, the original time in a rebuild.
    public var recordedAt: String

    public init(
        id: Int64? = nil, sha256: String, fileName: String, size: Int, modifiedAt: String, status: String,
        storedAs: String, runId: String, recordedAt: String
    ) {
        self.id = id
        self.sha256 = sha256
        self.fileName = fileName
        self.size = size
        self.modifiedAt = modifiedAt
        self.status = status
        self.storedAs = storedAs
        self.runId = runId
        self.recordedAt = recordedAt
    }
}
