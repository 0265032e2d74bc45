import ZonestatCore

/// One file a run published, as the manifest lists it: its path under the output folder, its
/// data rows (tables only) and its hash.
public struct ManifestOutput: Sendable, Hashable {
    /// The path relative to the output root: `2023-04/indicators.csv`, `series.csv`.
    public var path: String
    /// Data rows, without the header; nil for files that are not tables (report, HTML).
    public var rows: Int?
    /// Lowercase hex SHA-256 of the bytes published.
    public var sha256: String

    public init(path: String, rows: Int?, sha256: String) {
        self.path = path
        self.rows = rows
        self.sha256 = sha256
    }

    /// The output with its hash computed from the `bytes` that are published.
    public init(path: String, bytes: [UInt8], rows: Int?) {
        self.init(path: path, rows: rows, sha256: SHA256.hexDigest(SHA256.digest(bytes)))
    }

    var json: JSONValue {
        .object([
            JSONMember("path", .string(path)), JSONMember("rows", rows.map { .number(String($0)) } ?? .null),
            JSONMember("sha256", .string(sha256)),
        ])
    }
}
