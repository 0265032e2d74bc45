import ArgumentParser
import Foundation
import ZonestatPipeline

/// Options of the load stage.
public struct LoadOptions: ParsableArguments {
    @Option(name: .customLong("csv-bom"), help: "Write CSV with a byte-order mark (Excel on Chinese Windows).")
    public var csvBOM: Bool = true

    @Flag(help: "Republish every period, not only those whose results changed.")
    public var force = false

    public init() {}
}

/// `zonestat load`: publishes the summaries, the written report and the HTML report.
public struct LoadCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Publish the tables (CSV, JSON), the written report and the HTML report of every period, atomically.",
        discussion: ExitCodes.help(ExitCodes.stage))

    @OptionGroup public var options: CommonOptions
    @OptionGroup public var load: LoadOptions

    public init() {}

    public func run() throws {
        try Runner.execute {
            _ = try LoadRunner.run(config: try options.loadConfig(), options: options, load: load)
        }
    }
}

/// `zonestat-load`: the same command as its own executable (the nightly job's last stage).
public struct LoadTool: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zonestat-load", abstract: LoadCommand.configuration.abstract, discussion: ExitCodes.help(ExitCodes.stage))

    @OptionGroup public var options: CommonOptions
    @OptionGroup public var load: LoadOptions

    public init() {}

    public func run() throws {
        var command = LoadCommand()
        command.options = options
        command.load = load
        try command.run()
    }
}

enum LoadRunner {
    static func run(config: PipelineConfig, options: CommonOptions, load: LoadOptions) throws -> LoadStage.Summary {
        var stage = LoadStage(
            config: config, workspace: Workspace(root: config.workspace), logger: options.logger("zonestat.load"))
        stage.csvBOM = load.csvBOM
        stage.force = load.force
        let summary = try options.announcingNewWorkspace(config) { try stage.run() }
        if !options.quiet {
            Terminal.print(summary.line + String(format: " (%.2f s)", summary.seconds))
            let periods = summary.periods.sorted().map(String.init(describing:))
            if let line = CountedList.line(
                "published", periods, limit: options.verbose ? Int.max : 12, seeing: "\(config.workspace)/out/")
            {
                Terminal.print(line)
            }
            if let headline = summary.headline { Terminal.print("\n" + headline + "\n") }
            if let folder = summary.latestFolder {
                Terminal.print("reports: \(folder)/report.md, \(folder)/report.html")
            }
        }
        return summary
    }
}

/// `zonestat run`: extract, transform and load in one process.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run extract, transform and load.", discussion: ExitCodes.help(ExitCodes.extract))

    @OptionGroup public var options: CommonOptions
    @OptionGroup public var transform: TransformOptions
    @OptionGroup public var load: LoadOptions
    @OptionGroup public var extract: ExtractOptions

    public init() {}

    public func run() throws {
        try Runner.execute {
            let config = extract.apply(to: try options.loadConfig())
            let extracted = try ExtractRunner.run(config: config, options: options)
            _ = try TransformRunner.run(config: config, options: options, transform: transform)
            _ = try LoadRunner.run(config: config, options: options, load: load)
            try extract.check(extracted)
        }
    }
}
