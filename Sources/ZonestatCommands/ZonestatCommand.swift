import ArgumentParser
import ZonestatPipeline

/// `zonestat`: the zone statistics pipeline, one subcommand per stage.
public struct ZonestatCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zonestat",
        abstract: "Exact official statistics for an economic development zone, from the files analysts drop.",
        discussion: ExitCodes.help(ExitCodes.all),
        version: ZonestatVersion.current,
        subcommands: [ExtractCommand.self, TransformCommand.self, LoadCommand.self, RunCommand.self, HistoryCommand.self, RebuildCommand.self])

    public init() {}
}

