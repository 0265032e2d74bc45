import Foundation

/// Folder operations built on Foundation's `FileManager`, with errors that name the path.
extension FileSystem {
    /// Creates the folder (and its parents) unless it exists.
    static func makeDirectory(_ path: String) throws(PublicationError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(operation: "create folder", path: path, code: 0, message: String(describing: error))
        }
    }

    /// Removes a file, symlink (not its target) or folder tree; nothing when missing.
    static func removeTree(_ path: String) throws(PublicationError) {
        guard entry(path) != .missing else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw .fileSystem(operation: "remove", path: path, code: 0, message: String(describing: error))
        }
    }

    /// Creates a symlink at `path` to the relative `destination`; false when the file system
    /// refuses symlinks.
    static func makeSymlink(_ path: String, pointingTo destination: String) -> Bool {
        (try? FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)) != nil
    }

    /// Copies a folder of plain files to `destination` (which must not exist), each file
    /// written and synced as staging files are.
    static func copyTree(_ source: String, to destination: String) throws(PublicationError) {
        try makeDirectory(destination)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: source).sorted()
        } catch {
            throw .fileSystem(operation: "list", path: source, code: 0, message: String(describing: error))
        }
        for name in names {
            guard let data = FileManager.default.contents(atPath: source + "/" + name) else {
                throw .fileSystem(operation: "read", path: source + "/" + name, code: 0, message: "cannot read the file")
            }
            try writeFile(destination + "/" + name, [UInt8](data))
        }
        syncDirectory(destination)
    }
}
