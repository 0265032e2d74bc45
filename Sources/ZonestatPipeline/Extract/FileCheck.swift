import Dispatch
import Foundation
import ZonestatCore

/// Reads and validates files without a workspace (`zonestat-extract --check`): what extract finds
/// in each file on its own — encoding, layout, every cell — before an analyst drops it in the
/// inbox. The checks against the warehouse (last month's ytd, revisions) need the warehouse and
/// are not made. Files are read in parallel, one per core; nothing is written anywhere.
public enum FileCheck {
    /// What one file holds, as extract would read it.
    public struct Result: Sendable {
        public var path: String
        public var bytes = 0
        public var rows = 0
        public var kind: FileKind?
        public var encoding = ""
        public var units = 0
        public var facts = 0
        public var errors = 0
        public var warnings = 0
        /// The first ``shownProblems`` problems, in file order.
        public var problems: [Problem] = []
        /// The form's footer lines, which extract would skip.
        public var footer: [FooterLine] = []
        /// Why the file could not be read at all (nil when it was).
        public var readFailure: WorkspaceError?

        /// Whether extract would quarantine the file.
        public var wouldBeQuarantined: Bool { readFailure != nil || errors > 0 }
    }

    /// Problems kept per file (the counts are complete): enough for any file an analyst
    /// fixes by hand, bounded for one that is no table at all.
    public static let shownProblems = 10_000

    /// Checks `paths`, `parallel` files at once (0: one per core); results in the order given.
    /// Given a workspace's `warehouse`, a file that is no correction is also checked for values
    /// that differ from those held (`revision_conflict`, as extract would hold it).
    public static func run(paths: [String], config: PipelineConfig, parallel: Int = 0, warehouse: Warehouse? = nil)
        -> [Result]
    {
        let width = parallel > 0 ? parallel : ProcessInfo.processInfo.activeProcessorCount
        // Fewer files than cores: a large one is read as two halves on two.
        let parser = FileParser(config: config, splitBytes: paths.count < width ? FileParser.splitThreshold : .max)
        let against = warehouse.flatMap { warehouse in
            (try? warehouse.indicatorIds()).map { (warehouse, $0) }
        }
        let loading = LoadAhead(count: paths.count, parallel: width, ahead: width) { index in
            check(paths[index], parser: parser, against: against)
        }
        return paths.indices.map { loading.take($0) }
    }

    private static func check(_ path: String, parser: FileParser, against: (Warehouse, [String: Int64])?) -> Result {
        var result = Result(path: path)
        let bytes: [UInt8]
        do throws(WorkspaceError) {
            bytes = try FileOperations.read(path)
        } catch {
            result.readFailure = error
            return result
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var parsed = parser.parse(bytes, name: name)
        if let (warehouse, indicatorIds) = against, !parsed.isRejected,
            !parser.config.corrections.acceptsRevisions(from: name)
        {
            do throws(WarehouseError) {
                let conflicts = try warehouse.revisionConflicts(parsed, indicatorIds: indicatorIds, config: parser.config)
                parsed.problems += RevisionConflictReport.problems(
                    conflicts, parsed: parsed, bytes: bytes, config: parser.config)
            } catch {
                result.readFailure = .io(path: warehouse.path, operation: "read the warehouse", reason: "\(error)")
            }
        }
        result.bytes = bytes.count
        result.rows = parsed.rows
        result.kind = parsed.kind
        result.encoding = parsed.encoding
        result.units = parsed.units.count
        result.facts = parsed.facts.count + parsed.targets.count + parsed.priceIndices.count
        result.errors = parsed.problems.count(where: \.isError)
        result.warnings = parsed.problems.count - result.errors
        result.problems = Array(parsed.problems.prefix(shownProblems))
        result.footer = parsed.footer
        return result
    }
}
