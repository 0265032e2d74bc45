import ArgumentParser
import Foundation
import ZonestatPipeline

/// `zonestat-extract --check FILE…`: checks files without a workspace and says what it found.
enum CheckRunner {
    /// Problems listed per file without `-v`.
    static let listed = 5

    /// Prints a line per file, its problems (all with `-v`, else the first ``listed`` and how
    /// many more), and a total. Exits 4 when some file cannot be read, 6 when some file would
    /// be quarantined.
    static func run(paths: [String], config: PipelineConfig, options: CommonOptions) throws {
        let started = Date()
        // Given a workspace, values are also checked against those its warehouse holds.
        var warehouse: Warehouse?
        if options.workspace != nil {
            let path = Workspace(root: config.workspace).warehouse
            if FileManager.default.fileExists(atPath: path) { warehouse = try? Warehouse(path: path) }
        }
        let results = FileCheck.run(paths: paths, config: config, parallel: config.parallelFiles, warehouse: warehouse)
        let seconds = Date().timeIntervalSince(started)
        for result in results {
            if let failure = result.readFailure {
                Terminal.print("\(result.path): cannot read: \(CheckRunner.reason(failure))")
                continue
            }
            let verdict = result.errors > 0 ? "would be quarantined" : "would be ingested"
            Terminal.print(
                "\(result.path): \(verdict) — \(result.kind.map(\.rawValue) ?? "unrecognised") file, \(result.encoding), "
                    + "\(result.rows) rows, \(result.units) units, \(result.facts) values; "
                    + "\(result.errors) error(s), \(result.warnings) warning(s)")
            guard !options.quiet else { continue }
            if options.verbose { FooterListing.print(result.footer, of: result.path) }
            let shown = options.verbose ? result.problems.count : min(result.problems.count, listed)
            for problem in result.problems.prefix(shown) {
                Terminal.print("    \(problem)")
            }
            let more = result.errors + result.warnings - shown
            if more > 0 {
                Terminal.print(
                    options.verbose
                        ? "    … and \(more) more (not kept: fix the ones above and check again)"
                        : "    … and \(more) more (see them all: zonestat-extract --check -v \(result.path))")
            }
        }
        let bytes = results.reduce(0) { $0 + $1.bytes }
        let unreadable = results.count { $0.readFailure != nil }
        let rejected = results.count { $0.readFailure == nil && $0.wouldBeQuarantined }
        Terminal.print(
            "check: \(results.count) file(s), \(rejected) would be quarantined"
                + (unreadable > 0 ? ", \(unreadable) cannot be read" : "") + "; "
                + String(format: "%.1f MB in %.2f s (%.0f MB/s)", Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / max(seconds, 1e-9)))
        if unreadable > 0 { throw ExitCode(ExitCodes.ioFailure) }
        if rejected > 0 { throw ExitCode(ExitCodes.quarantined) }
    }

    /// Why a file cannot be read, without the path the line already names.
    private static func reason(_ failure: WorkspaceError) -> String {
        if case .io(_, _, let reason) = failure { return reason }
        return "\(failure)"
    }
}
