import ZonestatCore

/// A period folder's files before its manifest: rendering them and hashing them for the
/// manifest are separate steps, so that a caller can hash and stage one folder while it
/// renders the next. The large files (units.csv, tables.xlsx) may already be written into
/// the run's generation (``PeriodFiles/files(_:bom:staging:)``): then only their hashes are here.
public struct RenderedPeriod: Sendable, Hashable {
    public var period: Period
    /// Every file but `manifest.json` and the staged ones, by name.
    public var files: [String: [UInt8]]
    /// The files already written into the run's generation, by name: their SHA-256 (hex).
    public var staged: [String: String]
    /// Data rows of the table files, by name.
    public var rows: [String: Int]

    public init(period: Period, files: [String: [UInt8]], staged: [String: String] = [:], rows: [String: Int]) {
        self.period = period
        self.files = files
        self.staged = staged
        self.rows = rows
    }

    /// How many files the folder has, its manifest included.
    public var fileCount: Int { files.count + staged.count + 1 }

    /// The folder: these files and `manifest.json`, whose outputs list every file's hash and
    /// rows (the staged files' too) after `manifest`'s own outputs; `manifest` supplies the
    /// run's details and inputs.
    public func folder(manifest: Manifest) -> PublishedFolder {
        var periodManifest = manifest
        periodManifest.period = period
        periodManifest.outputs = Set(files.keys).union(staged.keys).sorted().map { name in
            if let sha256 = staged[name] {
                return ManifestOutput(path: "\(period)/\(name)", rows: rows[name], sha256: sha256)
            }
            return ManifestOutput(path: "\(period)/\(name)", bytes: files[name] ?? [], rows: rows[name])
        } + manifest.outputs
        var folderFiles = files
        folderFiles["manifest.json"] = periodManifest.json()
        return PublishedFolder(name: period.description, files: folderFiles)
    }
}
