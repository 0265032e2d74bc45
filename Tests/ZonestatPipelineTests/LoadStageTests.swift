import Foundation
import GRDB
import Testing
import ZonestatCore
import ZonestatPublish

@testable import ZonestatPipeline

extension TestWorkspace {
    func load(runId: String = "test-run", force: Bool = false, hook: (@Sendable (PublishStep) throws -> Void)? = nil)
        throws -> LoadStage.Summary
    {
        var stage = LoadStage(config: config, workspace: workspace, logger: TestWorkspace.quietLogger, runId: runId)
        stage.publishHook = hook
        stage.force = force
        return try stage.run()
    }

    func outFile(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: workspace.out + "/" + path)))
    }

    /// The published files' paths as readers reach them (`2023-04/report.md`, `series.csv`):
    /// every documented name under out/ followed through its link, `latest` left out.
    func publishedPaths() throws -> [String] {
        var paths: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace.out).sorted()
        where !name.hasPrefix(".") && name != "latest" {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: workspace.out + "/" + name, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                paths.append(name)
                continue
            }
            for file in try FileManager.default.contentsOfDirectory(atPath: workspace.out + "/" + name).sorted() {
                paths.append(name + "/" + file)
            }
        }
        return paths
    }

    /// Every published file's bytes by path, manifests without their run id and times.
    func publishedFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in try publishedPaths() {
            var bytes = try outFile(path)
            if path.hasSuffix("manifest.json") {
                let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
                    .filter { !$0.contains("\"run_id\"") && !$0.contains("_at\"") }
                bytes = Array(text.joined(separator: "\n").utf8)
            }
            files[path] = bytes
        }
        return files
    }
}

/// CSV text without its byte-order mark, split into rows of cells (no quoted commas in these tables' checked columns).
func csvRows(_ bytes: [UInt8]) -> [[String]] {
    let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
    return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
}

@Suite("The load stage", .serialized)
struct LoadStageTests {
    static func published() throws -> TestWorkspace {
        let ws = try sampleWorkspace()
        _ = try ws.extract()
        _ = try ws.transform()
        _ = try ws.load()
        return ws
    }

    @Test func publishesTheSourceDocumentsSentence() throws {
        let ws = try Self.published()
        let report = String(decoding: try ws.outFile("2023-04/report.md"), as: UTF8.self)
        #expect(report.contains(
            "1-4月份，实现一般公共预算收入2.26亿元，同比增长51.1%；规上工业总产值33.3亿元，同比增长16.6%；规上工业增加值6.8亿元，同比增长19.2%；固定资产投资14.36亿元，同比增长27.7%；技改投资7.9亿元，同比增长60.3%。新增规上工业企业16家（净增12家）。"))
        #expect(report.contains("与全年目标任务（+30%）相差10.8个百分点"))
        #expect(report.contains("后8个月需增长35.4%"))
        #expect(report.contains("固定资产投资全年目标52亿元"))
        // latest → .current/latest → the generation's link to its newest period.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: ws.workspace.out + "/latest") == ".current/latest")
        let current = try FileManager.default.destinationOfSymbolicLink(atPath: ws.workspace.out + "/.current")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: ws.workspace.out + "/" + current + "/latest") == "2023-04")
        for name in ["indicators.csv", "indicators.json", "targets.csv", "targets.json", "roster.csv", "roster.json",
            "warnings.csv", "report.md", "report.html", "manifest.json"]
        {
            #expect(FileManager.default.fileExists(atPath: ws.workspace.out + "/2023-04/" + name), "\(name)")
        }
    }

    @Test func indicatorsCSVMatchesTheTransformResults() throws {
        let ws = try Self.published()
        let rows = csvRows(try ws.outFile("2023-04/indicators.csv"))
        #expect(rows.first == [
            "period", "indicator", "indicator_name", "unit", "scope", "scope_id", "scope_name", "units", "ytd", "ytd_base",
            "ytd_yoy_pct", "ytd_increment", "month", "month_base", "month_yoy_pct", "pull_pp", "share_pct", "estimate",
        ])
        let stored = try Warehouse(path: ws.workspace.warehouse).queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM out_indicators WHERE period = '2023-04' ORDER BY position")
        }
        let body = rows.dropFirst().filter { $0.count == 18 }
        #expect(body.count == stored.count)
        for (cells, row) in zip(body, stored) {
            #expect(cells[1] == row["indicator"] as String)
            #expect(cells[5] == row["scope_id"] as String)
            #expect(cells[8] == row["ytd"] as String)
            #expect(cells[9] == row["ytd_base"] as String)
            let exact = ResultCodec.ratio(row["ytd_yoy_exact"])
            #expect(cells[10] == (exact.map { $0.rounded(decimals: 4).description } ?? ""))
        }
        let zoneTax = try #require(body.first { $0[1] == "tax" && $0[4] == "zone" })
        #expect(zoneTax[8] == "22600.57")
        #expect(zoneTax[10] == "51.1000")
    }

    @Test func targetsAndRosterCSVMatchTheTransformResults() throws {
        let ws = try Self.published()
        let targets = csvRows(try ws.outFile("2023-04/targets.csv"))
        #expect(targets.first == [
            "period", "indicator", "indicator_name", "unit", "year", "kind", "target_value", "target_growth_pct", "source",
            "ytd", "ytd_yoy_pct", "completion_pct", "time_progress_pct", "ahead_pp", "gap_pp", "required_rest_growth_pct",
            "status",
        ])
        let stored = try Warehouse(path: ws.workspace.warehouse).queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM out_targets WHERE period = '2023-04' ORDER BY position")
        }
        #expect(targets.count - 1 == stored.count)
        let rate = try #require(stored.first { ($0["indicator"] as String) == "value_added" && ($0["kind"] as String) == "rate" })
        let gap = try #require(ResultCodec.ratio(rate["gap_exact"]))
        #expect(gap.rounded(decimals: 4).description == "10.8000")
        let rest = try #require(ResultCodec.ratio(rate["required_rest_exact"]))
        #expect(rest.rounded(decimals: 1).description == "35.4")
        let roster = csvRows(try ws.outFile("2023-04/roster.csv"))
        #expect(roster.first == [
            "period", "scope", "scope_id", "scope_name", "units", "new_units", "exited_units", "net_units", "growing_units",
            "declining_units", "unchanged_units", "no_base_units", "growing_share_pct", "declining_share_pct", "indicator",
        ])
        let zone = try #require(roster.first { $0.count > 7 && $0[1] == "zone" })
        #expect(Array(zone[4...7]) == ["125", "16", "4", "12"])
    }

    @Test func runsOverTheSameInputsAreByteIdenticalApartFromTheManifestsRunIdAndTimes() throws {
        let first = try Self.published()
        let second = try sampleWorkspace()
        _ = try second.extract()
        _ = try second.transform(threads: 1)
        _ = try second.load(runId: "another-run")
        let a = try first.publishedFiles(), b = try second.publishedFiles()
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path)") }
        let manifest = String(decoding: try second.outFile("2023-04/manifest.json"), as: UTF8.self)
        #expect(manifest.contains("another-run"))
        // A forced republication over the same warehouse changes nothing either.
        _ = try first.load(runId: "forced", force: true)
        #expect(try first.publishedFiles() == a)
    }

    @Test func anUnchangedWarehouseRepublishesNothing() throws {
        let ws = try Self.published()
        let again = try ws.load(runId: "again")
        #expect(again.periods.isEmpty)
        #expect(again.unchanged == 16)
        #expect(again.headline?.hasPrefix("1-4月份，实现一般公共预算收入2.26亿元") == true)
        // A new month's revision republishes that month's year from there on, not the year before.
        let code = (try ws.query("SELECT credit_code FROM units ORDER BY credit_code LIMIT 1") as [String]).first ?? ""
        try ws.drop("更正.csv", "统一社会信用代码,企业名称,报告期,税收本年累计(万元)\n\(code),x,2023-03,123456\n")
        _ = try ws.extract()
        _ = try ws.transform()
        let after = try ws.load(runId: "after")
        #expect(after.periods.map(\.description) == ["2023-03", "2023-04"])
    }

    @Test func aNewMonthPublishesThatMonthAloneAndAQuarantinedFileEveryManifestListingIt() throws {
        // The sample without its two files that are quarantined.
        let ws = try sampleWorkspace(only: { !$0.contains("西区") && !$0.contains("联络员") })
        _ = try ws.extract()
        _ = try ws.transform()
        #expect(try ws.load().periods.count == 16)
        let code = (try ws.query("SELECT credit_code FROM units ORDER BY credit_code LIMIT 1") as [String]).first ?? ""
        let name = (try ws.query("SELECT name FROM units WHERE credit_code = '\(code)'") as [String]).first ?? ""
        func month(_ period: String, _ value: String) -> String {
            "统一社会信用代码,企业名称,报告期,税收本年累计(万元)\n\(code),\(name),\(period),\(value)\n"
        }
        let april = try ws.outFile("2023-04/indicators.csv")
        try ws.drop("5月.csv", month("2023-05", "123456"))
        _ = try ws.extract()
        _ = try ws.transform()
        // The folder that was newest stays as published; only the new month is written.
        #expect(try ws.load(runId: "may").periods.map(\.description) == ["2023-05"])
        #expect(try ws.outFile("2023-04/indicators.csv") == april)
        // A quarantined file is listed in every manifest and warned about in the newest period.
        try ws.drop("坏.csv", month("2023-05", "abc"))
        _ = try ws.extract()
        _ = try ws.transform()
        #expect(try ws.load(runId: "bad").periods.count == 17)
        #expect(String(decoding: try ws.outFile("2023-05/warnings.csv"), as: UTF8.self).contains("坏.csv"))
        #expect(String(decoding: try ws.outFile("2023-04/manifest.json"), as: UTF8.self).contains("坏.csv"))
        // The next month takes that warning over from the folder that was newest.
        try ws.drop("6月.csv", month("2023-06", "234567"))
        _ = try ws.extract()
        _ = try ws.transform()
        #expect(try ws.load(runId: "june").periods.map(\.description) == ["2023-05", "2023-06"])
        #expect(!String(decoding: try ws.outFile("2023-05/warnings.csv"), as: UTF8.self).contains("坏.csv"))
        #expect(String(decoding: try ws.outFile("2023-06/warnings.csv"), as: UTF8.self).contains("坏.csv"))
    }

    @Test func unitNamesAreEscapedInTheHTMLReport() throws {
        let ws = try sampleWorkspace()
        let code = Codes.valid(77)
        try ws.drop(
            "注入.csv",
            "统一社会信用代码,企业名称,报告期,税收本年累计(万元)\n\(code),\"<script>alert(1)</script> & \"\"x\"\"\",2023-04,1\n")
        _ = try ws.extract()
        _ = try ws.transform()
        _ = try ws.load()
        let html = String(decoding: try ws.outFile("2023-04/report.html"), as: UTF8.self)
        #expect(!html.contains("<script"))
        let csv = String(decoding: try ws.outFile("2023-04/units.csv"), as: UTF8.self)
        #expect(csv.contains("\"<script>alert(1)</script> & \"\"x\"\"\""))
        #expect(!String(decoding: try ws.outFile("2023-04/indicators.csv"), as: UTF8.self).contains("alert"))
    }

    /// The run id in each period's manifest, by period folder.
    static func manifestRuns(_ ws: TestWorkspace) throws -> [String: String] {
        var runs: [String: String] = [:]
        for path in try ws.publishedPaths() where path.hasSuffix("/manifest.json") {
            let text = String(decoding: try ws.outFile(path), as: UTF8.self)
            let line = text.split(separator: "\n").first { $0.contains("\"run_id\"") }.map(String.init) ?? ""
            runs[String(path.prefix(7))] = line
        }
        return runs
    }

    @Test func aCrashAtEveryStepShowsOneRunWholeAndTheRerunFinishes() throws {
        var crashAt = 0, completed = false
        while !completed, crashAt < 20 {
            let ws = try Self.published()
            let before = try ws.publishedFiles()
            let runsBefore = try Self.manifestRuns(ws)
            let counter = StepCounter(), target = crashAt
            do {
                _ = try ws.load(runId: "crashing", force: true) { _ in
                    if counter.next() == target { throw SimulatedCrash(point: .afterMove, file: "publish") }
                }
                completed = true
            } catch is SimulatedCrash {
                // Every period folder is from one run — the previous or the crashing one — and
                // complete, and `latest` shows one.
                let runs = try Self.manifestRuns(ws)
                #expect(runs.keys.sorted() == runsBefore.keys.sorted(), "crash at step \(crashAt)")
                #expect(runs == runsBefore || Set(runs.values).count == 1 && runs.values.allSatisfy { $0.contains("crashing") })
                for period in ["2022-12", "2023-04"] {
                    for name in ["indicators.csv", "report.md", "manifest.json"] {
                        #expect(FileManager.default.fileExists(atPath: ws.workspace.out + "/\(period)/" + name))
                    }
                }
                #expect(FileManager.default.fileExists(atPath: ws.workspace.out + "/latest/report.html"))
            }
            _ = try ws.load()
            #expect(try ws.publishedFiles() == before)
            crashAt += 1
        }
        #expect(completed && crashAt >= 3)
    }

    @Test func anAnalystsFileInAPeriodFolderSurvivesARepublication() throws {
        let ws = try Self.published()
        let mine = ws.workspace.out + "/2023-04/我的分析.xlsx"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: mine))
        _ = try ws.load(runId: "again", force: true)
        #expect(FileManager.default.contents(atPath: mine) == Data("mine".utf8))
    }

    @Test func aFailedLoadLeavesNoStagingBehind() throws {
        let ws = try Self.published()
        let before = try ws.publishedFiles()
        #expect(throws: SimulatedCrash.self) {
            _ = try ws.load(runId: "failing", force: true) { step in
                if step == .staged { throw SimulatedCrash(point: .afterMove, file: "publish") }
            }
        }
        let generations = try FileManager.default.contentsOfDirectory(atPath: ws.workspace.out + "/.generations")
        #expect(generations == ["test-run"])
        #expect(try ws.publishedFiles() == before)
    }
}

/// Counts publication steps across the hook's calls; `@unchecked Sendable`: guarded by `lock`.
final class StepCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = -1

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
