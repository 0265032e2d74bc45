import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("Conflicts are held, corrections are taken")
struct RevisionConflictTests {
    let a = Codes.valid(31)
    let b = Codes.valid(32)

    private func current(_ ws: TestWorkspace, _ code: String, basis: Int = 1) throws -> [Int64] {
        try ws.query(
            """
            SELECT amount FROM facts f JOIN units u ON u.id = f.unit_id
            WHERE credit_code = '\(code)' AND basis = \(basis) AND superseded_by IS NULL
            """)
    }

    @Test func aReExportWithOtherValuesIsHeldWhole() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-03 月报.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30"), (b, "乙", "5", "15")]))
        _ = try ws.extract()
        // b's values are the same, a's month and ytd differ (as typed: 12 and 32 千元).
        try ws.drop("2023-03 月报_西区.csv", wideFile(period: "2023-03", rows: [(a, "甲", "12", "32"), (b, "乙", "5", "15")]))
        let summary = try ws.extract()
        #expect(summary.ingested == 0 && summary.quarantined == 1 && summary.held == 1)
        let problems = try #require(summary.results.first?.problems)
        let conflicts = problems.filter { $0.code == .revisionConflict }
        #expect(conflicts.count == 2)
        #expect(conflicts.map(\.line) == [3, 3])
        #expect(conflicts.map(\.column) == ["工业总产值本月", "工业总产值1-本月"])
        #expect(conflicts.map(\.value) == ["12", "32"])
        #expect(conflicts.map(\.creditCode) == [a, a] && conflicts.map(\.unitName) == ["甲", "甲"])
        let message = try #require(conflicts.last?.message)
        // The value held, where it came from, and what to do.
        #expect(message.contains("现有值为3万元"))
        #expect(message.contains("2023-03 月报.csv"))
        #expect(message.contains("第3行"))
        #expect(message.contains("更正"))
        // Nothing of it is ingested; the file and its errors.csv are in quarantine.
        #expect(try current(ws, a) == [300_000_000])
        #expect(try ws.count("SELECT COUNT(*) FROM facts WHERE superseded_by IS NOT NULL") == 0)
        #expect(ws.files("quarantine").contains("2023-03 月报_西区.csv"))
        let report = try String(contentsOfFile: ws.root + "/quarantine/2023-03 月报_西区.csv.errors.csv", encoding: .utf8)
        #expect(report.components(separatedBy: "revision_conflict").count - 1 == 2)
    }

    @Test func theSameFileNamedAsACorrectionIsTaken() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-03 月报.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        _ = try ws.extract()
        for (index, name) in ["2023-03 月报_更正.csv", "修订 2023-03.csv", "2023-03(修正).csv", "订正.csv"].enumerated() {
            let ytd = 31 + index
            try ws.drop(name, wideFile(period: "2023-03", rows: [(a, "甲", "10", "\(ytd)")]))
            let summary = try ws.extract()
            #expect(summary.ingested == 1 && summary.factsRevised == 1, "\(name)")
            #expect(try current(ws, a) == [Int64(ytd) * 10_000_000])
        }
    }

    @Test func acceptAllTakesEveryRevision() throws {
        let ws = try TestWorkspace()
        ws.config.corrections = .acceptAll
        try ws.drop("march.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        _ = try ws.extract()
        try ws.drop("march again.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "35")]))
        #expect(try ws.extract().factsRevised == 1)
        #expect(try current(ws, a) == [350_000_000])
    }

    @Test func equalValuesAreNeitherConflictNorRevision() throws {
        let ws = try TestWorkspace()
        try ws.drop("march.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        _ = try ws.extract()
        // The same values written otherwise (10.0 千元), and a new unit.
        try ws.drop("march west.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10.0", "30"), (b, "乙", "1", "2")]))
        let summary = try ws.extract()
        #expect(summary.ingested == 1 && summary.factsRevised == 0 && summary.factsNew == 2)
    }

    @Test func thePolicyIsReadFromThePipelineFile() throws {
        let accept = try PipelineConfig.parse(yaml: "zone: z\ncorrections: accept_all\n")
        #expect(accept.corrections == .acceptAll)
        let nested = try PipelineConfig.parse(yaml: "zone: z\ninput:\n  corrections: accept_all\n")
        #expect(nested.corrections == .acceptAll)
        #expect(try PipelineConfig.parse(yaml: "zone: z\n").corrections == .byName)
        #expect(throws: ConfigError.self) { try PipelineConfig.parse(yaml: "zone: z\ncorrections: sometimes\n") }
    }

    @Test func checkWithAWorkspaceReportsTheSameConflicts() throws {
        let ws = try TestWorkspace()
        try ws.drop("march.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "30")]))
        _ = try ws.extract()
        let path = ws.root + "/west.csv"
        try Data(wideFile(period: "2023-03", rows: [(a, "甲", "11", "30")]).utf8).write(to: URL(fileURLWithPath: path))
        let alone = FileCheck.run(paths: [path], config: ws.config)
        #expect(alone.first?.wouldBeQuarantined == false)
        let warehouse = try Warehouse(path: ws.workspace.warehouse)
        let checked = FileCheck.run(paths: [path], config: ws.config, warehouse: warehouse)
        #expect(checked.first?.wouldBeQuarantined == true)
        #expect(checked.first?.problems.map(\.code) == [.revisionConflict])
        #expect(checked.first?.problems.first?.value == "11")
    }
}

@Suite("Quarantine notices end")
struct QuarantineSettlementTests {
    let a = Codes.valid(41)

    @Test func aFixedVersionResolvesAndADeletionDismisses() throws {
        let ws = try TestWorkspace()
        try ws.drop("april.csv", wideFile(period: "2023-04", rows: [(a, "甲", "abc", "40")]))
        try ws.drop("may.csv", wideFile(period: "2023-05", rows: [(a, "甲", "abc", "50")]))
        #expect(try ws.extract().quarantined == 2)
        // The fixed April, renamed as a correction: same form, so April's notice ends.
        try ws.drop("april_更正.csv", wideFile(period: "2023-04", rows: [(a, "甲", "10", "40")]))
        let fixed = try ws.extract()
        #expect(fixed.settled == [SettledQuarantine(fileName: "april.csv", outcome: .resolved, by: "april_更正.csv")])
        #expect(fixed.line.contains("1 earlier quarantined file(s) resolved"))
        // May is given up: the analyst deletes it from quarantine/.
        try FileManager.default.removeItem(atPath: ws.root + "/quarantine/may.csv")
        let later = try ws.extract()
        #expect(later.settled == [SettledQuarantine(fileName: "may.csv", outcome: .dismissed, by: nil)])
        #expect(try ws.query("SELECT file_name || ':' || status FROM ledger ORDER BY id")
            == ["april.csv:resolved", "may.csv:dismissed", "april_更正.csv:ingested"])
        // Settled once: nothing more to say on the next run.
        #expect(try ws.extract().settled.isEmpty)
    }

    @Test func sameFormIgnoresCorrectionMarkers() {
        #expect(QuarantineNames.sameForm("2023-04 月报_西区.csv", "2023-04 月报_西区_更正.csv"))
        #expect(QuarantineNames.sameForm("2023-04 月报.csv", "2023-04 月报（修订）.CSV"))
        #expect(!QuarantineNames.sameForm("2023-04 月报.csv", "2023-04 月报_西区.csv"))
    }
}
