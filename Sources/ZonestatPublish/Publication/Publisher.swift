import Foundation

/// Puts a run's outputs in place so that a reader never sees half a run (outputs.md): a run's
/// files appear all at once, in one rename.
///
/// Every run writes a complete *generation* under `outRoot/.generations/<run>/`: the folders it
/// renders, the files of every other period linked from the previous generation (no bytes
/// copied), `series.csv`, and `latest` (a link to the newest period). The hidden link
/// `.current` names the generation readers see; publishing is one rename of a new `.current`
/// over the old. The documented paths are links that never change: `out/<period>` →
/// `.current/<period>`, `out/series.csv` → `.current/series.csv`, `out/latest` →
/// `.current/latest`. A crash at any point leaves the previous generation or the new one in
/// view; the next ``begin()`` (or ``recover()``) removes what the stopped run left.
///
/// Files in a period folder that are not the publisher's (a workbook an analyst saved there)
/// are carried into the new generation and reported, never deleted; entries of `out/` that
/// are not the publisher's names are never touched.
public struct Publisher: Sendable {
    /// The output root: `<workspace>/out`.
    public var outRoot: String
    /// This run's id, a plain name: it names the run's generation.
    public var runID: String
    /// Called after every step that changes what a reader sees or leaves; a test throws from it
    /// to simulate a crash there.
    public var hook: (@Sendable (PublishStep) throws -> Void)?

    /// The name of this run's generation: the run id, unless the generation readers see has
    /// that name (a run id used twice), then the run id with `-again`.
    let generationName: String

    public init(outRoot: String, runID: String, hook: (@Sendable (PublishStep) throws -> Void)? = nil) {
        self.outRoot = outRoot
        self.runID = runID
        self.hook = hook
        let current = try? FileManager.default.destinationOfSymbolicLink(
            atPath: (outRoot.hasSuffix("/") ? outRoot : outRoot + "/") + Publisher.currentName)
        generationName = current == Publisher.generationsName + "/" + runID ? runID + "-again" : runID
    }

    /// The name of the link to the newest period.
    public static let latestName = "latest"
    /// The hidden link to the generation readers see, and the folder of generations.
    static let currentName = ".current"
    static let generationsName = ".generations"

    var generationsPath: String { path(Publisher.generationsName) }
    /// This run's generation.
    var generationPath: String { generationsPath + "/" + generationName }
    var currentPath: String { path(Publisher.currentName) }

    func path(_ name: String) -> String {
        outRoot.hasSuffix("/") ? outRoot + name : outRoot + "/" + name
    }

    /// Publishes `publication`: every folder and top-level file, then `latest`, in one step.
    /// Rethrows what the hook throws, untouched; otherwise throws ``PublicationError``.
    @discardableResult
    public func publish(_ publication: Publication) throws -> PublicationReport {
        try validate(publication)
        try begin()
        for folder in publication.folders { try stage(folder) }
        return try commit(folders: publication.folders.map(\.name), topLevelFiles: publication.topLevelFiles)
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
        if name == "." || name == ".." { throw .invalidName(name, reason: "not a plain name") }
        if name.contains("/") || name.contains("\0") { throw .invalidName(name, reason: "a name cannot contain / or NUL") }
        if name.hasPrefix(".") { throw .invalidName(name, reason: "names starting with a dot are the publisher's own") }
        if name == latestName || name == latestName + ".tmp" {
            throw .invalidName(name, reason: "\(latestName) is the link to the newest period")
        }
    }

    /// `2023-04`: four digits, a dash, two digits.
    static func isPeriodName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}

/// What a publication did besides publishing: the files it found that are not its own.
public struct PublicationReport: Sendable, Hashable {
    /// Files in period folders that the publisher did not write (`2023-04/分析.xlsx`), kept
    /// in the new generation where they were.
    public var keptForeign: [String] = []
    /// Entries moved aside because they stood where a published name goes, by old → new path.
    public var movedAside: [String: String] = [:]

    public init() {}
}
