import ZonestatCore

/// One input file that contributed to a run, as the manifest lists it.
public struct ManifestInput: Sendable, Hashable {
    /// Whether the file's rows went into the figures.
    public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
        case accepted
        /// Rejected whole (its problems are in `warnings.csv` and the run's summary).
        case quarantined
    }

    /// The file's name as dropped in the inbox.
    public var name: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    /// The text encoding it was read in (`utf-8`, `gb18030`).
    public var encoding: String
    /// The kind of file (`wide`, `long`, `targets`).
    public var kind: String
    /// Data rows read.
    public var rows: Int
    /// The periods its rows belong to.
    public var periods: [Period]
    public var status: Status

    public init(
        name: String, sha256: String, encoding: String, kind: String, rows: Int, periods: [Period],
        status: Status = .accepted
    ) {
        self.name = name
        self.sha256 = sha256
        self.encoding = encoding
        self.kind = kind
        self.rows = rows
        self.periods = periods
        self.status = status
    }

    /// The input with its hash computed from `bytes`.
    public init(
        name: String, bytes: [UInt8], encoding: String, kind: String, rows: Int, periods: [Period],
        status: Status = .accepted
    ) {
        self.init(
            name: name, sha256: SHA256.hexDigest(SHA256.digest(bytes)), encoding: encoding, kind: kind, rows: rows,
            periods: periods, status: status)
    }

    var json: JSONValue {
        .object([
            JSONMember("name", .string(name)), JSONMember("sha256", .string(sha256)),
            JSONMember("encoding", .string(encoding)), JSONMember("kind", .string(kind)),
            JSONMember("rows", .number(String(rows))),
            JSONMember("periods", .array(Set(periods).sorted().map { .string($0.description) })),
            JSONMember("status", .string(status.rawValue)),
        ])
    }
}
