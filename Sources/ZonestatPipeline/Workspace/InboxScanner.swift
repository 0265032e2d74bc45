import Foundation
import ZonestatCore

/// A file in the inbox that is complete and may be taken.
public struct InboxFile: Sendable, Hashable {
    /// The name as printed and recorded: the file's own name, or, for a name that is not
    /// UTF-8, the name with its bytes escaped (`\xB2\xE2.csv`).
    public var name: String
    /// The path as printed (the inbox and `name`).
    public var path: String
    public var size: Int
    public var modified: Date
    /// The modification time in nanoseconds since 1970, as the scan saw it (compared exactly).
    public var stamp: Int = 0
    /// The path as the file system holds it, for the system calls.
    public var rawPath: [UInt8]
    /// False when the name is not UTF-8 (a GBK name as unzip leaves it): the file is quarantined.
    public var nameIsUTF8: Bool = true
    /// True when the file is dated later than the clock by more than the settle time.
    public var futureDated: Bool = false

    public init(name: String, path: String, size: Int, modified: Date) {
        self.name = name
        self.path = path
        self.size = size
        self.modified = modified
        self.rawPath = Array(path.utf8)
    }
}

/// Why an inbox entry was left where it is.
public enum SkipReason: String, Sendable, Hashable {
    /// A temporary or hidden name (`.x`, `~$x`, `.tmp`, `.part`, `.crdownload`).
    case temporaryName = "temporary name"
    /// Modified within the settle time: a copy may still be running.
    case settling = "still being written"
    /// Its size or modification time changed while it was read: it is taken on a later run.
    case changedWhileRead = "changed while it was read — taken on a later run"
    /// A folder: extract takes only the files directly in the inbox.
    case folder = "a folder — extract takes only files directly in the inbox: move its files up"
    /// A symbolic link: extract takes only files the inbox holds itself.
    case symlink = "a symbolic link — put the file itself in the inbox"
    /// A pipe, socket or device.
    case notAFile = "not a regular file (a pipe, socket or device) — remove it from the inbox"
    /// It could not be moved to the archive or quarantine (the reason is in the summary's details).
    case cannotMove = "cannot be moved out of the inbox"

    /// Whether the entry is waiting to be complete (every other reason needs someone to act).
    public var isWaiting: Bool { self == .temporaryName || self == .settling || self == .changedWhileRead }
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

    /// The files to take, in order, and the entries left where they are with the reason (by
    /// printable name: every entry is accounted for, whatever it is and however it is named).
    public func scan(_ folder: String) throws(WorkspaceError) -> (ready: [InboxFile], skipped: [(String, SkipReason)]) {
        var ready: [InboxFile] = []
        var skipped: [(String, SkipReason)] = []
        let folderBytes = Array(folder.utf8)
        for entry in try FileOperations.list(folder) {
            let isUTF8 = EscapedText.isValidUTF8(entry.name)
            let name = isUTF8 ? String(decoding: entry.name, as: UTF8.self) : EscapedText.escaping(bytes: entry.name)
            switch entry.kind {
            case .folder: skipped.append((name, .folder)); continue
            case .symlink: skipped.append((name, .symlink)); continue
            case .other: skipped.append((name, .notAFile)); continue
            case .missing: continue  // gone since it was listed
            case .file: break
            }
            if InboxScanner.isTemporaryName(name) {
                skipped.append((name, .temporaryName))
                continue
            }
            // A file dated in the future by more than the settle time is not waited for (a
            // clock set wrong would keep it forever); reading it twice the same still guards it.
            let age = now.timeIntervalSince(entry.modified)
            if age < settleSeconds, -age <= settleSeconds {
                skipped.append((name, .settling))
                continue
            }
            var file = InboxFile(name: name, path: folder + "/" + name, size: entry.size, modified: entry.modified)
            file.rawPath = folderBytes + [UInt8(ascii: "/")] + entry.name
            file.nameIsUTF8 = isUTF8
            file.stamp = entry.stamp
            file.futureDated = -age > max(settleSeconds, 1)
            ready.append(file)
        }
        ready.sort { ($0.modified, $0.name) < ($1.modified, $1.name) }
        return (ready, skipped)
    }
}
