import Foundation
import ZonestatCore

extension Warehouse {
    /// Opens the workspace's warehouse, after checking that it knows everything archive/ and out/
    /// hold; a brand-new workspace (nothing archived, nothing published) gets a new warehouse.
    ///
    /// Every stage calls it once it holds the lock. It throws
    /// ``WorkspaceError/inconsistent(_:)`` when the warehouse is missing, 0 bytes, or lacks ingested
    /// files the ledger log lists, archived contents or published periods — checked before
    /// SQLite opens the file, which would take an empty file for a new database.
    public static func open(checking workspace: Workspace) throws -> Warehouse {
        let logged = LedgerLog.latest(try LedgerLog(workspace: workspace).lines()).filter { $0.status == "ingested" }
        let archived = Warehouse.archivedContents(workspace)
        let published = Warehouse.publishedPeriods(workspace)
        if logged.isEmpty, archived.isEmpty, published.isEmpty { return try Warehouse(path: workspace.warehouse) }
        var inconsistency = WorkspaceInconsistency(
            warehouse: workspace.warehouse, state: .behind, loggedIngested: logged.count,
            archivedFolders: archived.count, publishedPeriods: published.count,
            example: logged.first?.fileName ?? archived.first.map(Warehouse.archivedExample(workspace))
                ?? published.first.map { "out/\($0)" })
        let attributes = try? FileManager.default.attributesOfItem(atPath: workspace.warehouse)
        guard let attributes else { throw WorkspaceError.inconsistent(with(inconsistency) { $0.state = .missing }) }
        guard (attributes[.size] as? NSNumber)?.intValue ?? 0 > 0 else {
            throw WorkspaceError.inconsistent(with(inconsistency) { $0.state = .empty })
        }
        let warehouse = try Warehouse(path: workspace.warehouse)
        let known = try warehouse.ledgerKnowledge()
        let missing = logged.filter { known.ingested[$0.id] != $0.sha256 }
        let unknownArchived = archived.filter { !known.hashes.contains($0) }
        let unknownPublished = published.filter { !known.periods.contains($0) }
        inconsistency.missingIngested = missing.count
        inconsistency.unknownArchivedFolders = unknownArchived.count
        inconsistency.unknownPublishedPeriods = unknownPublished.count
        inconsistency.example = missing.first?.fileName
            ?? unknownArchived.first.map(Warehouse.archivedExample(workspace)) ?? unknownPublished.first.map { "out/\($0)" }
        guard inconsistency.isConsistent else { throw WorkspaceError.inconsistent(inconsistency) }
        return warehouse
    }

    /// The content hashes of the `archive/<sha256>/` folders.
    static func archivedContents(_ workspace: Workspace) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.archive)) ?? []
        return names.sorted().filter { name in
            name.utf8.count == 64 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        }
    }

    /// `archive/<sha256>/<a file in it>`, to name in a message.
    static func archivedExample(_ workspace: Workspace) -> (String) -> String {
        { sha256 in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: workspace.archive + "/" + sha256)) ?? []
            return "archive/\(sha256)/" + (files.sorted().first ?? "")
        }
    }

    /// The periods with a published `out/<period>/` folder.
    static func publishedPeriods(_ workspace: Workspace) -> [Period] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.out)) ?? []
        return names.compactMap { name in
            guard let period = Warehouse.period(name), period.description == name else { return nil }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: workspace.out + "/" + name, isDirectory: &isFolder), isFolder.boolValue
            else { return nil }
            return period
        }.sorted()
    }
}

/// `value` changed by `change`.
private func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
