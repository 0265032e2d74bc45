import Foundation
import Yams
import ZonestatCore

/// A pipeline file that cannot be used, and why.
public enum ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read the pipeline file: \(reason)"
        case .invalid(let path, let reason):
            "\(path): invalid pipeline file: \(reason) — compare with pipelines/default.yaml"
        }
    }
}

extension PipelineConfig {
    /// Reads a pipeline file; a relative `workspace` is resolved against the file's folder.
    public static func load(path: String) throws(ConfigError) -> PipelineConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        var config = try parse(yaml: text, path: path)
        config.source = (path, SHA256.hexDigest(SHA256.digest(Array(text.utf8))))
        if !config.workspace.hasPrefix("/") {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            config.workspace = folder.appendingPathComponent(config.workspace).standardized.path
        }
        return config
    }

    /// Parses a pipeline file's text; `path` only names it in errors.
    public static func parse(yaml text: String, path: String = "<pipeline>") throws(ConfigError)
        -> PipelineConfig
    {
        let file: PipelineFile
        do {
            file = try YAMLDecoder().decode(PipelineFile.self, from: text)
        } catch {
            throw .invalid(path: path, reason: PipelineFileError.describe(error, yaml: text))
        }
        return try file.config(path: path)
    }
}

/// The pipeline file as written in YAML.
struct PipelineFile: Decodable {
    struct Input: Decodable {
        var settleSeconds: Double?
        var defaultUnit: String?
        var jumpFactor: Int?
        var ytdToleranceYuan: Int64?
        var parallelFiles: Int?
        var corrections: String?
        enum CodingKeys: String, CodingKey {
            case settleSeconds = "settle_seconds", defaultUnit = "default_unit"
            case jumpFactor = "jump_factor", ytdToleranceYuan = "ytd_tolerance_yuan"
            case parallelFiles = "parallel_files", corrections
        }
    }
    struct Indicator: Decodable {
        var id: String
        var name: String
        var aliases: [String]?
        var unit: String?
        var displayUnit: String?
        var displayPrecision: Int?
        var mergeJanFeb: Bool?
        var subsetOf: String?
        var keyUnits: Int?
        enum CodingKeys: String, CodingKey {
            case id, name, aliases, unit
            case displayUnit = "display_unit", displayPrecision = "display_precision"
            case mergeJanFeb = "merge_jan_feb", subsetOf = "subset_of", keyUnits = "key_units"
        }
    }
    struct Aliases: Decodable {
        var fields: [String: [String]]?
        var bases: [String: [String]]?
    }

    var zone: String
    var workspace: String?
    var input: Input?
    var indicators: [Indicator]?
    var headerAliases: Aliases?
    var corrections: String?

    enum CodingKeys: String, CodingKey {
        case zone, workspace, input, indicators, corrections
        case headerAliases = "header_aliases"
    }

    func config(path: String) throws(ConfigError) -> PipelineConfig {
        func unit(_ label: String?, _ fallback: MoneyUnit, _ what: String) throws(ConfigError) -> MoneyUnit {
            guard let label else { return fallback }
            guard let unit = MoneyUnit(label: label) else {
                throw .invalid(path: path, reason: "\(what): unknown unit \"\(label)\" (元, 千元, 万元 or 亿元)")
            }
            return unit
        }
        var indicators: [IndicatorSpec] = IndicatorSpec.defaults
        if let declared = self.indicators {
            indicators = []
            for entry in declared {
                let fallback = IndicatorSpec.defaults.first { $0.id == entry.id }
                let spec = IndicatorSpec(
                    id: entry.id, name: entry.name,
                    aliases: entry.aliases ?? fallback?.aliases ?? [entry.name],
                    unit: try unit(entry.unit, .tenThousandYuan, "indicator \(entry.id) unit"),
                    displayUnit: try unit(entry.displayUnit, .hundredMillionYuan, "indicator \(entry.id) display_unit"),
                    displayPrecision: entry.displayPrecision ?? fallback?.displayPrecision ?? 1,
                    mergeJanFeb: entry.mergeJanFeb ?? fallback?.mergeJanFeb ?? true,
                    subsetOf: entry.subsetOf ?? fallback?.subsetOf,
                    keyUnits: entry.keyUnits ?? fallback?.keyUnits ?? 0)
                guard !indicators.contains(where: { $0.id == spec.id }) else {
                    throw .invalid(path: path, reason: "indicator \(spec.id) is declared twice")
                }
                guard (0...6).contains(spec.displayPrecision) else {
                    throw .invalid(path: path, reason: "indicator \(spec.id): display_precision must be 0 to 6")
                }
                guard (0...100).contains(spec.keyUnits) else {
                    throw .invalid(path: path, reason: "indicator \(spec.id): key_units must be 0 to 100")
                }
                indicators.append(spec)
            }
            for spec in indicators {
                if let parent = spec.subsetOf, !indicators.contains(where: { $0.id == parent }) {
                    throw .invalid(path: path, reason: "indicator \(spec.id): subset_of \(parent) is not declared")
                }
            }
        }
        var aliases = HeaderAliases.defaults
        if let extra = headerAliases {
            for key in (extra.bases ?? [:]).keys where Basis(id: key) == nil {
                throw .invalid(path: path, reason: "header_aliases.bases: unknown basis \(key)")
            }
            aliases = aliases.merging(HeaderAliases(fields: extra.fields ?? [:], bases: extra.bases ?? [:]))
        }
        let tolerance = input?.ytdToleranceYuan ?? 100
        var corrections = CorrectionPolicy.byName
        if let text = self.corrections ?? input?.corrections {
            guard let policy = CorrectionPolicy(rawValue: text) else {
                throw .invalid(
                    path: path,
                    reason: "corrections: \"\(text)\" is not a policy (by_name: only files named 更正/修订/修正/订正 "
                        + "may change held values; accept_all: every file may)")
            }
            corrections = policy
        }
        return PipelineConfig(
            zoneName: zone, workspace: workspace ?? "workspace", indicators: indicators, aliases: aliases,
            settleSeconds: input?.settleSeconds ?? 60,
            defaultInputUnit: try unit(input?.defaultUnit, .tenThousandYuan, "input.default_unit"),
            jumpFactor: input?.jumpFactor ?? 10,
            ytdTolerance: Amount(raw: tolerance * Amount.rawPerYuan),
            parallelFiles: input?.parallelFiles ?? 0, corrections: corrections)
    }
}
