/// The steps of taking one file, where a crash (power loss, kill) could interrupt it.
///
/// The order is chosen so that a rerun repairs any interruption: the warehouse transaction
/// commits before the file moves, and a file whose hash the ledger already holds is only moved.
public enum CrashPoint: String, Sendable, Hashable, CaseIterable {
    /// The file is parsed; nothing is written yet.
    case afterParse = "after-parse"
    /// Inside the ingest transaction, before commit (SQLite rolls it back).
    case beforeCommit = "before-commit"
    /// The transaction committed; the file is still in the inbox.
    case afterCommit = "after-commit"
    /// The errors report is written; no ledger row yet; the file is still in the inbox.
    case afterErrorReport = "after-error-report"
    /// The quarantine ledger row is committed; the file is still in the inbox.
    case afterQuarantineLedger = "after-quarantine-ledger"
    /// The file has been moved (archive or quarantine).
    case afterMove = "after-move"
}

/// A crash simulated by a test at a `CrashPoint`.
public struct SimulatedCrash: Error, Equatable, Sendable, CustomStringConvertible {
    public var point: CrashPoint
    public var file: String

    public init(point: CrashPoint, file: String) {
        self.point = point
        self.file = file
    }

    public var description: String { "simulated crash \(point.rawValue) while taking \(file)" }
}

/// Called at every crash point; a test throws `SimulatedCrash` from it. Production passes nil.
public typealias CrashHook = @Sendable (CrashPoint, String) throws -> Void
