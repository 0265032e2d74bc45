import Testing
import ZonestatCore
@testable import ZonestatPublish

@Suite("Period folder and manifest")
struct PeriodFilesTests {
    static let input = ManifestInput(
        name: "2023-04企业月报.csv", bytes: Array("a,b\r\n".utf8), encoding: "gb18030", kind: "wide", rows: 125,
        periods: [SourceDocument.april, SourceDocument.period(2023, 3), SourceDocument.april])

    static func manifest(runID: String = "run-1", started: String = "2023-05-10T02:00:00Z") -> Manifest {
        Manifest(
            runID: runID, startedAt: started, finishedAt: "2023-05-10T02:00:05Z", softwareVersion: "0.1.0",
            pipelineFile: "pipelines/default.yaml", pipelineSHA256: SHA256.hexDigest(SHA256.digest(Array("x".utf8))),
            period: nil,
            inputs: [Self.input, ManifestInput(name: "年度目标.xlsx", sha256: "00", encoding: "utf-8", kind: "targets", rows: 5, periods: [])],
            outputs: [ManifestOutput(path: "series.csv", bytes: [1, 2, 3], rows: 10)])
    }

    @Test func theFolderHasEveryFileOfTheLayout() throws {
        let folder = try PeriodFiles.render(SourceDocument.context(), manifest: Self.manifest())
        #expect(folder.name == "2023-04")
        #expect(folder.files.keys.sorted() == [
            "changes.csv", "indicators.csv", "indicators.json", "manifest.json", "report.html", "report.md",
            "revisions.csv", "revisions.json", "roster.csv", "roster.json", "tables.xlsx", "targets.csv", "targets.json",
            "units.csv", "warnings.csv",
        ])
    }

    @Test func manifestListsInputsAndOutputsSortedWithHashesAndRows() throws {
        let folder = try PeriodFiles.render(SourceDocument.context(), manifest: Self.manifest())
        let manifest = TestText.string(folder.files["manifest.json"] ?? [])
        let indicatorsHash = SHA256.hexDigest(SHA256.digest(folder.files["indicators.csv"] ?? []))
        #expect(manifest.contains(#"{"path": "2023-04/indicators.csv", "rows": 13, "sha256": "\#(indicatorsHash)"}"#))
        #expect(manifest.contains(#"{"path": "2023-04/report.md", "rows": null, "sha256": "#))
        // Tools check the layout they read against the contract version (outputs.md: 2, units.csv).
        #expect(manifest.contains(#""contract_version": 2,"#))
        #expect(manifest.contains(#"{"path": "2023-04/units.csv", "rows": "#))
        #expect(manifest.contains(#"{"path": "series.csv", "rows": 10, "sha256": "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81"}"#))
        #expect(manifest.contains(#""periods": ["2023-03", "2023-04"]"#))
        #expect(manifest.contains(#""encoding": "gb18030", "kind": "wide", "rows": 125"#))
        #expect(manifest.contains(#""pipeline": {"file": "pipelines/default.yaml", "sha256": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"}"#))
        #expect(manifest.contains(#""period": "2023-04""#))
        let first = try #require(manifest.range(of: "2023-04企业月报.csv")), second = try #require(manifest.range(of: "年度目标.xlsx"))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test func twoRunsDifferOnlyInRunIDAndTimes() throws {
        let first = try PeriodFiles.render(SourceDocument.context(), manifest: Self.manifest())
        let second = try PeriodFiles.render(SourceDocument.context(), manifest: Self.manifest(runID: "run-2", started: "2023-05-11T02:00:00Z"))
        for name in first.files.keys where name != "manifest.json" {
            #expect(first.files[name] == second.files[name], "\(name) differs")
        }
        let strip: ([UInt8]?) -> [String] = { bytes in
            TestText.string(bytes ?? []).split(separator: "\n").map(String.init)
                .filter { !$0.contains("\"run_id\"") && !$0.contains("\"started_at\"") }
        }
        #expect(strip(first.files["manifest.json"]) == strip(second.files["manifest.json"]))
    }

    @Test func csvWithoutBOMWhenAsked() throws {
        let folder = try PeriodFiles.render(SourceDocument.context(), manifest: Self.manifest(), bom: false)
        #expect(folder.files["indicators.csv"]?.first == UInt8(ascii: "p"))
        #expect(folder.files["warnings.csv"].map { Array($0.prefix(6)) } == Array("文件".utf8))
    }
}
