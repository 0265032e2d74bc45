import Foundation

/// A file in the inbox that is complete and may be taken.
public struct InboxFile: Sendable, Hashable {
    public var name: String
    public var path: String
    public var size: Int
    public var modified: Date
}

/// Why a file in the inbox was left for a later run.
public enum SkipReason: String, Sendable, Hashable {
    /// A temporary or hidden name (`.x`, `~$x`, `.tmp`, `.part`, `.crdownload`).
    case temporaryName = "temporary name"
    /// Modified within the settle time: a copy may still be running.
    case settling = "still being written"
}

/// Lists the inbox: complete files in ingestion order (modification time, then name).
public struct InboxScanner: Sendable {
    public var settleSeconds: Double
    public var now: Date

    public init(settleSeconds: Double, now: Date = Date()) {
        self.settleSeconds = settleSeconds
        self.now = now
    }

    /// Whether a name is a temporary or hidden one that is never taken.
    public static func isTemporaryName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return name.hasPrefix(".") || name.hasPrefix("~$")
            || [".tmp", ".part", ".crdownload", ".swp", ".partial"].contains { lower.hasSuffix($0) }
    }

    /// The files to take, in order, and those left for later with the reason.
    public func scan(_ folder: String) throws(WorkspaceError) -> (ready: [InboxFile], skipped: [(String, SkipReason)]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .io(path: folder, operation: "list the inbox", reason: "\(error.localizedDescription)")
        }
        var ready: [InboxFile] = []
        var skipped: [(String, SkipReason)] = []
        for name in names.sorted() {
            let path = folder + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            if InboxScanner.isTemporaryName(name) {
                skipped.append((name, .temporaryName))
                continue
            }
            let modified = attributes[.modificationDate] as? Date ?? now
            if now.timeIntervalSince(modified) < settleSeconds {
                skipped.append((name, .settling))
                continue
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            ready.append(InboxFile(name: name, path: path, size: size, modified: modified))
        }
        ready.sort { ($0.modified, $0.name) < ($1.modified, $1.name) }
        return (ready, skipped)
    }
}
