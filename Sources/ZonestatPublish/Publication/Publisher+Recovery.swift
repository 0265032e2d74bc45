import Foundation

/// Cleaning up after a run that stopped part way.
extension Publisher {
    /// Restores every folder a stopped run moved aside and left missing, removes staging and
    /// old folders and a stray `latest.tmp`, and re-points a `latest` left dangling. Safe to
    /// call at any time no other run is publishing (the workspace lock sees to that).
    public func recover() throws(PublicationError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: outRoot).sorted()
        } catch {
            if FileSystem.entry(outRoot) == .missing { return }
            throw .fileSystem(operation: "list", path: outRoot, code: 0, message: String(describing: error))
        }
        for name in names where name.hasPrefix(".old-") {
            let oldFolder = path(name)
            let moved = (try? FileManager.default.contentsOfDirectory(atPath: oldFolder)) ?? []
            for entry in moved.sorted() where FileSystem.entry(path(entry)) == .missing {
                try FileSystem.rename(oldFolder + "/" + entry, path(entry))
            }
            try FileSystem.removeTree(oldFolder)
        }
        for name in names where name.hasPrefix(".staging-") {
            try FileSystem.removeTree(path(name))
        }
        try FileSystem.removeTree(path(Publisher.latestName + ".tmp"))
        FileSystem.syncDirectory(outRoot)
        let latest = path(Publisher.latestName)
        if FileSystem.entry(latest) == .symlink, !FileManager.default.fileExists(atPath: latest) {
            try FileSystem.removeTree(latest)
            do { try pointLatest(candidates: [], hooked: false) } catch let error as PublicationError { throw error } catch {
                throw .fileSystem(operation: "point latest", path: latest, code: 0, message: String(describing: error))
            }
        }
    }
}
