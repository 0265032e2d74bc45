import Foundation
import ZonestatCore
import ZonestatPipeline

/// Runs the extract stage for a command and says what it did.
enum ExtractRunner {
    static func run(config: PipelineConfig, options: CommonOptions) throws -> ExtractSummary {
        var stage = ExtractStage(
            config: config, workspace: Workspace(root: config.workspace), logger: options.logger("zonestat.extract"))
        if Terminal.isInteractive, !options.quiet {
            let tally = ProgressTally()
            stage.progress = { result, done, total in
                let (bytes, rows) = tally.add(result)
                Terminal.progress(
                    "extract: \(done)/\(total) files, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB, "
                        + "\(rows) rows — \(EscapedText.escaping(result.name))")
            }
        }
        let summary = try options.announcingNewWorkspace(config) { try stage.run() }
        if Terminal.isInteractive { Terminal.endProgress() }
        if !options.quiet { report(summary, workspace: config.workspace, verbose: options.verbose) }
        return summary
    }

    /// The summary: one line, then what needs the analyst's attention.
    static func report(_ summary: ExtractSummary, workspace: String, verbose: Bool) {
        let megabytes = Double(summary.bytes) / 1_048_576
        Terminal.print(summary.line + String(format: " (%.1f MB in %.2f s)", megabytes, summary.seconds))
        let ingested = summary.results.compactMap { result -> String? in
            if case .ingested = result.outcome { result.name } else { nil }
        }
        if let line = CountedList.line(
            "ingested", ingested, limit: verbose ? Int.max : 5, seeing: "\(workspace)/archive/ledger.csv")
        {
            Terminal.print(line)
        }
        for result in summary.results {
            switch result.outcome {
            case .quarantined(let errors, let report):
                Terminal.print("  quarantined \(EscapedText.escaping(result.name)): \(errors) error(s), see \(EscapedText.escaping(workspace + "/" + report))")
                let shown = verbose ? errors : min(errors, 3)
                for problem in result.problems.filter(\.isError).prefix(shown) {
                    Terminal.print("    \(problem)")
                }
                if errors > shown { Terminal.print("    … and \(errors - shown) more (see \(workspace)/\(report))") }
            case .ingested(_, let warnings) where warnings > 0:
                Terminal.print("  \(EscapedText.escaping(result.name)): \(warnings) warning(s)")
                let shown = verbose ? warnings : min(warnings, 2)
                for problem in result.problems.prefix(shown) { Terminal.print("    \(problem)") }
                if warnings > shown {
                    Terminal.print("    … and \(warnings - shown) more (see \(warningsFile(result, workspace: workspace)), or run with -v)")
                }
            case .duplicate(let original):
                Terminal.print("  \(EscapedText.escaping(result.name)): same content as \(EscapedText.escaping(original)), already ingested — archived only")
            default:
                break
            }
            if verbose { FooterListing.print(result.footer, of: result.name) }
        }
        for (name, reason) in summary.skipped.sorted(by: { $0.key < $1.key }) {
            let why = summary.details[name].map { "\(reason.rawValue): \($0)" } ?? reason.rawValue
            let left = reason.isWaiting ? "left in the inbox for a later run" : "left in the inbox"
            Terminal.print("  \(left): \(EscapedText.escaping(name)) (\(why))")
        }
    }
}

extension ExtractRunner {
    /// Where an ingested file's warnings are listed once load has published its period:
    /// `out/<period>/warnings.csv` (`out/<period>/` when they span several periods).
    static func warningsFile(_ result: FileResult, workspace: String) -> String {
        let periods = Set(result.problems.compactMap(\.period))
        guard periods.count == 1, let key = periods.first else { return "warnings.csv in \(workspace)/out/<period>/ after load" }
        let period = String(format: "%04d-%02d", key / 100, key % 100)
        return "\(workspace)/out/\(period)/warnings.csv after load"
    }
}

/// Running totals for the progress line; `@unchecked Sendable`: guarded by `lock`.
final class ProgressTally: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = 0
    private var rows = 0

    func add(_ result: FileResult) -> (Int, Int) {
        lock.lock()
        defer { lock.unlock() }
        bytes += result.bytes
        rows += result.rows
        return (bytes, rows)
    }
}
