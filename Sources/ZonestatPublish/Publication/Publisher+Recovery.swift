import Foundation

/// Cleaning up after a run that stopped part way.
extension Publisher {
    /// Removes what a stopped run left: generations other than the current one, temporary
    /// links, links to periods the current generation does not have; restores a folder an
    /// older version's run moved aside and left missing. Safe to call at any time no other run
    /// is publishing (the workspace lock sees to that).
    public func recover() throws(PublicationError) {
        guard FileSystem.entry(outRoot) == .directory else { return }
        let names = try FileSystem.names(outRoot)
        // An older version's run: restore what it moved aside.
        for name in names where name.hasPrefix(".old-") {
            let oldFolder = path(name)
            for entry in try FileSystem.names(oldFolder) where FileSystem.entry(path(entry)) == .missing {
                try FileSystem.rename(oldFolder + "/" + entry, path(entry))
            }
            try FileSystem.removeTree(oldFolder)
        }
        for name in names where name.hasPrefix(".staging-") || (name.hasPrefix(".link-") && name.hasSuffix(".tmp")) {
            try FileSystem.removeTree(path(name))
        }
        try FileSystem.removeTree(path(Publisher.latestName + ".tmp"))
        try FileSystem.removeTree(path(Publisher.currentName + ".tmp"))
        try removeEarlierGenerations()
        // A new period's link made before a flip that never came.
        let hasCurrent = FileSystem.entry(currentPath) == .symlink
        for name in names where Publisher.isPeriodName(name) || name == Publisher.latestName || name == "series.csv" {
            guard FileSystem.entry(path(name)) == .symlink,
                (try? FileSystem.destination(of: path(name))) == Publisher.stableTarget(name)
            else { continue }
            if !hasCurrent || FileSystem.entry(currentPath + "/" + name) == .missing {
                try FileSystem.removeTree(path(name))
            }
        }
        FileSystem.syncDirectory(outRoot)
    }

    /// Removes this run's generation after a failure (a full disk must not stay full), unless
    /// it is the one readers see. Best effort: ``recover()`` removes it on the next run anyway.
    public func abort() {
        let current = try? FileSystem.destination(of: currentPath)
        if current != Publisher.generationsName + "/" + generationName { try? FileSystem.removeTree(generationPath) }
        try? FileSystem.removeTree(path(Publisher.currentName + ".tmp"))
    }
}
