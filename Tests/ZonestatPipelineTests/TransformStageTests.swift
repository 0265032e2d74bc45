import Foundation
import GRDB
import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// A workspace holding the bundled sample inbox, files taken in name order.
func sampleWorkspace(only filter: (String) -> Bool = { _ in true }) throws -> TestWorkspace {
    let ws = try TestWorkspace()
    ws.config = try PipelineConfig.load(path: EndToEndTests.packageRoot.appendingPathComponent("pipelines/default.yaml").path)
    ws.config.workspace = ws.root
    ws.config.settleSeconds = 0
    try dropSample(into: ws, filter)
    return ws
}

func dropSample(into ws: TestWorkspace, _ filter: (String) -> Bool) throws {
    let inbox = EndToEndTests.packageRoot.appendingPathComponent("sample-data/inbox")
    for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted() where filter(name) {
        try ws.drop(name, bytes: [UInt8](try Data(contentsOf: inbox.appendingPathComponent(name))))
    }
}

extension TestWorkspace {
    func transform(full: Bool = false, threads: Int = 2) throws -> TransformStage.Summary {
        try TransformStage(config: config, workspace: workspace, logger: TestWorkspace.quietLogger, threads: threads)
            .run(full: full)
    }

    /// Every stored result row as text, in table order.
    func results() throws -> [String] {
        let warehouse = try Warehouse(path: workspace.warehouse)
        return try warehouse.queue.read { db in
            var lines: [String] = []
            for table in ["out_indicators", "out_targets", "out_roster", "out_warnings"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY period, position") {
                    lines.append(table + ":" + row.columnNames.map { "\(row[$0] ?? "")" }.joined(separator: "|"))
                }
            }
            return lines
        }
    }

    func zoneRow(_ period: String, _ indicator: String) throws -> Row? {
        let warehouse = try Warehouse(path: workspace.warehouse)
        return try warehouse.queue.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM out_indicators WHERE period = ? AND indicator = ? AND scope = 'zone'",
                arguments: [period, indicator])
        }
    }
}

@Suite("The transform stage", .serialized)
struct TransformStageTests {
    @Test func sampleDataGivesTheSourceDocumentsFigures() throws {
        let ws = try sampleWorkspace()
        _ = try ws.extract()
        #expect(try ws.danglingReferences().isEmpty)
        _ = try ws.transform()
        let config = ws.config
        let expected: [(String, String, String)] = [
            ("tax", "2.26", "51.1"), ("output_value", "33.3", "16.6"), ("value_added", "6.8", "19.2"),
            ("fixed_investment", "14.36", "27.7"), ("tech_investment", "7.9", "60.3"),
        ]
        for (indicator, level, growth) in expected {
            let row = try #require(try ws.zoneRow("2023-04", indicator))
            let spec = try #require(config.indicator(indicator))
            let ytd = try #require(ResultCodec.amount(row["ytd"], spec.unit))
            let yi = try #require(Ratio(numerator: ytd.raw, denominator: Int128(100_000_000) * 10_000))
            #expect(yi.rounded(decimals: spec.displayPrecision).description == level, "\(indicator)")
            let pct = try #require(ResultCodec.ratio(row["ytd_yoy_exact"]))
            #expect(pct.rounded(decimals: 1).description == growth, "\(indicator)")
        }
        let roster = try Warehouse(path: ws.workspace.warehouse).queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM out_roster WHERE period = '2023-04' AND scope = 'zone'")
        }
        #expect(roster?["units"] == 125)
        #expect(roster?["new_units"] == 16)
        #expect(roster?["net_units"] == 12)
        #expect(roster?["exited_units"] == 4)
        let gap = try Warehouse(path: ws.workspace.warehouse).queue.read { db in
            try String.fetchOne(
                db, sql: "SELECT gap_exact FROM out_targets WHERE period = '2023-04' AND indicator = 'value_added' AND kind = 'rate'")
        }
        let gapRatio = try #require(ResultCodec.ratio(gap))
        #expect(gapRatio.rounded(decimals: 1).description == "10.8")
    }

    @Test func incrementalEqualsFullAndIsIdempotent() throws {
        let ws = try sampleWorkspace { $0.hasPrefix("2022") }
        _ = try ws.extract()
        let first = try ws.transform()
        #expect(first.full)
        try dropSample(into: ws) { !$0.hasPrefix("2022") }
        _ = try ws.extract()
        let second = try ws.transform()
        #expect(!second.full)
        #expect(second.recomputed?.contains(Period(year: 2023, month: 4)!) == true)
        #expect(second.recomputed?.contains(Period(year: 2022, month: 4)!) == false)
        let incremental = try ws.results()
        let again = try ws.transform()
        #expect(again.recomputed == [])
        #expect(try ws.results() == incremental)
        _ = try ws.transform(full: true, threads: 1)
        #expect(try ws.results() == incremental)
    }

    @Test func aRevisedPastMonthRecomputesItsYearFromThenAndNextYearsBase() throws {
        let ws = try sampleWorkspace()
        _ = try ws.extract()
        _ = try ws.transform()
        let before = try ws.results()
        let code = (try ws.query("SELECT credit_code FROM units ORDER BY credit_code LIMIT 1") as [String]).first
        let fix = "统一社会信用代码,企业名称,报告期,工业总产值1-本月(万元)\n\(code ?? ""),更正,2022-05,999999\n"
        try ws.drop("2022-05 更正.csv", fix)
        _ = try ws.extract()
        let summary = try ws.transform()
        let changed = try #require(summary.recomputed)
        #expect(changed.contains(Period(year: 2022, month: 5)!))
        #expect(!changed.contains(Period(year: 2022, month: 4)!))
        #expect(changed.contains(Period(year: 2023, month: 5)!) || changed.contains(Period(year: 2023, month: 6)!))
        #expect(!changed.contains(Period(year: 2023, month: 4)!))
        let after = try ws.results()
        #expect(after != before)
        _ = try ws.transform(full: true)
        #expect(try ws.results() == after)
    }
}
