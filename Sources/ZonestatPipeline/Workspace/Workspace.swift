import Foundation

/// A zone's workspace folder (inputs.md, "The workspace").
public struct Workspace: Sendable, Hashable {
    public let root: String

    public init(root: String) { self.root = root }

    public var inbox: String { root + "/inbox" }
    public var archive: String { root + "/archive" }
    public var quarantine: String { root + "/quarantine" }
    public var out: String { root + "/out" }
    public var warehouse: String { root + "/warehouse.sqlite" }
    public var lockFile: String { root + "/.zonestat.lock" }
    /// The append-only copy of the warehouse's ledger (``LedgerLog``).
    public var ledgerLog: String { archive + "/ledger.csv" }

    /// Creates the folders that are missing.
    ///
    /// A workspace that does not exist yet is created only inside a folder that does: a
    /// mistyped path fails instead of making a tree of folders nothing reads.
    public func prepare() throws(WorkspaceError) {
        if !FileManager.default.fileExists(atPath: root) {
            let parent = URL(fileURLWithPath: root).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
                throw .io(
                    path: root, operation: "create the workspace",
                    reason: "its parent folder \(parent) does not exist — check the path (--workspace or the pipeline "
                        + "file's workspace:), or create the parent folder first")
            }
        }
        for folder in [root, inbox, archive, quarantine, out] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .io(path: folder, operation: "create folder", reason: "\(error.localizedDescription)")
            }
        }
    }

    /// A path relative to the workspace, for the ledger and messages.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}

/// A file-system operation on the workspace that failed.
public enum WorkspaceError: Error, Equatable, Sendable, CustomStringConvertible {
    case io(path: String, operation: String, reason: String)
    case locked(path: String)
    /// archive/ or out/ hold more than the warehouse knows: nothing runs until `zonestat rebuild`.
    case inconsistent(WorkspaceInconsistency)
    /// An inbox file whose size or modification time changed while it was read.
    case changed(path: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let reason):
            "\(path): cannot \(operation): \(reason)"
        case .locked(let path):
            "\(path): another zonestat run holds the workspace lock — wait for it to finish"
        case .inconsistent(let inconsistency):
            inconsistency.description
        case .changed(let path):
            "\(path): changed while it was read — it is taken on a later run, once it stays the same"
        }
    }
}
