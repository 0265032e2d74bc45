/// One folder a run publishes (a period, `2023-04`) with its files, name → bytes.
public struct PublishedFolder: Sendable, Hashable {
    /// The folder's name under the output root: `2023-04`.
    public var name: String
    /// The files, by name (no folders inside): `indicators.csv` → bytes.
    public var files: [String: [UInt8]]

    public init(name: String, files: [String: [UInt8]]) {
        self.name = name
        self.files = files
    }
}

/// Everything one run publishes: the period folders and the files at the top of the output
/// root (`series.csv`). ``Publisher`` puts it all in place or leaves the previous run's.
public struct Publication: Sendable, Hashable {
    public var folders: [PublishedFolder]
    /// Files directly under the output root, by name: `series.csv` → bytes.
    public var topLevelFiles: [String: [UInt8]]

    public init(folders: [PublishedFolder], topLevelFiles: [String: [UInt8]] = [:]) {
        self.folders = folders
        self.topLevelFiles = topLevelFiles
    }
}
