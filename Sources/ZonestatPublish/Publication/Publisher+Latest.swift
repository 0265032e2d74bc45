import Foundation

/// `latest`: a symlink to the newest period folder, replaced in one rename; a copied folder
/// where symlinks fail.
extension Publisher {
    /// Points `latest` at the newest period folder (`YYYY-MM`) now under the root, among the
    /// existing ones and `candidates`. Does nothing when there is none or it already points there.
    /// Calls the hook only when `hooked` (recovery does not).
    func pointLatest(candidates: [String], hooked: Bool = true) throws {
        let hook = hooked ? self.hook : nil
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: outRoot)) ?? []
        guard let newest = (existing + candidates).filter(Publisher.isPeriodName)
            .filter({ FileSystem.entry(path($0)) == .directory }).max()
        else { return }
        let latest = path(Publisher.latestName), temporary = path(Publisher.latestName + ".tmp")
        let current = FileSystem.entry(latest)
        if current == .symlink, (try? FileManager.default.destinationOfSymbolicLink(atPath: latest)) == newest {
            return
        }
        try FileSystem.removeTree(temporary)
        if !linksLatest || !FileSystem.makeSymlink(temporary, pointingTo: newest) {
            try FileSystem.copyTree(path(newest), to: temporary)
        }
        if current == .directory {
            // A rename cannot replace a folder: swap, or move the old copy aside first.
            if swapsFolders, try FileSystem.exchange(temporary, latest) {
                try FileSystem.removeTree(temporary)
            } else {
                try FileSystem.makeDirectory(oldPath)
                try FileSystem.rename(latest, oldPath + "/" + Publisher.latestName)
                try hook?(.movedAside(Publisher.latestName))
                try FileSystem.rename(temporary, latest)
            }
        } else {
            try FileSystem.rename(temporary, latest)
        }
        FileSystem.syncDirectory(outRoot)
        try hook?(.pointedLatest(newest))
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
