import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

extension TestWorkspace {
    var ledgerLog: LedgerLog { LedgerLog(workspace: workspace) }

    /// The archived files (`archive/<sha256>/<name>`), without the ledger log beside them.
    func archivedFiles() -> [String] { files("archive").filter { $0 != "ledger.csv" } }

    /// The ledger as the log would write it, from the warehouse.
    func ledgerRows() throws -> [LedgerLog.Line] {
        try Warehouse(path: workspace.warehouse).ledgerLines(after: 0)
    }
}

@Suite("archive/ledger.csv, the ledger log")
struct LedgerLogTests {
    @Test func extractLogsEveryLedgerRowAsItIsRecorded() throws {
        let ws = try TestWorkspace()
        let a = Codes.valid(41)
        let file = wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")])
        try ws.drop("1,\"引号\".csv", file)
        try ws.drop("-2023-03 副本.csv", file)
        try ws.drop("名单.csv", "姓名,年龄\n张三,30\n")
        _ = try ws.extract()
        let logged = try ws.ledgerLog.lines()
        #expect(logged.map(\.status) == ["ingested", "duplicate", "quarantined"])
        // Names with commas, quotes and a leading minus come back as they were.
        #expect(logged.map(\.fileName) == ["1,\"引号\".csv", "-2023-03 副本.csv", "名单.csv"])
        #expect(logged == (try ws.ledgerRows()))
        #expect(logged[0].storedAs == "archive/\(logged[0].sha256)/1,\"引号\".csv")
        #expect(!logged[0].recordedAt.isEmpty && !logged[0].runId.isEmpty)
        // A plain file a person can read: a header, then one line per row.
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: ws.workspace.ledgerLog)), as: UTF8.self)
        #expect(text.hasPrefix("ledger_id,sha256,file_name,size,modified_at,status,stored_as,run_id,recorded_at\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 5)

        // A later run appends; it never rewrites.
        try ws.drop("2.csv", wideFile(period: "2023-04", rows: [(a, "甲", "10", "40")]))
        _ = try ws.extract()
        let after = String(decoding: try Data(contentsOf: URL(fileURLWithPath: ws.workspace.ledgerLog)), as: UTF8.self)
        #expect(after.hasPrefix(text))
        #expect(try ws.ledgerLog.lines().map(\.id) == [1, 2, 3, 4])
    }

    @Test(arguments: [CrashPoint.afterCommit, .afterMove, .afterQuarantineLedger])
    func aLineACrashKeptFromTheLogIsAppendedByTheNextRun(_ point: CrashPoint) throws {
        let ws = try TestWorkspace()
        try ws.drop("1.csv", wideFile(period: "2023-03", rows: [(Codes.valid(42), "甲", "10", "30")]))
        try ws.drop("bad.csv", "姓名,年龄\n张三,30\n")
        try ws.drop("3.csv", wideFile(period: "2023-04", rows: [(Codes.valid(42), "甲", "10", "40")]))
        let crashed = point == .afterQuarantineLedger ? "bad.csv" : "1.csv"
        #expect(throws: SimulatedCrash.self) {
            try ws.extract(crashHook: { reached, name in
                if reached == point, name == crashed { throw SimulatedCrash(point: point, file: name) }
            })
        }
        // The warehouse committed the file, the log did not get its line.
        #expect(try ws.ledgerLog.lines().count < (try ws.ledgerRows()).count)
        _ = try ws.extract()
        let logged = try ws.ledgerLog.lines()
        #expect(logged == (try ws.ledgerRows()))
        #expect(logged.map(\.id) == [1, 2, 3])
    }

    @Test func aHalfWrittenLineIsCutAndALaterStatusWins() throws {
        let ws = try TestWorkspace()
        let log = ws.ledgerLog
        let line = LedgerLog.Line(
            id: 1, sha256: String(repeating: "a", count: 64), fileName: "bad.csv", size: 9, modifiedAt: "2023-04-01T00:00:00Z",
            status: "quarantined", storedAs: "quarantine/bad.csv", runId: "r1", recordedAt: "2023-04-01T00:00:01Z")
        try log.append([line])
        // A crash in the middle of the next line.
        let handle = try #require(FileHandle(forWritingAtPath: log.path))
        handle.seekToEndOfFile()
        handle.write(Data("2,bbbb,\"half".utf8))
        handle.closeFile()
        #expect(try log.lines() == [line])
        var resolved = line
        resolved.status = "resolved"
        resolved.runId = "r2"
        try log.append([resolved])
        #expect(try log.lines() == [line, resolved])
        // One entry per ledger id, with its first line's details and its latest status.
        #expect(LedgerLog.latest(try log.lines()).map(\.status) == ["resolved"])
        #expect(LedgerLog.latest(try log.lines()).map(\.runId) == ["r1"])
        #expect(resolved.isQuarantineLike)
    }
}
