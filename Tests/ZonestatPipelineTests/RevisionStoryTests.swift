import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// The sample data's story: the West-area re-export, fixed as its errors.csv asks, is held; named
/// as a correction it is taken, and what moved is published.
@Suite("Revisions are published and the report says what moved", .serialized)
struct RevisionStoryTests {
    static let west = "2023-04 规上工业企业月报_西区.csv"
    static let correction = "2023-04 规上工业企业月报_西区_更正.csv"

    static func fixedWest() throws -> [UInt8] {
        let url = EndToEndTests.packageRoot.appendingPathComponent("Tests/ZonestatPipelineTests/Fixtures/trust/" + west)
        return [UInt8](try Data(contentsOf: url))
    }

    private func night(_ ws: TestWorkspace, _ runId: String) throws -> ExtractSummary {
        let summary = try ws.extract()
        _ = try ws.transform()
        _ = try ws.load(runId: runId)
        return summary
    }

    private func text(_ ws: TestWorkspace, _ path: String) throws -> String {
        String(decoding: try ws.outFile(path), as: UTF8.self)
    }

    @Test func theFixedReExportIsHeldThenTakenAsACorrection() throws {
        let ws = try sampleWorkspace()
        _ = try night(ws, "20230510T020000Z-1")
        let headline = "规上工业总产值33.3亿元，同比增长16.6%；规上工业增加值6.8亿元，同比增长19.2%"
        #expect(try text(ws, "2023-04/report.md").contains(headline))
        let before = try ws.publishedFiles()

        // Fixed as its errors.csv asks and dropped again under its own name: held whole.
        try ws.drop(Self.west, bytes: try Self.fixedWest())
        let held = try night(ws, "20230511T020000Z-2")
        #expect(held.held == 1 && held.ingested == 0)
        let conflicts = held.results.first?.problems.filter { $0.code == .revisionConflict } ?? []
        #expect(conflicts.count == 160)  // 40 units × 4 values, every one 4 % above the real one
        #expect(try text(ws, "2023-04/report.md").contains(headline))
        #expect(csvRows(try ws.outFile("2023-04/changes.csv")).count == 1)
        // The newest period's warnings say the file is held, and what to do.
        let notice = String(decoding: try ws.outFile("2023-04/warnings.csv"), as: UTF8.self)
        #expect(notice.contains("与已入库的数据有160处不一致，整个文件暂未入库"))
        // Nothing of the figures moved (the report's list of quarantined files did).
        for path in ["2023-04/indicators.csv", "2023-04/targets.csv", "series.csv", "revisions.csv"] {
            #expect(try ws.outFile(path) == before[path], "\(path)")
        }

        // Renamed as a correction: taken, and both notices of the West file end.
        try ws.drop(Self.correction, bytes: try Self.fixedWest())
        let taken = try night(ws, "20230512T020000Z-3")
        #expect(taken.ingested == 1 && taken.factsRevised == 160)
        #expect(taken.settled.map(\.outcome) == [.resolved, .resolved])
        let report = try text(ws, "2023-04/report.md")
        #expect(report.contains("规上工业总产值33.8亿元，同比增长18.5%"))
        #expect(report.contains("数据修订说明"))
        #expect(report.contains("本期数据于2023年5月12日重新发布"))
        #expect(report.contains("规上工业总产值由33.3亿元修订为33.8亿元，同比增速由16.6%修订为18.5%"))
        #expect(report.contains("规上工业增加值由6.8亿元修订为6.9亿元"))
        #expect(report.contains("“2023-04 规上工业企业月报\\_西区\\_更正.csv”更正数据160个"))
        #expect(!String(decoding: try ws.outFile("2023-04/warnings.csv"), as: UTF8.self).contains(Self.west))
        // The correction's own cross-month warnings (checked again, as its values replaced held
        // ones) quote its cells as typed: 1597 千元, not 159.7.
        #expect(csvRows(try ws.outFile("2023-04/warnings.csv")).contains {
            $0.count > 8 && $0[0] == Self.correction && $0[1] == "3" && $0[2] == "工业总产值本月" && $0[3] == "1597"
                && !$0[8].hasPrefix("数据修订后复核")
        })

        // revisions.csv: every superseded value, in 万元, with both files and lines.
        let revisions = csvRows(try ws.outFile("2023-04/revisions.csv"))
        #expect(revisions.first == [
            "period", "credit_code", "unit_name", "indicator", "basis", "old_value", "new_value", "unit", "old_file",
            "old_line", "new_file", "new_line", "run_id",
        ])
        #expect(revisions.count == 161)
        // The first conflict the held file reported: 1597 千元 against 153.6 万元 held.
        #expect(revisions.contains { row in
            row[2] == "马鞍山金诺粮油有限公司" && row[3] == "output_value" && row[4] == "month" && row[5] == "153.6"
                && row[6] == "159.7" && row[7] == "万元" && row[8] == "2023-04 规上工业企业月报.csv" && row[9] == "61"
                && row[10] == Self.correction && row[11] == "3" && row[12] == "extract-run"
        })

        // changes.csv: the zone's ytd moved by exactly the sum of the revised ytd values.
        let changes = csvRows(try ws.outFile("2023-04/changes.csv"))
        #expect(changes.first == [
            "indicator", "scope", "scope_id", "field", "old", "new", "published_before", "published_now", "old_report",
            "new_report",
        ])
        let ytd = try #require(changes.first { $0[0] == "output_value" && $0[1] == "zone" && $0[3] == "ytd" })
        #expect(Array(ytd[4...9]) == ["333057.1", "338412.4", "20230511T020000Z-2", "20230512T020000Z-3", "33.3亿元", "33.8亿元"])
        var delta = Decimal(0)
        for row in revisions.dropFirst() where row[3] == "output_value" && row[4] == "ytd" {
            delta += (Decimal(string: row[6]) ?? 0) - (Decimal(string: row[5]) ?? 0)
        }
        #expect(delta == (Decimal(string: ytd[5]) ?? 0) - (Decimal(string: ytd[4]) ?? 0))
        // All periods' revisions: March's correction (8 values) and April's (160).
        #expect(csvRows(try ws.outFile("revisions.csv")).count == 1 + 8 + 160)
    }

    @Test func aRebuildAfterTheStoryPublishesTheSameAndKeepsTheLedgersHistory() throws {
        let ws = try sampleWorkspace()
        _ = try night(ws, "20230510T020000Z-1")
        try ws.drop(Self.west, bytes: try Self.fixedWest())
        _ = try night(ws, "20230511T020000Z-2")
        try ws.drop(Self.correction, bytes: try Self.fixedWest())
        _ = try night(ws, "20230512T020000Z-3")
        let tables = try ws.warehouseTables()
        let published = try ws.publishedFiles()
        // The log says both West files were resolved, after the lines that recorded them.
        let log = try LedgerLog(workspace: ws.workspace).lines()
        #expect(log.filter { $0.fileName == Self.west }.map(\.status) == ["quarantined", "quarantined", "resolved", "resolved"])

        ws.removeWarehouse()
        let summary = try ws.rebuild()
        #expect(summary.quarantined == 3)  // both West files and the contacts list
        let rebuilt = try ws.warehouseTables()
        #expect(rebuilt == tables, "first difference: \(zip(rebuilt, tables).first { $0 != $1 }.map { "\($0)\n≠ \($1)" } ?? "")")
        // The held file's conflicts were found again.
        #expect(try ws.count("SELECT COUNT(*) FROM problems WHERE code = 'revision_conflict'") == 160)
        let republished = try ws.publishedFiles()
        #expect(republished.keys.sorted() == published.keys.sorted())
        for (path, bytes) in published { #expect(republished[path] == bytes, "\(path) differs") }
        #expect(try text(ws, "2023-04/report.md").contains("规上工业总产值由33.3亿元修订为33.8亿元"))
    }

    @Test func aPeriodPublishedOnceHasNoRevisionSection() throws {
        let ws = try sampleWorkspace()
        _ = try night(ws, "20230510T020000Z-1")
        // March's correction came with the first publication: listed, but nothing moved.
        #expect(csvRows(try ws.outFile("2023-03/revisions.csv")).count == 9)
        #expect(csvRows(try ws.outFile("2023-03/changes.csv")).count == 1)
        #expect(!(try text(ws, "2023-03/report.md")).contains("数据修订说明"))
    }
}
