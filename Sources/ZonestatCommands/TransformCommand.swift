import ArgumentParser
import Foundation
import ZonestatPipeline

/// Options of the transform stage, shared by `zonestat transform` and `zonestat-transform`.
public struct TransformOptions: ParsableArguments {
    @Flag(help: "Recompute every period, not only those whose inputs changed.")
    public var full = false

    @Option(help: "Threads for the compute core (0: one per core).")
    public var threads: Int = 0

    public init() {}

    public func validate() throws {
        guard threads >= 0 else { throw ValidationError("--threads must be 0 (one per core) or more") }
    }
}

/// `zonestat transform`: computes the figures from the warehouse's current facts.
public struct TransformCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "transform",
        abstract: "Compute year-to-date values, same-caliber growth, targets, contributions and the roster.",
        discussion: ExitCodes.help(ExitCodes.stage))

    @OptionGroup public var options: CommonOptions
    @OptionGroup public var transform: TransformOptions

    public init() {}

    public func run() throws {
        try Runner.execute {
            let config = try options.loadConfig()
            _ = try TransformRunner.run(config: config, options: options, transform: transform)
        }
    }
}

/// `zonestat-transform`: the same command as its own executable (the nightly job's second stage).
public struct TransformTool: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zonestat-transform", abstract: TransformCommand.configuration.abstract, discussion: ExitCodes.help(ExitCodes.stage))

    @OptionGroup public var options: CommonOptions
    @OptionGroup public var transform: TransformOptions

    public init() {}

    public func run() throws {
        var command = TransformCommand()
        command.options = options
        command.transform = transform
        try command.run()
    }
}

enum TransformRunner {
    static func run(config: PipelineConfig, options: CommonOptions, transform: TransformOptions) throws
        -> TransformStage.Summary
    {
        let stage = TransformStage(
            config: config, workspace: Workspace(root: config.workspace), logger: options.logger("zonestat.transform"),
            threads: transform.threads)
        let summary = try options.announcingNewWorkspace(config) { try stage.run(full: transform.full) }
        if !options.quiet {
            Terminal.print(summary.line + String(format: " (%.2f s)", summary.seconds))
            let periods = summary.full ? [] : summary.computed.sorted().map(String.init(describing:))
            if let line = CountedList.line(
                "recomputed", periods, limit: options.verbose ? Int.max : 12, seeing: "\(config.workspace)/out/")
            {
                Terminal.print(line)
            }
            if summary.warnings > 0 {
                Terminal.print("  … the \(summary.warnings) warning(s) are listed in warnings.csv of each period in \(config.workspace)/out/ after load")
            }
        }
        return summary
    }
}
