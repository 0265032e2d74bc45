import ZonestatCore

/// One zone's pipeline: where its workspace is, what its indicators are, and how its inbox is read.
///
/// Loaded from a YAML pipeline file (`pipelines/default.yaml`); every path can be overridden on
/// the command line.
public struct PipelineConfig: Sendable, Hashable {
    /// The zone's name as reports show it (XX经济开发区).
    public var zoneName: String
    /// The workspace folder (inbox, archive, quarantine, warehouse, out).
    public var workspace: String
    /// The indicators, in report order.
    public var indicators: [IndicatorSpec]
    /// Header aliases: inputs.md's defaults plus the pipeline file's additions.
    public var aliases: HeaderAliases
    /// Seconds a file must be left unmodified before it is taken (a copy may still be running).
    public var settleSeconds: Double
    /// The unit of amounts in a file that states none (that file gets a warning).
    public var defaultInputUnit: MoneyUnit
    /// A month value this many times the previous month's (or less than its reciprocal) is a warning.
    public var jumpFactor: Int
    /// How far a reported month may differ from ytd(N) − ytd(N−1) before it is a warning.
    public var ytdTolerance: Amount
    /// Files parsed at once (0: one per core).
    public var parallelFiles: Int
    /// Which files may change values already held.
    public var corrections: CorrectionPolicy
    /// The pipeline file this configuration was read from, and its SHA-256 (for manifests).
    public var source: (path: String, sha256: String)? {
        get { sourcePath.map { ($0, sourceSHA256) } }
        set {
            sourcePath = newValue?.path
            sourceSHA256 = newValue?.sha256 ?? ""
        }
    }
    private var sourcePath: String?
    private var sourceSHA256 = ""

    public init(
        zoneName: String, workspace: String, indicators: [IndicatorSpec] = IndicatorSpec.defaults,
        aliases: HeaderAliases = .defaults, settleSeconds: Double = 60,
        defaultInputUnit: MoneyUnit = .tenThousandYuan, jumpFactor: Int = 10,
        ytdTolerance: Amount = Amount(raw: 100 * Amount.rawPerYuan), parallelFiles: Int = 0,
        corrections: CorrectionPolicy = .byName
    ) {
        self.zoneName = zoneName
        self.workspace = workspace
        self.indicators = indicators
        self.aliases = aliases
        self.settleSeconds = settleSeconds
        self.defaultInputUnit = defaultInputUnit
        self.jumpFactor = jumpFactor
        self.ytdTolerance = ytdTolerance
        self.parallelFiles = parallelFiles
        self.corrections = corrections
    }

    /// Indicator id → the indicator it is a subset of, for those that are.
    public var subsetParents: [String: String] {
        Dictionary(uniqueKeysWithValues: indicators.compactMap { spec in spec.subsetOf.map { (spec.id, $0) } })
    }

    /// The indicator with this id.
    public func indicator(_ id: String) -> IndicatorSpec? { indicators.first { $0.id == id } }
}
