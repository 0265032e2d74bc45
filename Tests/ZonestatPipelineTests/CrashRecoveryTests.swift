import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("A crash at any step, then a rerun, loses and duplicates nothing")
struct CrashRecoveryTests {
    static let goodPoints: [CrashPoint] = [.afterParse, .beforeCommit, .afterCommit, .afterMove]
    static let badPoints: [CrashPoint] = [.afterParse, .afterErrorReport, .afterQuarantineLedger, .afterMove]

    func crashing(at point: CrashPoint, file: String) -> CrashHook {
        { reached, name in
            if reached == point, name == file { throw SimulatedCrash(point: point, file: name) }
        }
    }

    @Test(arguments: goodPoints)
    func acceptedFile(_ point: CrashPoint) throws {
        let ws = try TestWorkspace()
        let a = Codes.valid(31), b = Codes.valid(32)
        try ws.drop("1.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        try ws.drop("2.csv", wideFile(period: "2023-04", rows: [(a, "甲", "10", "40"), (b, "乙", "1", "1")]))
        try ws.drop("3_更正.csv", wideFile(period: "2023-04", rows: [(b, "乙", "2", "2")]))
        #expect(throws: (any Error).self) { try ws.extract(crashHook: crashing(at: point, file: "2.csv")) }
        let rerun = try ws.extract()
        #expect(ws.files("inbox").isEmpty)
        #expect(ws.archivedFiles().count == 3)
        #expect(try ws.count("SELECT COUNT(*) FROM ledger WHERE status = 'ingested'") == 3)
        #expect(try ws.count("SELECT COUNT(DISTINCT sha256) FROM ledger") == 3)
        // 1.csv: 2 facts; 2.csv: 4; 3_更正.csv (a correction) revises b's two values.
        #expect(try ws.count("SELECT COUNT(*) FROM facts") == 8)
        #expect(try ws.count("SELECT COUNT(*) FROM facts WHERE superseded_by IS NULL") == 6)
        #expect(try ws.query("SELECT amount FROM facts f JOIN units u ON u.id = f.unit_id WHERE credit_code = '\(b)' AND basis = 1 AND superseded_by IS NULL") == [20_000_000 as Int64])
        // Only the crash after the commit leaves something to repair.
        #expect(rerun.repaired == (point == .afterCommit ? 1 : 0))
        #expect(rerun.duplicates == 0)
        // And a third run does nothing at all.
        #expect(try ws.extract().results.isEmpty)
    }

    @Test(arguments: badPoints)
    func rejectedFile(_ point: CrashPoint) throws {
        let ws = try TestWorkspace()
        try ws.drop("bad.csv", "姓名,年龄\n张三,30\n")
        #expect(throws: (any Error).self) { try ws.extract(crashHook: crashing(at: point, file: "bad.csv")) }
        _ = try ws.extract()
        #expect(ws.files("inbox").isEmpty)
        #expect(ws.files("quarantine") == ["bad.csv", "bad.csv.errors.csv"])
        #expect(try ws.count("SELECT COUNT(*) FROM ledger WHERE status = 'quarantined'") == 1)
        #expect(try ws.count("SELECT COUNT(*) FROM problems") == 1)
    }
}
