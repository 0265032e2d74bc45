import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("Revisions re-check what they touch")
struct CrossMonthRecheckTests {
    let a = Codes.valid(51)
    let b = Codes.valid(52)

    private func warnings(_ ws: TestWorkspace) throws -> [String] {
        try ws.query(
            """
            SELECT l.file_name || ':' || p.line || ':' || p.period || ':' || p.code || ':' || COALESCE(p.column_name, '')
            FROM problems p JOIN ledger l ON l.id = p.file_id
            WHERE p.code IN ('ytd_mismatch', 'month_jump') ORDER BY p.period, l.file_name, p.line
            """)
    }

    @Test func correctingMarchRechecksAprilsDerivedMonth() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30"), (b, "乙", "5", "15")]))
        // April agrees with March: 40 − 30 = 10.
        try ws.drop("2023-04.csv", wideFile(period: "2023-04", rows: [(a, "甲", "10", "40"), (b, "乙", "5", "20")]))
        _ = try ws.extract()
        #expect(try warnings(ws).isEmpty)
        // March's ytd of 甲 corrected to 35: April's month (10) no longer equals 40 − 35.
        try ws.drop("2023-03_更正.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "35")]))
        let corrected = try ws.extract()
        #expect(corrected.factsRevised == 1)
        #expect(try warnings(ws) == ["2023-04.csv:3:202304:ytd_mismatch:工业总产值本月"])
        // The analyst sees it in the run's summary too.
        #expect(corrected.results.first?.problems.contains { $0.code == .ytdMismatch && $0.file == "2023-04.csv" } == true)
        #expect(try ws.query("SELECT warnings FROM ledger WHERE file_name = '2023-04.csv'") == [1])
        // Checked on the warehouse's values, the cell as written is not at hand: 原值 is the value
        // held in 万元 (10 千元 = 1), and the message says so; the enterprise is still named.
        let rechecked = try #require(corrected.results.first?.problems.first { $0.code == .ytdMismatch })
        #expect(rechecked.value == "1")
        #expect(rechecked.message.hasPrefix("数据修订后复核（原值为入库值，单位同指标）：2023年4月规上工业总产值本月数为1万元"))
        #expect(rechecked.creditCode == a && rechecked.unitName == "甲")
        // Corrected back: the warning goes, nothing stale stays.
        try ws.drop("2023-03_更正2.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        _ = try ws.extract()
        #expect(try warnings(ws).isEmpty)
        #expect(try ws.query("SELECT warnings FROM ledger WHERE file_name = '2023-04.csv'") == [0])
    }

    @Test func aRestatedFileDoesNotRepeatWarnings() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        try ws.drop("2023-04.csv", wideFile(period: "2023-04", rows: [(a, "甲", "99", "40")]))
        _ = try ws.extract()
        #expect(try warnings(ws) == ["2023-04.csv:3:202304:ytd_mismatch:工业总产值本月"])
        // The same April values again in another file: the entry's warning is stated once, now
        // for the file that holds it.
        try ws.drop("2023-04 again.csv", wideFile(period: "2023-04", rows: [(a, "甲", "99", "40")]))
        _ = try ws.extract()
        #expect(try warnings(ws).count == 1)
    }
}
