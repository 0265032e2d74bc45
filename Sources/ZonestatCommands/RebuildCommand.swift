import ArgumentParser
import Foundation
import ZonestatPipeline

/// `zonestat rebuild`: a new warehouse from archive/, after the old one was lost or damaged.
public struct RebuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild a lost or damaged warehouse: re-ingest archive/ in its original order from archive/ledger.csv, "
            + "recompute and republish every period. The damaged warehouse is kept, renamed.",
        discussion: ExitCodes.help(ExitCodes.stage))

    @OptionGroup public var options: CommonOptions

    @Option(name: .customLong("csv-bom"), help: "Write CSV with a byte-order mark (as zonestat load).")
    public var csvBOM: Bool = true

    @Option(help: "Threads for the compute core (0: one per core).")
    public var threads: Int = 0

    public init() {}

    public func validate() throws {
        guard threads >= 0 else { throw ValidationError("--threads must be 0 (one per core) or more") }
    }

    public func run() throws {
        try Runner.execute {
            let config = try options.loadConfig()
            var stage = RebuildStage(
                config: config, workspace: Workspace(root: config.workspace), logger: options.logger("zonestat.rebuild"))
            stage.csvBOM = csvBOM
            stage.threads = threads
            let summary = try options.announcingNewWorkspace(config) { try stage.run() }
            if !options.quiet {
                Terminal.print(summary.line)
                Terminal.print(summary.transform.line)
                Terminal.print(summary.load.line + String(format: " (%.2f s in all)", summary.seconds))
            }
        }
    }
}
