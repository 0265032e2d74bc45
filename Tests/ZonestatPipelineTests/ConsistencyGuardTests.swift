import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// The inconsistency a stage stopped on, or nil when it ran.
private func inconsistency(_ body: () throws -> Void) -> WorkspaceInconsistency? {
    do {
        try body()
        return nil
    } catch WorkspaceError.inconsistent(let found) {
        return found
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Suite("A warehouse is never silently rebuilt from less")
struct ConsistencyGuardTests {
    /// Two months ingested and published.
    static func published() throws -> TestWorkspace {
        let ws = try TestWorkspace()
        let a = Codes.valid(51), b = Codes.valid(52)
        try ws.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30"), (b, "乙", "5", "15")]))
        try ws.drop("2023-04.csv", wideFile(period: "2023-04", rows: [(a, "甲", "10", "40"), (b, "乙", "5", "20")]))
        _ = try ws.extract()
        _ = try ws.transform()
        _ = try ws.load()
        return ws
    }

    /// Every stage, as the nightly job runs them.
    static func stages(_ ws: TestWorkspace) -> [(String, () throws -> Void)] {
        [
            ("extract", { _ = try ws.extract() }), ("transform", { _ = try ws.transform() }),
            ("load", { _ = try ws.load() }),
        ]
    }

    @Test func aBrandNewWorkspaceGetsItsWarehouseSilently() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(Codes.valid(53), "甲", "10", "30")]))
        #expect(try ws.extract().ingested == 1)
        #expect(FileManager.default.fileExists(atPath: ws.workspace.warehouse))
    }

    @Test func anEmptyWarehouseStopsEveryStageBeforeSQLiteTouchesIt() throws {
        let ws = try Self.published()
        try? FileManager.default.removeItem(atPath: ws.workspace.warehouse + "-wal")
        try? FileManager.default.removeItem(atPath: ws.workspace.warehouse + "-shm")
        try Data().write(to: URL(fileURLWithPath: ws.workspace.warehouse))
        // The issue's story: a valid file dropped into a workspace whose warehouse is 0 bytes.
        try ws.drop("2022-02.csv", wideFile(period: "2022-02", rows: [(Codes.valid(54), "丙", "1", "1")]))
        for (name, stage) in Self.stages(ws) {
            let found = try #require(inconsistency(stage), "\(name) ran on an empty warehouse")
            #expect(found.state == .empty)
            #expect(found.loggedIngested == 2)
            #expect(found.publishedPeriods == 2)
            #expect(found.example == "2023-03.csv")
            #expect(found.description.contains("0 bytes"))
            #expect(found.description.contains("run `zonestat rebuild`") || found.description.contains("Run `zonestat rebuild`"))
        }
        // Nothing moved, nothing was published, and the file is still 0 bytes (not a new database).
        #expect(ws.files("inbox") == ["2022-02.csv"])
        #expect(!FileManager.default.fileExists(atPath: ws.workspace.out + "/2022-02"))
        let size = try FileManager.default.attributesOfItem(atPath: ws.workspace.warehouse)[.size] as? NSNumber
        #expect(size?.intValue == 0)
    }

    @Test func aMissingWarehouseStopsEveryStage() throws {
        let ws = try Self.published()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ws.workspace.warehouse + suffix) }
        for (name, stage) in Self.stages(ws) {
            #expect(inconsistency(stage)?.state == .missing, "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: ws.workspace.warehouse))
    }

    @Test func aWarehouseThatLacksLoggedFilesStopsEveryStage() throws {
        let ws = try Self.published()
        // Replaced by one that only ever ingested another file.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ws.workspace.warehouse + suffix) }
        let other = try TestWorkspace()
        try other.drop("x.csv", wideFile(period: "2023-03", rows: [(Codes.valid(55), "丁", "1", "1")]))
        _ = try other.extract()
        try FileManager.default.copyItem(atPath: other.workspace.warehouse, toPath: ws.workspace.warehouse)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: other.workspace.warehouse + suffix) {
            try FileManager.default.copyItem(atPath: other.workspace.warehouse + suffix, toPath: ws.workspace.warehouse + suffix)
        }
        for (name, stage) in Self.stages(ws) {
            let found = try #require(inconsistency(stage), "\(name)")
            #expect(found.state == .behind)
            #expect(found.missingIngested == 2)
            #expect(found.description.contains("2 of the 2 ingested file(s)"))
        }
    }

    @Test func aWorkspaceWithoutALogIsCheckedAgainstArchiveAndOut() throws {
        let ws = try Self.published()
        // A workspace last run before the log existed, whose warehouse was then emptied.
        try FileManager.default.removeItem(atPath: ws.workspace.ledgerLog)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ws.workspace.warehouse + suffix) }
        let found = try #require(inconsistency { _ = try ws.transform() })
        #expect(found.state == .missing)
        #expect(found.archivedFolders == 2)
        #expect(found.publishedPeriods == 2)
        // A new warehouse that knows none of it is no better.
        _ = try Warehouse(path: ws.workspace.warehouse)
        let behind = try #require(inconsistency { _ = try ws.extract() })
        #expect(behind.unknownArchivedFolders == 2)
        #expect(behind.unknownPublishedPeriods == 2)
    }

    @Test func anIntactWorkspaceWithoutALogGetsOneFromItsLedger() throws {
        let ws = try Self.published()
        try FileManager.default.removeItem(atPath: ws.workspace.ledgerLog)
        _ = try ws.extract()
        #expect(try ws.ledgerLog.lines().map(\.fileName) == ["2023-03.csv", "2023-04.csv"])
    }
}
