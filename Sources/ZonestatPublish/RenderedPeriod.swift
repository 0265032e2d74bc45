import ZonestatCore

/// A period folder's files before its manifest: rendering them and hashing them for the
/// manifest are separate steps, so that a caller can hash and stage one folder while it
/// renders the next.
public struct RenderedPeriod: Sendable, Hashable {
    public var period: Period
    /// Every file but `manifest.json`, by name.
    public var files: [String: [UInt8]]
    /// Data rows of the table files, by name.
    public var rows: [String: Int]

    public init(period: Period, files: [String: [UInt8]], rows: [String: Int]) {
        self.period = period
        self.files = files
        self.rows = rows
    }

    /// The folder: these files and `manifest.json`, whose outputs list every file's hash and
    /// rows after `manifest`'s own outputs; `manifest` supplies the run's details and inputs.
    public func folder(manifest: Manifest) -> PublishedFolder {
        var periodManifest = manifest
        periodManifest.period = period
        periodManifest.outputs = files.keys.sorted().map { name in
            ManifestOutput(path: "\(period)/\(name)", bytes: files[name] ?? [], rows: rows[name])
        } + manifest.outputs
        var folderFiles = files
        folderFiles["manifest.json"] = periodManifest.json()
        return PublishedFolder(name: period.description, files: folderFiles)
    }
}
