import ArgumentParser
import Foundation
import ZonestatPipeline

/// `zonestat extract`: takes the inbox into the warehouse.
public struct ExtractCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Take every complete inbox file into the warehouse; quarantine the ones that can't be read.",
        discussion: ExitCodes.help)

    @OptionGroup public var options: CommonOptions

    @Flag(help: "Exit with code 6 when any file was quarantined (for alerting).")
    public var strict = false

    @Option(help: "Seconds a file must be unmodified before it is taken (overrides the pipeline file).")
    public var settleSeconds: Double?

    public init() {}

    public func run() throws {
        try Runner.execute {
            var config = try options.loadConfig()
            if let settleSeconds { config.settleSeconds = settleSeconds }
            let summary = try ExtractRunner.run(config: config, options: options)
            if strict, summary.quarantined > 0 { throw ExitCode(ExitCodes.quarantined) }
        }
    }
}

/// `zonestat-extract`: the same command as its own executable (the nightly job's first stage).
public struct ExtractTool: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zonestat-extract",
        abstract: ExtractCommand.configuration.abstract,
        discussion: ExitCodes.help)

    @OptionGroup public var options: CommonOptions

    @Flag(help: "Exit with code 6 when any file was quarantined (for alerting).")
    public var strict = false

    @Option(help: "Seconds a file must be unmodified before it is taken (overrides the pipeline file).")
    public var settleSeconds: Double?

    public init() {}

    public func run() throws {
        var command = ExtractCommand()
        command.options = options
        command.strict = strict
        command.settleSeconds = settleSeconds
        try command.run()
    }
}
