import Foundation

/// Building a generation from the previous one, and putting it in view.
extension Publisher {
    /// Links into the run's generation every period folder this run does not re-render and
    /// every top-level file it does not rewrite, and, in the folders it re-renders, every
    /// entry that is not the publisher's (reported in `report`), from the current generation
    /// (``begin()`` made one of an older layout's folders).
    func carryOver(rendered: Set<String>, topLevel: Set<String>, report: inout PublicationReport) throws {
        guard FileSystem.entry(currentPath) == .symlink else { return }
        let source = currentPath
        for name in try FileSystem.names(source) where name != Publisher.latestName && !name.hasPrefix(".") {
            let old = source + "/" + name, new = generationPath + "/" + name
            switch FileSystem.entry(old) {
            case .directory where Publisher.isPeriodName(name):
                guard rendered.contains(name) else {
                    try carry(old, to: new)
                    continue
                }
                for file in try FileSystem.names(old) where FileSystem.entry(new + "/" + file) == .missing {
                    try carry(old + "/" + file, to: new + "/" + file)
                    report.keptForeign.append(name + "/" + file)
                }
            case .file where !topLevel.contains(name):
                try carry(old, to: new)
            default:
                break  // not the publisher's: left where it is
            }
        }
    }

    /// Puts `source` (a file, symlink or folder tree) at `destination` without copying bytes
    /// where a second name (a hard link) can be made.
    func carry(_ source: String, to destination: String) throws {
        switch FileSystem.entry(source) {
        case .file:
            if FileSystem.link(source, destination) { return }
            guard let data = FileManager.default.contents(atPath: source) else {
                throw PublicationError.fileSystem(operation: "read", path: source, code: 0, message: "cannot read the file")
            }
            try FileSystem.writeFile(destination, [UInt8](data))
        case .symlink:
            let target = try FileSystem.destination(of: source)
            guard FileSystem.makeSymlink(destination, pointingTo: target) else {
                throw FileSystem.failure("create link", destination)
            }
        case .directory:
            try FileSystem.makeDirectory(destination)
            for name in try FileSystem.names(source) { try carry(source + "/" + name, to: destination + "/" + name) }
            FileSystem.syncDirectory(destination)
        case .missing:
            break
        }
    }

    /// `latest` in the run's generation: a link to its newest period folder.
    func pointLatest() throws {
        guard let newest = try FileSystem.names(generationPath).filter(Publisher.isPeriodName).max() else { return }
        let latest = generationPath + "/" + Publisher.latestName
        try FileSystem.removeTree(latest)
        guard FileSystem.makeSymlink(latest, pointingTo: newest) else { throw FileSystem.failure("create link", latest) }
    }

    /// What the stable link `out/<name>` points at.
    static func stableTarget(_ name: String) -> String { currentName + "/" + name }

    /// Creates `out/<name>` → `.current/<name>` through a temporary name and a rename (which
    /// replaces a file or link there).
    func makeStableLink(_ name: String) throws {
        let temporary = path(".link-" + name + ".tmp")
        try FileSystem.removeTree(temporary)
        guard FileSystem.makeSymlink(temporary, pointingTo: Publisher.stableTarget(name)) else {
            throw FileSystem.failure("create link", temporary)
        }
        try FileSystem.rename(temporary, path(name))
    }

    /// Makes the run's generation the one readers see: a new `.current` renamed over the old.
    func flip() throws {
        let temporary = path(Publisher.currentName + ".tmp")
        try FileSystem.removeTree(temporary)
        guard FileSystem.makeSymlink(temporary, pointingTo: Publisher.generationsName + "/" + generationName) else {
            throw FileSystem.failure("create link", temporary)
        }
        try FileSystem.rename(temporary, currentPath)
        FileSystem.syncDirectory(outRoot)
    }

    /// Whether `out/<name>` is the stable link to `.current/<name>`.
    func isStableLink(_ name: String) -> Bool {
        FileSystem.entry(path(name)) == .symlink
            && (try? FileSystem.destination(of: path(name))) == Publisher.stableTarget(name)
    }

    /// Moves what stands at `out/<name>` where a published name goes, and is not the
    /// publisher's, to `<name>.moved-aside-<run>`: never deleted.
    func moveAsideForeign(_ name: String, report: inout PublicationReport) throws {
        guard FileSystem.entry(path(name)) != .missing else { return }
        let aside = name + ".moved-aside-" + runID
        try FileSystem.rename(path(name), path(aside))
        report.movedAside[name] = aside
    }

    /// The older layout's entries: real period folders, a real `series.csv`, `latest` linked
    /// straight to a folder.
    func olderLayoutEntries() throws -> [String] {
        try FileSystem.names(outRoot).filter { name in
            switch FileSystem.entry(path(name)) {
            case .directory: Publisher.isPeriodName(name)
            case .file: name == "series.csv"
            case .symlink: name == Publisher.latestName && !isStableLink(name)
            case .missing: false
            }
        }
    }

    /// Turns a publication of the older layout into the current one without changing what a
    /// reader sees: its folders and files are linked into a first generation, `.current` is
    /// pointed at it, and each real entry is then replaced by its stable link (a folder
    /// swapped with the link in one step where the system can). A run stopped part way is
    /// finished by the next.
    func adoptOlderLayout() throws {
        let entries = try olderLayoutEntries()
        guard !entries.isEmpty else { return }
        if FileSystem.entry(currentPath) != .symlink {
            let adopted = generationsPath + "/adopted-" + runID
            try FileSystem.removeTree(adopted)
            try FileSystem.makeDirectory(adopted)
            for name in entries where name != Publisher.latestName { try carry(path(name), to: adopted + "/" + name) }
            if let newest = try FileSystem.names(adopted).filter(Publisher.isPeriodName).max() {
                guard FileSystem.makeSymlink(adopted + "/" + Publisher.latestName, pointingTo: newest) else {
                    throw FileSystem.failure("create link", adopted + "/" + Publisher.latestName)
                }
            }
            FileSystem.syncDirectory(adopted)
            FileSystem.syncDirectory(generationsPath)
            let temporary = path(Publisher.currentName + ".tmp")
            try FileSystem.removeTree(temporary)
            guard FileSystem.makeSymlink(temporary, pointingTo: Publisher.generationsName + "/adopted-" + runID) else {
                throw FileSystem.failure("create link", temporary)
            }
            try FileSystem.rename(temporary, currentPath)
            FileSystem.syncDirectory(outRoot)
            try hook?(.adopted)
        }
        for name in entries { try convert(name) }
    }

    /// Replaces the older layout's `out/<name>` by its stable link, showing the same files.
    func convert(_ name: String) throws {
        let target = path(name)
        if FileSystem.entry(target) == .directory {
            let temporary = path(".link-" + name + ".tmp")
            try FileSystem.removeTree(temporary)
            guard FileSystem.makeSymlink(temporary, pointingTo: Publisher.stableTarget(name)) else {
                throw FileSystem.failure("create link", temporary)
            }
            if try FileSystem.exchange(temporary, target) {
                try FileSystem.removeTree(temporary)
            } else {
                let aside = path(".old-" + runID)
                try FileSystem.makeDirectory(aside)
                try FileSystem.rename(target, aside + "/" + name)
                try FileSystem.rename(temporary, target)
            }
        } else {
            try makeStableLink(name)
        }
        FileSystem.syncDirectory(outRoot)
        try hook?(.converted(name))
    }

    /// Removes every generation but the current one, and what older layouts' runs left.
    func removeEarlierGenerations() throws(PublicationError) {
        let current = FileSystem.entry(currentPath) == .symlink ? try? FileSystem.destination(of: currentPath) : nil
        if FileSystem.entry(generationsPath) == .directory {
            for name in try FileSystem.names(generationsPath)
            where Publisher.generationsName + "/" + name != current {
                try FileSystem.removeTree(generationsPath + "/" + name)
            }
        }
        for name in try FileSystem.names(outRoot) where name.hasPrefix(".old-") || name.hasPrefix(".staging-") {
            try FileSystem.removeTree(path(name))
        }
    }
}
