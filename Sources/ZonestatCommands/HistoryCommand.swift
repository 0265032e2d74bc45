import ArgumentParser
import Foundation
import ZonestatCore
import ZonestatPipeline

/// How `zonestat history` writes what it found.
public enum HistoryFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Aligned columns with Chinese heads, for people.
    case table
    /// CSV (UTF-8, no byte-order mark), columns as outputs.md lists them, for tools.
    case csv
}

/// `zonestat history`: every vintage of one unit's values, and which one is current.
public struct HistoryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every vintage of a unit's values — what each file said, from which line, in which run — and which is current.",
        discussion: ExitCodes.help(
            ExitCodes.stage,
            extra: [ExitCodes.usage: "an unknown --unit or --indicator"]))

    @OptionGroup public var options: CommonOptions

    @Option(help: "The unit's unified social credit code (统一社会信用代码).")
    public var unit: String

    @Option(help: "Only this period (YYYY-MM).")
    public var period: String?

    @Option(help: "Only this indicator: its id in the pipeline file (output_value, tax, …).")
    public var indicator: String?

    @Option(help: "table (for people) or csv (for tools).")
    public var format: HistoryFormat = .table

    public init() {}

    public func validate() throws {
        if let period, HistoryCommand.period(period) == nil {
            throw ValidationError("--period \(period): expected YYYY-MM, such as 2023-04")
        }
    }

    /// `2023-04` → the period, nil for anything else.
    static func period(_ text: String) -> Period? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1])
        else { return nil }
        return Period(year: year, month: month)
    }

    public func run() throws {
        try Runner.execute {
            let config = try options.loadConfig()
            if let indicator, config.indicator(indicator) == nil {
                throw Failure(
                    code: ExitCodes.usage,
                    message: "--indicator \(indicator): no such indicator in \(options.pipeline) — use one of "
                        + config.indicators.map(\.id).joined(separator: ", "))
            }
            let workspace = Workspace(root: config.workspace)
            guard FileManager.default.fileExists(atPath: workspace.warehouse) || FileManager.default.fileExists(atPath: workspace.archive)
            else {
                throw Failure(
                    code: ExitCodes.ioFailure,
                    message: "\(workspace.root): no workspace here — give the one extract writes to with --workspace")
            }
            let lock = try WorkspaceLock(path: workspace.lockFile)
            defer { lock.release() }
            let warehouse = try Warehouse.open(checking: workspace)
            let code = unit.trimmingCharacters(in: .whitespaces).uppercased()
            guard
                let history = try UnitHistory.read(
                    warehouse, creditCode: code, period: period.flatMap(HistoryCommand.period), indicator: indicator)
            else {
                throw Failure(
                    code: ExitCodes.usage,
                    message: "--unit \(unit): no file ingested names a unit with this credit code — check the 18 characters "
                        + "against the files (zonestat history shows only ingested values)")
            }
            switch format {
            case .table: Terminal.write(Array(history.text(indicators: config.indicators).utf8))
            case .csv: Terminal.write(history.table(indicators: config.indicators).csv(bom: false))
            }
        }
    }
}
