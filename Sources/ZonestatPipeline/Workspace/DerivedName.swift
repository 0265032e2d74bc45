import ZonestatCore

/// Names zonestat derives from an inbox file's name (`<name>.errors.csv`, a hash-prefixed
/// quarantine name), kept within the file system's limit of 255 bytes a name.
enum DerivedName {
    /// The longest name a file system takes (NAME_MAX on Linux and macOS).
    static let maximumBytes = 255

    /// `name`, or when `name` plus `reserved` bytes would pass the limit, its start cut at a
    /// character boundary, then `~` and 8 hex digits of the whole name's SHA-256, then its
    /// extension: `工业…~1a2b3c4d.csv`. Two long names that share their start stay distinct.
    static func fitting(_ name: String, reserving reserved: Int) -> String {
        let limit = maximumBytes - reserved
        guard name.utf8.count > limit else { return name }
        let hash = "~" + String(SHA256.hexDigest(SHA256.digest(Array(name.utf8))).prefix(8))
        var stem = Substring(name), suffix = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let candidate = String(name[dot...])
            // An "extension" longer than a real one is part of the name.
            if candidate.utf8.count <= 16 {
                stem = name[..<dot]
                suffix = candidate
            }
        }
        let room = max(0, limit - hash.utf8.count - suffix.utf8.count)
        var kept = ""
        for character in stem {
            guard kept.utf8.count + character.utf8.count <= room else { break }
            kept.append(character)
        }
        return kept + hash + suffix
    }
}
