import Foundation
import Testing
import ZonestatCore
import ZonestatPublish

@testable import ZonestatPipeline

/// The load's background staging: a folder over the size limit is written before `stage`
/// returns (a nation's period is not held twice), and every folder is published either way.
@Suite("Staging period folders")
struct FolderStagerTests {
    static func rendered(_ month: Int) throws -> RenderedPeriod {
        let period = try #require(Period(year: 2023, month: month))
        return RenderedPeriod(period: period, files: ["units.csv": Array("a,b\r\n\(month),2\r\n".utf8)], rows: ["units.csv": 1])
    }

    static func manifest(_ month: Int) throws -> Manifest {
        Manifest(
            runID: "r1", startedAt: "", finishedAt: "", softwareVersion: "t", pipelineFile: "p.yaml", pipelineSHA256: "00",
            period: try #require(Period(year: 2023, month: month)), inputs: [], outputs: [])
    }

    @Test(arguments: [0, FolderStager.overlapBytes])
    func everyFolderIsStagedAndALargeOneBeforeStageReturns(overlapBytes: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stager-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let publisher = Publisher(outRoot: root, runID: "r1")
        try publisher.begin()
        let stager = FolderStager(publisher: publisher, overlapBytes: overlapBytes)
        for month in 1...3 {
            try stager.stage(try Self.rendered(month), manifest: try Self.manifest(month))
            if overlapBytes == 0 {
                // Staged already: its file is in the run's generation.
                let staged = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix("2023-0\(month)/units.csv") }
                #expect(!staged.isEmpty, "2023-0\(month)")
            }
        }
        try stager.finish()
        let report = try publisher.commit(folders: ["2023-01", "2023-02", "2023-03"], topLevelFiles: [:])
        _ = report
        for month in 1...3 {
            let text = try String(contentsOfFile: root + "/2023-0\(month)/units.csv", encoding: .utf8)
            #expect(text == "a,b\r\n\(month),2\r\n")
        }
    }
}
