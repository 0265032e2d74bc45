/// Publication in three steps, so that a caller can render and stage one folder at a time and
/// hold only that folder in memory: `begin`, `stage` each folder, `commit`. Nothing is visible
/// to readers before `commit` flips `.current` to the run's generation.
extension Publisher {
    /// Prepares the run's generation, first removing what an interrupted run left.
    public func begin() throws {
        try Publisher.checkName(runID)
        try FileSystem.makeDirectory(outRoot)
        try recover()
        try adoptOlderLayout()
        try FileSystem.removeTree(generationPath)
        try FileSystem.makeDirectory(generationPath)
    }

    /// Writes one folder into the run's generation and syncs it (with any file written there
    /// before by ``stagedFile(_:in:)``).
    ///
    /// A file the published folder already holds byte for byte is linked instead: it was
    /// synced when it was published, so it is neither written nor synced again, and removing
    /// the previous generation afterwards frees no blocks for it (on a file system mounted with
    /// `discard`, freeing blocks made every removal wait on the disk).
    public func stage(_ folder: PublishedFolder) throws {
        try Publisher.checkName(folder.name)
        let folderPath = generationPath + "/" + folder.name
        try FileSystem.makeDirectory(folderPath)
        let previous = previousVersion(of: folder.name)
        for name in folder.files.keys.sorted() {
            try Publisher.checkName(name)
            let bytes = folder.files[name] ?? []
            let staged = folderPath + "/" + name
            if let previous, FileSystem.holds(previous + "/" + name, bytes), FileSystem.link(previous + "/" + name, staged) {
                continue
            }
            try FileSystem.writeFile(staged, bytes)
        }
        FileSystem.syncDirectory(folderPath)
    }

    /// Makes the folder `name` in the run's generation (``begin()`` first), for
    /// ``stagedFile(_:in:)``.
    public func makeStagedFolder(_ name: String) throws(PublicationError) {
        try Publisher.checkName(name)
        try FileSystem.makeDirectory(generationPath + "/" + name)
    }

    /// The file `name` of the folder `folder` in the run's generation, to be written a chunk
    /// at a time and compared with the published version while equal (``StagedFile``); the
    /// folder is made if missing. ``stage(_:)`` then writes the folder's other files.
    public func stagedFile(_ name: String, in folder: String) throws(PublicationError) -> StagedFile {
        try makeStagedFolder(folder)
        try Publisher.checkName(name)
        let previous = previousVersion(of: folder).map { $0 + "/" + name }
        return StagedFile(path: generationPath + "/" + folder + "/" + name, previous: previous)
    }

    /// Completes the run's generation — `topLevelFiles`, every period not re-rendered (linked
    /// from the previous generation), files that are not the publisher's, `latest` — then
    /// makes it the one readers see in one rename, and removes the earlier generations.
    @discardableResult
    public func commit(folders: [String], topLevelFiles: [String: [UInt8]]) throws -> PublicationReport {
        var report = PublicationReport()
        for name in topLevelFiles.keys.sorted() {
            try Publisher.checkName(name)
            try FileSystem.writeFile(generationPath + "/" + name, topLevelFiles[name] ?? [])
        }
        try carryOver(rendered: Set(folders), topLevel: Set(topLevelFiles.keys), report: &report)
        try pointLatest()
        FileSystem.syncDirectory(generationPath)
        FileSystem.syncDirectory(generationsPath)
        try hook?(.staged)
        let published = try FileSystem.names(generationPath)
        // New names get their link first: it shows nothing until the flip.
        for name in published where !isStableLink(name) {
            try moveAsideForeign(name, report: &report)
            try makeStableLink(name)
            FileSystem.syncDirectory(outRoot)
            try hook?(.linked(name))
        }
        try flip()
        try hook?(.flipped)
        try removeEarlierGenerations()
        FileSystem.syncDirectory(outRoot)
        try hook?(.cleanedUp)
        return report
    }

    /// The folder or file `name` as readers see it now, in the current generation; nil when
    /// there is none.
    func previousVersion(of name: String) -> String? {
        guard FileSystem.entry(currentPath) == .symlink else { return nil }
        let inCurrent = currentPath + "/" + name
        return FileSystem.entry(inCurrent) == .missing ? nil : inCurrent
    }
}
