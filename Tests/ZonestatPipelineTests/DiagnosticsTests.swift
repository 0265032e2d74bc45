import Foundation
import GRDB
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("Diagnostics say what is wrong, and guards refuse what would mislead")
struct DiagnosticsTests {
    let header = "统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月"

    @Test func aFirstRowWithAnEmptyCreditCodeIsDataNotASecondHeaderRow() {
        let parsed = parse("单位:千元,,,,,\n\(header)\n,甲公司,C3670,2023-04,10,40\n\(Codes.valid(5)),乙,C3670,2023-04,1,2\n")
        #expect(parsed.errors.count == 1, "\(parsed.problems)")
        let problem = parsed.errors.first
        #expect(problem?.line == 3)
        #expect(problem?.column == "统一社会信用代码")
        #expect(problem?.code == .missingValue)
    }

    @Test func twoHeaderRowsAreStillRead() {
        let text = "统一社会信用代码,企业名称,行业代码,报告期,工业总产值,工业总产值\n,,,,本月,1-本月\n\(Codes.valid(6)),甲,C3670,2023-04,1,2\n"
        let parsed = parse(text)
        #expect(parsed.errors.isEmpty, "\(parsed.problems)")
        #expect(parsed.rows == 1 && parsed.facts.count == 2)
    }

    @Test func aHeaderOnlyFileIsIngestedWithAWord() {
        let parsed = parse("单位:千元,,,,,\n" + header + "\n")
        #expect(!parsed.isRejected)
        #expect(parsed.warnings.map(\.code) == [.noRows])
    }

    @Test(arguments: [("-100", true), ("-150%", true), ("-99.9", false), ("8", false)])
    func growthTargetsOfMinusHundredOrLessAreWarned(_ growth: String, _ warned: Bool) {
        let parsed = parse("年度,指标,目标增速(%)\n2023,固定资产投资,\(growth)\n")
        #expect(!parsed.isRejected, "\(parsed.problems)")
        #expect(parsed.warnings.map(\.code) == (warned ? [.implausibleTarget] : []))
    }

    @Test func aWarehouseMigratedByANewerZonestatIsRefused() throws {
        let ws = try TestWorkspace()
        _ = try Warehouse(path: ws.workspace.warehouse)
        let queue = try DatabaseQueue(path: ws.workspace.warehouse)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')")
        }
        #expect(throws: WarehouseError.newerSchema(path: ws.workspace.warehouse, unknown: ["v99-from-the-future"])) {
            try Warehouse(path: ws.workspace.warehouse)
        }
        let error = WarehouseError.newerSchema(path: "w.sqlite", unknown: ["v99"])
        #expect(error.description.contains("made by a newer zonestat"))
    }
}
