import ZonestatCore

/// `manifest.json`: what went into a period's outputs and what came out, so that a reader can
/// check a file against its hash and trace a figure to the inputs behind it.
///
/// Inputs and outputs are sorted, so that two runs over the same inputs write the same
/// manifest apart from the run id and the times (outputs.md).
public struct Manifest: Sendable, Hashable {
    public var runID: String
    /// When the run started and ended, as the caller writes them (ISO 8601).
    public var startedAt: String
    public var finishedAt: String
    /// The software and its version: `zonestat 0.3.0`.
    public var software: String
    public var softwareVersion: String
    /// The pipeline file's name and the SHA-256 of its bytes.
    public var pipelineFile: String
    public var pipelineSHA256: String
    /// The period the manifest describes, nil for a manifest of the whole run.
    public var period: Period?
    public var inputs: [ManifestInput]
    public var outputs: [ManifestOutput]

    /// The version of the published files' layout and columns (outputs.md): 2 since the unit
    /// rows moved from indicators.csv/.json to units.csv. A tool reading the folders checks it.
    public static let contractVersion = 2

    public init(
        runID: String, startedAt: String, finishedAt: String, software: String = "zonestat", softwareVersion: String,
        pipelineFile: String, pipelineSHA256: String, period: Period?, inputs: [ManifestInput],
        outputs: [ManifestOutput]
    ) {
        self.runID = runID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.software = software
        self.softwareVersion = softwareVersion
        self.pipelineFile = pipelineFile
        self.pipelineSHA256 = pipelineSHA256
        self.period = period
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The manifest as JSON: keys in a fixed order, inputs by name then hash, outputs by path.
    public func json() -> [UInt8] {
        let sortedInputs = inputs.sorted { ($0.name, $0.sha256) < ($1.name, $1.sha256) }
        let sortedOutputs = outputs.sorted { $0.path < $1.path }
        let value = JSONValue.object([
            JSONMember("run_id", .string(runID)),
            JSONMember("started_at", .string(startedAt)),
            JSONMember("finished_at", .string(finishedAt)),
            JSONMember("software", .object([
                JSONMember("name", .string(software)), JSONMember("version", .string(softwareVersion)),
            ])),
            JSONMember("contract_version", .number(String(Manifest.contractVersion))),
            JSONMember("pipeline", .object([
                JSONMember("file", .string(pipelineFile)), JSONMember("sha256", .string(pipelineSHA256)),
            ])),
            JSONMember("period", period.map { .string($0.description) } ?? .null),
            JSONMember("inputs", .array(sortedInputs.map(\.json))),
            JSONMember("outputs", .array(sortedOutputs.map(\.json))),
        ])
        return Array((value.rendered() + "\n").utf8)
    }
}
