import ArgumentParser
import Foundation
import GRDB
import Testing
import ZonestatPublish

@testable import ZonestatCommands
@testable import ZonestatPipeline

/// One error a stage may throw and the exit code it must give.
struct ExitCase: Sendable, CustomTestStringConvertible {
    var error: any Error & Sendable
    var code: Int32
    /// Text the one-line message must hold (the path and the system's reason, for I/O).
    var says: [String]
    var testDescription: String { "\(type(of: error)) → \(code)" }
}

let exitCases: [ExitCase] = [
    ExitCase(error: Failure(code: 3, message: "pipeline.yaml: not found"), code: 3, says: ["pipeline.yaml"]),
    ExitCase(error: ConfigError.invalid(path: "p.yaml", reason: "bad"), code: 3, says: ["p.yaml"]),
    ExitCase(
        error: WorkspaceError.io(path: "/w/quarantine", operation: "create folder", reason: "No space left on device"), code: 4,
        says: ["/w/quarantine", "No space left on device"]),
    ExitCase(error: WorkspaceError.locked(path: "/w/.zonestat.lock"), code: 5, says: ["/w/.zonestat.lock"]),
    ExitCase(
        error: WarehouseError.sqlite(path: "/w/warehouse.sqlite", operation: "ingest", message: "database or disk is full"),
        code: 4, says: ["/w/warehouse.sqlite", "disk is full"]),
    ExitCase(
        error: WarehouseError.newerSchema(path: "/w/warehouse.sqlite", unknown: ["v9"]), code: 4,
        says: ["/w/warehouse.sqlite", "made by a newer zonestat"]),
    ExitCase(
        error: PublicationError.fileSystem(operation: "write", path: "/w/out/.generations/r/2023-04/report.html", code: 28,
            message: "No space left on device"),
        code: 4, says: ["/w/out/.generations/r/2023-04/report.html", "No space left on device"]),
    ExitCase(error: PublicationError.invalidName("..", reason: "not a plain name"), code: 1, says: ["internal failure"]),
    ExitCase(error: PublishError.unknownIndicator(id: "x", file: "indicators.csv"), code: 3, says: ["x"]),
    ExitCase(
        error: CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/w/out"]), code: 4, says: ["/w/out"]),
    ExitCase(error: SimulatedCrash(point: .afterMove, file: "a.csv"), code: 1, says: ["internal failure"]),
]

@Suite("Every error a stage throws has its documented exit code")
struct ExitCodeTests {
    @Test(arguments: exitCases)
    func mapped(_ item: ExitCase) {
        let (code, message) = ExitCodes.classify(item.error)
        #expect(code == item.code)
        for text in item.says { #expect(message.contains(text), "\(message)") }
    }

    @Test func theRunnerExitsWithTheMappedCode() {
        #expect(throws: ExitCode(ExitCodes.ioFailure)) {
            try Runner.execute {
                throw PublicationError.fileSystem(operation: "write", path: "/w/out/x", code: 28, message: "No space left on device")
            }
        }
    }

    @Test func aWarehouseFromANewerZonestatStopsTheRealBinaryWithCode4() throws {
        let binary = try EndToEndTests.binary("zonestat-extract")
        let ws = try TestWorkspace()
        _ = try Warehouse(path: ws.workspace.warehouse)
        try DatabaseQueue(path: ws.workspace.warehouse).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')")
        }
        let pipeline = EndToEndTests.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let result = try EndToEndTests.run(binary, ["--pipeline", pipeline, "--workspace", ws.root, "--settle-seconds", "0"])
        #expect(result.status == 4)
        #expect(result.err.contains("made by a newer zonestat"), "\(result.err)")
    }

    @Test func aNameWithEscapesPrintsEscapedFromTheRealBinary() throws {
        let binary = try EndToEndTests.binary("zonestat-extract")
        let ws = try TestWorkspace()
        try ws.drop("\u{1B}[2J伪造\nINFO ingested.csv", "姓名,年龄\n张三,30\n")
        let pipeline = EndToEndTests.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let result = try EndToEndTests.run(binary, ["--pipeline", pipeline, "--workspace", ws.root, "--settle-seconds", "0", "-v"])
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.out.contains("\u{1B}") && !result.err.contains("\u{1B}"))
        #expect(result.out.contains("\\e[2J伪造\\nINFO ingested.csv"), "\(result.out)")
        #expect(!result.out.contains("\nINFO ingested.csv") && !result.err.contains("\nINFO ingested.csv"))
    }
}
