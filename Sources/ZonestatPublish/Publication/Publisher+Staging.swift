/// Publication in three steps, so that a caller can render and stage one folder at a time and
/// hold only that folder in memory: `begin`, `stage` each folder, `commit`. Nothing is visible
/// to readers before `commit`, which swaps every staged folder in, then the top-level files,
/// then `latest`.
extension Publisher {
    /// Prepares the staging area, first finishing or undoing what an interrupted run left.
    public func begin() throws {
        try Publisher.checkName(runID)
        try FileSystem.makeDirectory(outRoot)
        try recover()
        try FileSystem.makeDirectory(stagingPath)
    }

    /// Writes one folder under the staging area and syncs it.
    ///
    /// A file the published folder already holds byte for byte is linked instead: it was
    /// synced when it was published, so it is neither written nor synced again, and removing
    /// the replaced folder afterwards frees no blocks for it (on a file system mounted with
    /// `discard`, freeing blocks made every removal wait on the disk).
    public func stage(_ folder: PublishedFolder) throws {
        try Publisher.checkName(folder.name)
        let folderPath = stagingPath + "/" + folder.name
        try FileSystem.makeDirectory(folderPath)
        for name in folder.files.keys.sorted() {
            try Publisher.checkName(name)
            let bytes = folder.files[name] ?? []
            let published = path(folder.name) + "/" + name, staged = folderPath + "/" + name
            if FileSystem.holds(published, bytes), FileSystem.link(published, staged) { continue }
            try FileSystem.writeFile(staged, bytes)
        }
        FileSystem.syncDirectory(folderPath)
    }

    /// Puts the staged `folders` and `topLevelFiles` in place, points `latest`, cleans up.
    public func commit(folders: [String], topLevelFiles: [String: [UInt8]]) throws {
        for name in topLevelFiles.keys.sorted() {
            try Publisher.checkName(name)
            try FileSystem.writeFile(stagingPath + "/" + name, topLevelFiles[name] ?? [])
        }
        FileSystem.syncDirectory(stagingPath)
        FileSystem.syncDirectory(outRoot)
        try hook?(.staged)
        for name in folders.sorted() { try replaceFolder(name) }
        for name in topLevelFiles.keys.sorted() {
            try FileSystem.rename(stagingPath + "/" + name, path(name))
            FileSystem.syncDirectory(outRoot)
            try hook?(.replacedFile(name))
        }
        try pointLatest(candidates: folders)
        try FileSystem.removeTree(oldPath)
        try FileSystem.removeTree(stagingPath)
        FileSystem.syncDirectory(outRoot)
        try hook?(.cleanedUp)
    }
}
