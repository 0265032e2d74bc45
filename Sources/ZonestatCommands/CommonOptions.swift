import ArgumentParser
import Foundation
import Logging
import ZonestatPipeline

/// Options every stage takes: which pipeline, which workspace, how much to say.
public struct CommonOptions: ParsableArguments {
    /// The pipeline file used when `--pipeline` is not given, relative to the current folder.
    static let defaultPipeline = "pipelines/default.yaml"

    @Option(name: .long, help: "The pipeline file (YAML).")
    public var pipeline: String = CommonOptions.defaultPipeline

    @Option(name: .long, help: "The workspace folder (overrides the pipeline file's).")
    public var workspace: String?

    @Flag(name: .shortAndLong, help: "Log every file and every problem.")
    public var verbose = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    public var quiet = false

    public init() {}

    /// The pipeline with the command line's overrides applied.
    func loadConfig() throws -> PipelineConfig {
        var config: PipelineConfig
        if pipeline == CommonOptions.defaultPipeline, !FileManager.default.fileExists(atPath: pipeline) {
            throw Failure(
                code: ExitCodes.badPipeline,
                message: "\(pipeline): cannot read: there is no such file in \(FileManager.default.currentDirectoryPath) — "
                    + "run from the project folder, or pass --pipeline PATH to the zone's pipeline file")
        }
        do {
            config = try PipelineConfig.load(path: pipeline)
        } catch {
            throw Failure(code: ExitCodes.badPipeline, message: "\(error)")
        }
        if let workspace {
            config.workspace = workspace.hasPrefix("/")
                ? workspace : FileManager.default.currentDirectoryPath + "/" + workspace
        }
        return config
    }

    /// Runs `body`, a stage on `config`'s workspace, and says so when the stage created the
    /// workspace (a new one is made only inside a folder that exists: ``Workspace/prepare()``).
    func announcingNewWorkspace<T>(_ config: PipelineConfig, _ body: () throws -> T) throws -> T {
        let existed = FileManager.default.fileExists(atPath: config.workspace)
        let result = try body()
        if !existed, FileManager.default.fileExists(atPath: config.workspace) {
            Terminal.print("created workspace \(config.workspace)")
        }
        return result
    }

    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = verbose ? .debug : quiet ? .error : .warning
        return logger
    }
}

/// A failure with its documented exit code, printed as one line to standard error.
struct Failure: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { message }
}
