import ArgumentParser
import Foundation
import Logging
import ZonestatPipeline

/// Options every stage takes: which pipeline, which workspace, how much to say.
public struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline file (YAML).")
    public var pipeline: String = "pipelines/default.yaml"

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
