import ArgumentParser
import Foundation
import ZonestatPipeline

/// Options of the extract stage, shared by `zonestat extract`, `zonestat-extract` and `zonestat run`.
public struct ExtractOptions: ParsableArguments {
    @Flag(help: "Exit with code 6 when any file was quarantined (for alerting).")
    public var strict = false

    @Option(help: "Seconds a file must be unmodified before it is taken (overrides the pipeline file).")
    public var settleSeconds: Double?

    public init() {}

    public func validate() throws {
        if let settleSeconds, settleSeconds < 0 { throw ValidationError("--settle-seconds must be 0 or more") }
    }

    /// The pipeline with these options applied.
    func apply(to config: PipelineConfig) -> PipelineConfig {
        var config = config
        if let settleSeconds { config.settleSeconds = settleSeconds }
        return config
    }

    /// Exit code 6 under `--strict` when a file was quarantined.
    func check(_ summary: ExtractSummary) throws {
        if strict, summary.quarantined > 0 { throw ExitCode(ExitCodes.quarantined) }
    }
}

/// `zonestat extract`: takes the inbox into the warehouse.
public struct ExtractCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Take every complete inbox file into the warehouse; quarantine the ones that can't be read.",
        discussion: ExitCodes.help(ExitCodes.extract))

    @OptionGroup public var options: CommonOptions
    @OptionGroup public var extract: ExtractOptions

    static let checkHelp = ArgumentHelp(
        "Only check the files given, as extract would read each on its own, and say what is wrong; the workspace is "
            + "not touched. Exit code 6 when some file would be quarantined, 4 when one cannot be read.")

    @Flag(help: ExtractCommand.checkHelp)
    public var check = false

    @Argument(help: ArgumentHelp("The files to check (with --check).", valueName: "file"))
    public var files: [String] = []

    public init() {}

    public func validate() throws {
        if check, files.isEmpty { throw ValidationError("--check needs the files to check: --check FILE…") }
        if !check, !files.isEmpty {
            throw ValidationError("files are given only to --check (extract takes the workspace's inbox): --check \(files[0])")
        }
    }

    public func run() throws {
        try Runner.execute {
            let config = extract.apply(to: try options.loadConfig())
            guard !check else {
                try CheckRunner.run(paths: files, config: config, options: options)
                return
            }
            try extract.check(try ExtractRunner.run(config: config, options: options))
        }
    }
}

/// `zonestat-extract`: the same command as its own executable (the nightly job's first stage).
public struct ExtractTool: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zonestat-extract", abstract: ExtractCommand.configuration.abstract, discussion: ExitCodes.help(ExitCodes.extract))

    @OptionGroup public var options: CommonOptions
    @OptionGroup public var extract: ExtractOptions

    @Flag(help: ExtractCommand.checkHelp)
    public var check = false

    @Argument(help: ArgumentHelp("The files to check (with --check).", valueName: "file"))
    public var files: [String] = []

    public init() {}

    public func validate() throws {
        var command = ExtractCommand()
        command.check = check
        command.files = files
        try command.validate()
    }

    public func run() throws {
        var command = ExtractCommand()
        command.options = options
        command.extract = extract
        command.check = check
        command.files = files
        try command.run()
    }
}
