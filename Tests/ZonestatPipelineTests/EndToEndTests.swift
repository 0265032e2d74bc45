import Foundation
import Testing

@testable import ZonestatPipeline

/// Runs the built `zonestat-extract` the way the nightly job does, on a temporary workspace.
@Suite("zonestat-extract, end to end")
struct EndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func binary(_ name: String) throws -> URL {
        for configuration in ["debug", "release"] {
            let url = packageRoot.appendingPathComponent(".build/\(configuration)/\(name)")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw BinaryMissing(name: name)
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not built: run `swift build` first (make test does)" }
    }

    /// Runs a binary; returns exit status, standard output and standard error.
    static func run(_ binary: URL, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func extractsTheSampleShapesAndIsIdempotent() throws {
        let binary = try Self.binary("zonestat-extract")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zonestat-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/ZonestatPipelineTests/Fixtures/encodings")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
        }
        try Data("姓名,年龄\n张三,30\n".utf8).write(to: inbox.appendingPathComponent("名单.csv"))
        let pipeline = Self.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let arguments = ["--pipeline", pipeline, "--workspace", root.path, "--settle-seconds", "0"]

        let first = try Self.run(binary, arguments)
        #expect(first.status == 0, "\(first.err)")
        // The four encodings hold the same rows: one is ingested, three are revisions with equal values.
        #expect(first.out.contains("5 file(s) taken, 4 ingested"), "\(first.out)")
        #expect(first.out.contains("1 quarantined"))
        #expect(first.out.contains("quarantined 名单.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("quarantine/名单.csv.errors.csv").path))

        let second = try Self.run(binary, arguments)
        #expect(second.status == 0)
        #expect(second.out.hasPrefix("extract: 0 file(s) taken"), "\(second.out)")

        let strict = try Self.run(binary, arguments + ["--strict"])
        #expect(strict.status == 0)
    }

    @Test func badPipelineFileExitsWithItsCode() throws {
        let binary = try Self.binary("zonestat-extract")
        let result = try Self.run(binary, ["--pipeline", "/nonexistent/pipeline.yaml"])
        #expect(result.status == 3)
        #expect(result.err.contains("/nonexistent/pipeline.yaml"))
    }

    @Test func zonestatExtractSubcommandHelpListsExitCodes() throws {
        let binary = try Self.binary("zonestat")
        let result = try Self.run(binary, ["extract", "--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("Exit codes"))
        #expect(result.out.contains("--workspace"))
    }

    @Test func runPublishesAndStrictSignalsQuarantine() throws {
        let binary = try Self.binary("zonestat")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zonestat-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let fixture = Self.packageRoot.appendingPathComponent("Tests/ZonestatPipelineTests/Fixtures/encodings/utf8.csv")
        try FileManager.default.copyItem(at: fixture, to: inbox.appendingPathComponent("2023-04.csv"))
        try Data("姓名\n张三\n".utf8).write(to: inbox.appendingPathComponent("名单.csv"))
        let pipeline = Self.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let result = try Self.run(
            binary, ["run", "--pipeline", pipeline, "--workspace", root.path, "--settle-seconds", "0", "--strict"])
        #expect(result.status == 6, "\(result.err)")
        #expect(result.out.contains("load: 1 period folder(s)"), "\(result.out)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/latest/report.html").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/2023-04/indicators.csv").path))
    }

    /// A column headed with an indicator's official name is read; a remark and a cell past the
    /// header are not, and both are said — in the run's summary and in the period's warnings.csv
    /// — without quarantining the file.
    @Test func runReadsOfficialNamesAndSaysWhatItDoesNotRead() throws {
        let binary = try Self.binary("zonestat")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zonestat-unread-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let text = """
            统一社会信用代码,企业名称,报告期,规上工业总产值本月(万元),规上工业总产值1-本月(万元),备注
            \(Codes.valid(1)),甲公司,2023-04,10,40,
            \(Codes.valid(2)),乙公司,2023-04,5,20,停产半月,8

            """
        try Data(text.utf8).write(to: inbox.appendingPathComponent("2023-04 月报.csv"))
        let pipeline = Self.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let result = try Self.run(
            binary, ["run", "--pipeline", pipeline, "--workspace", root.path, "--settle-seconds", "0", "--strict"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("1 ingested"), "\(result.out)")
        #expect(result.out.contains("2023-04 月报.csv:3: column 备注: \"停产半月\": warning[ignored_column]"), "\(result.out)")
        #expect(result.out.contains("2023-04 月报.csv:3: column 第7列: \"8\": warning[cells_beyond_header]"), "\(result.out)")
        let out = root.appendingPathComponent("out/2023-04")
        let warnings = try String(contentsOf: out.appendingPathComponent("warnings.csv"), encoding: .utf8)
        #expect(warnings.contains(",ignored_column,") && warnings.contains(",cells_beyond_header,"), "\(warnings)")
        let indicators = try String(contentsOf: out.appendingPathComponent("indicators.csv"), encoding: .utf8)
        let zone = indicators.components(separatedBy: "\r\n").first { $0.hasPrefix("2023-04,output_value,") && $0.contains(",zone,") }
        #expect(zone?.contains(",2,60,") == true, "\(indicators)")
    }

    @Test func checkReadsFilesWithoutTouchingTheWorkspace() throws {
        let binary = try Self.binary("zonestat-extract")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zonestat-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/ZonestatPipelineTests/Fixtures")
        let good = fixtures.appendingPathComponent("encodings/gb18030.csv").path
        let bad = fixtures.appendingPathComponent("broken/bad-cells.csv").path
        let pipeline = Self.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let arguments = ["--pipeline", pipeline, "--workspace", root.path, "--check"]

        let clean = try Self.run(binary, arguments + [good])
        #expect(clean.status == 0, "\(clean.err)")
        #expect(clean.out.contains("gb18030.csv: would be ingested — wide file, gb18030"), "\(clean.out)")
        #expect(clean.out.contains("check: 1 file(s), 0 would be quarantined"))

        let mixed = try Self.run(binary, arguments + [good, bad])
        #expect(mixed.status == 6)
        #expect(mixed.out.contains("bad-cells.csv: would be quarantined"), "\(mixed.out)")
        // Each problem names the file, line, column and value.
        #expect(mixed.out.contains("bad-cells.csv:3: column"), "\(mixed.out)")
        #expect(mixed.out.contains("check: 2 file(s), 1 would be quarantined"))

        // A file that cannot be read is no file that would be quarantined: exit 4, "cannot read".
        let missing = try Self.run(binary, arguments + [good, bad, root.appendingPathComponent("missing.csv").path])
        #expect(missing.status == 4)
        #expect(missing.out.contains("missing.csv: cannot read: No such file or directory"), "\(missing.out)")
        #expect(missing.out.contains("check: 3 file(s), 1 would be quarantined, 1 cannot be read"), "\(missing.out)")
        // Nothing was created: no workspace, no warehouse.
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }

    @Test func anotherRunHoldingTheLockExitsWithCode5() throws {
        let binary = try Self.binary("zonestat-transform")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("zonestat-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root.path)
        try workspace.prepare()
        let lock = try WorkspaceLock(path: workspace.lockFile)
        defer { lock.release() }
        let pipeline = Self.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let result = try Self.run(binary, ["--pipeline", pipeline, "--workspace", root.path])
        #expect(result.status == 5)
        #expect(result.err.contains("another zonestat run holds the workspace lock"))
    }
}
