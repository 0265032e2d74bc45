import Foundation
import ZonestatPipeline

/// `zonestat-extract --check FILE…`: checks files without a workspace and says what it found.
enum CheckRunner {
    /// Prints a line per file, its first problems, and a total; false when some file would be
    /// quarantined.
    static func run(paths: [String], config: PipelineConfig, options: CommonOptions) -> Bool {
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
                Terminal.print("\(result.path): cannot be read: \(failure)")
                continue
            }
            let verdict = result.errors > 0 ? "would be quarantined" : "would be ingested"
            Terminal.print(
                "\(result.path): \(verdict) — \(result.kind.map(\.rawValue) ?? "unrecognised") file, \(result.encoding), "
                    + "\(result.rows) rows, \(result.units) units, \(result.facts) values; "
                    + "\(result.errors) error(s), \(result.warnings) warning(s)")
            guard !options.quiet else { continue }
            if options.verbose { FooterListing.print(result.footer, of: result.path) }
            for problem in result.problems.prefix(options.verbose ? FileCheck.shownProblems : 5) {
                Terminal.print("    \(problem)")
            }
            let shown = min(result.problems.count, options.verbose ? FileCheck.shownProblems : 5)
            if result.errors + result.warnings > shown {
                Terminal.print("    … and \(result.errors + result.warnings - shown) more")
            }
        }
        let bytes = results.reduce(0) { $0 + $1.bytes }
        let rejected = results.count(where: \.wouldBeQuarantined)
        Terminal.print(
            "check: \(results.count) file(s), \(rejected) would be quarantined; "
                + String(format: "%.1f MB in %.2f s (%.0f MB/s)", Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / max(seconds, 1e-9)))
        return rejected == 0
    }
}
