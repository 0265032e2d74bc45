import Foundation

/// Puts a run's outputs in place so that a reader never sees half a run (outputs.md).
///
/// Everything is first written and synced under `outRoot/.staging-<run>/`. Then each folder is
/// swapped with its previous version in one step (or, where the file system cannot swap, the
/// previous version is moved to `.old-<run>/` and the new one renamed in), each top-level
/// file is replaced by rename, and `latest` is re-pointed by renaming a new symlink over it
/// (a copied folder where symlinks fail). A crash at any point leaves every folder the
/// complete previous or the complete new version; the next ``publish(_:)`` (or
/// ``recover()``) restores an `.old-` folder whose folder is missing and removes leftovers.
public struct Publisher: Sendable {
    /// The output root: `<workspace>/out`.
    public var outRoot: String
    /// This run's id, a plain name: it names the staging and old folders.
    public var runID: String
    /// Called after every step that changes what a reader sees; a test throws from it to
    /// simulate a crash there.
    public var hook: (@Sendable (PublishStep) throws -> Void)?
    /// Whether to swap folders in one step where the system can (tests turn it off to check
    /// the move-aside path).
    var swapsFolders = true
    /// Whether to link `latest` (tests turn it off to check the copied folder).
    var linksLatest = true

    public init(outRoot: String, runID: String, hook: (@Sendable (PublishStep) throws -> Void)? = nil) {
        self.outRoot = outRoot
        self.runID = runID
        self.hook = hook
    }

    /// The name of the link (or copy) to the newest period.
    public static let latestName = "latest"

    var stagingPath: String { path(".staging-" + runID) }
    var oldPath: String { path(".old-" + runID) }

    func path(_ name: String) -> String {
        outRoot.hasSuffix("/") ? outRoot + name : outRoot + "/" + name
    }

    /// Publishes `publication`: every folder and top-level file, then `latest`. Rethrows what
    /// the hook throws, untouched; otherwise throws ``PublicationError``.
    public func publish(_ publication: Publication) throws {
        try validate(publication)
        try begin()
        for folder in publication.folders { try stage(folder) }
        try commit(folders: publication.folders.map(\.name), topLevelFiles: publication.topLevelFiles)
    }

    /// Puts the staged folder `name` in place of the published one.
    func replaceFolder(_ name: String) throws {
        let staged = stagingPath + "/" + name, target = path(name)
        if FileSystem.entry(target) == .missing {
            try FileSystem.rename(staged, target)
        } else if swapsFolders, try FileSystem.exchange(staged, target) {
            // The previous version is now in staging, removed with it at the end.
        } else {
            try FileSystem.makeDirectory(oldPath)
            try FileSystem.rename(target, oldPath + "/" + name)
            FileSystem.syncDirectory(outRoot)
            try hook?(.movedAside(name))
            try FileSystem.rename(staged, target)
        }
        FileSystem.syncDirectory(outRoot)
        try hook?(.replacedFolder(name))
    }

    /// Rejects names that are not plain names, or that the publisher reserves.
    private func validate(_ publication: Publication) throws(PublicationError) {
        try Publisher.checkName(runID)
        var names: Set<String> = []
        for folder in publication.folders {
            try Publisher.checkName(folder.name)
            guard names.insert(folder.name).inserted else {
                throw .invalidName(folder.name, reason: "published twice in one run")
            }
            for file in folder.files.keys { try Publisher.checkName(file) }
        }
        for file in publication.topLevelFiles.keys {
            try Publisher.checkName(file)
            guard names.insert(file).inserted else {
                throw .invalidName(file, reason: "both a folder and a file of this run")
            }
        }
    }

    static func checkName(_ name: String) throws(PublicationError) {
        if name.isEmpty { throw .invalidName(name, reason: "the name is empty") }
        if name.contains("/") || name.contains("\0") { throw .invalidName(name, reason: "a name cannot contain / or NUL") }
        if name.hasPrefix(".") { throw .invalidName(name, reason: "names starting with a dot are the publisher's own") }
        if name == latestName || name == latestName + ".tmp" {
            throw .invalidName(name, reason: "\(latestName) is the link to the newest period")
        }
    }
}
