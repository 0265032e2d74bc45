import Foundation
import Testing
import XLSXFixtures

/// The command line as a new user meets it (issue 10, point 6), acted out with the built executables.
@Suite("The command line says what it does and what went wrong")
struct CommandLineTests {
    private let pipeline = EndToEndTests.packageRoot.appendingPathComponent("pipelines/default.yaml").path

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zonestat-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aWorkspaceIsCreatedOnlyInAFolderThatExists() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try EndToEndTests.binary("zonestat-transform")
        let mistyped = folder.appendingPathComponent("wrokspace/zone")
        let refused = try EndToEndTests.run(binary, ["--pipeline", pipeline, "--workspace", mistyped.path])
        #expect(refused.status == 4)
        #expect(refused.err.contains("cannot create the workspace: its parent folder \(folder.path)/wrokspace does not exist"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("wrokspace").path))

        let fresh = folder.appendingPathComponent("zone")
        let created = try EndToEndTests.run(binary, ["--pipeline", pipeline, "--workspace", fresh.path])
        #expect(created.status == 0, "\(created.err)")
        #expect(created.out.hasPrefix("created workspace \(fresh.path)\n"), "\(created.out)")
        let again = try EndToEndTests.run(binary, ["--pipeline", pipeline, "--workspace", fresh.path])
        #expect(!again.out.contains("created workspace"))
    }

    @Test func optionsInAnyOrderAndAWorkbookIsChecked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("2023-04 规上工业.xlsx")
        try Data(try industryWorkbook()).write(to: file)
        let binary = try EndToEndTests.binary("zonestat-extract")
        for arguments in [
            ["--check", "-v", file.path, "--pipeline", pipeline], ["-v", "--pipeline", pipeline, "--check", file.path],
            ["--pipeline", pipeline, "--check", file.path, "-v"],
        ] {
            let result = try EndToEndTests.run(binary, arguments)
            #expect(result.status == 0, "\(arguments): \(result.err)")
            #expect(result.out.contains("规上工业.xlsx: would be ingested — wide file, xlsx, 2 rows, 2 units, 4 values"), "\(result.out)")
        }
        let noFiles = try EndToEndTests.run(binary, ["--pipeline", pipeline, "--check"])
        #expect(noFiles.status == 64)
    }

    @Test func eachHelpListsOnlyItsExitCodes() throws {
        let transform = try EndToEndTests.run(try EndToEndTests.binary("zonestat-transform"), ["--help"])
        let load = try EndToEndTests.run(try EndToEndTests.binary("zonestat-load"), ["--help"])
        let extract = try EndToEndTests.run(try EndToEndTests.binary("zonestat-extract"), ["--help"])
        let flat = { (text: String) in text.replacingOccurrences(of: "\n", with: " ") }
        for help in [transform.out, load.out] {
            #expect(flat(help).contains("5 another run holds the workspace lock"), "\(help)")
            #expect(!flat(help).contains("; 6 "), "\(help)")
        }
        #expect(flat(extract.out).contains("6 with --strict, some file was quarantined"), "\(extract.out)")
    }

    @Test func aMissingDefaultPipelineFileGetsAHint() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = try EndToEndTests.binary("zonestat-load")
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(text.contains("pipelines/default.yaml: cannot read"), "\(text)")
        #expect(text.contains("pass --pipeline PATH"), "\(text)")
    }

    @Test(arguments: [
        ("workspace: x\n", "line 1: the key \"zone\" is missing at the top of the file"),
        ("zone: z\ninput:\n  settle_seconds: abc\n", "line 3: key \"input.settle_seconds\" should be a number, not \"abc\""),
        ("zone: z\ninput:\n  settle_seconds: 5\n   bad: [\n", "line 4, column 7: the YAML cannot be read"),
        ("zone: z\nzone: y\n", "the mapping that starts on line 1 gives the key \"zone\" twice"),
    ])
    func yamlErrorsNameTheLineAndTheKey(yaml: String, expected: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("zone.yaml")
        try Data(yaml.utf8).write(to: file)
        let result = try EndToEndTests.run(try EndToEndTests.binary("zonestat-load"), ["--pipeline", file.path])
        #expect(result.status == 3)
        #expect(result.err.contains("\(file.path): invalid pipeline file: \(expected)"), "\(result.err)")
        #expect(!result.err.contains("decoding container") && !result.err.contains("CodingKeys"))
    }

    /// A count is followed by every item, or by how many more and where they are.
    @Test func everyCountIsFollowedByItsItemsOrWhereTheRestAre() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inbox = folder.appendingPathComponent("ws/inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let header = "统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月(千元),工业总产值1-本月(千元)"
        let rows = (1...5).map { "\(Codes.wrongCheck($0)),企业\($0),C3670,2023-04,1,2" }
        try Data((([header] + rows).joined(separator: "\n") + "\n").utf8).write(to: inbox.appendingPathComponent("2023-04.csv"))
        let result = try EndToEndTests.run(
            try EndToEndTests.binary("zonestat-extract"),
            ["--pipeline", pipeline, "--workspace", folder.appendingPathComponent("ws").path, "--settle-seconds", "0"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("1 ingested"), "\(result.out)")
        #expect(result.out.contains("\n  ingested: 2023-04.csv\n"), "\(result.out)")
        #expect(result.out.contains("2023-04.csv: 5 warning(s)"), "\(result.out)")
        #expect(result.out.contains("… and 3 more (see \(folder.path)/ws/out/2023-04/warnings.csv after load, or run with -v)"), "\(result.out)")
    }
}
