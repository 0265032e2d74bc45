import Foundation
import Testing

@testable import ZonestatPipeline

/// The sample data through the built executables: published, the warehouse lost, every stage
/// refusing to run, `zonestat rebuild` giving back the same `out/`, and `zonestat history`.
@Suite("zonestat rebuild and zonestat history, end to end")
struct RebuildEndToEndTests {
    @Test func aLostWarehouseIsRebuiltToTheSamePublication() throws {
        let zonestat = try EndToEndTests.binary("zonestat")
        let ws = try sampleWorkspace()
        let pipeline = EndToEndTests.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let common = ["--pipeline", pipeline, "--workspace", ws.root]
        let run = try EndToEndTests.run(zonestat, ["run"] + common + ["--settle-seconds", "0"])
        #expect(run.status == 0, "\(run.err)")
        let published = try ws.publishedFiles()
        #expect(published.count > 100)

        // Lost: every stage stops with exit 4, says what is wrong and what to run, and publishes nothing.
        ws.removeWarehouse()
        try ws.drop("2022-02 规上工业企业月报（补报）.csv", wideFile(period: "2022-02", rows: [(Codes.valid(81), "新企业", "1", "1")]))
        for tool in ["zonestat-extract", "zonestat-transform", "zonestat-load"] {
            let result = try EndToEndTests.run(try EndToEndTests.binary(tool), common + ["--settle-seconds", "0"].filter { _ in tool == "zonestat-extract" })
            #expect(result.status == 4, "\(tool): \(result.err)")
            #expect(result.err.contains("the warehouse is missing"), "\(tool): \(result.err)")
            #expect(result.err.contains("archive/ledger.csv lists 46 ingested file(s)"), "\(tool): \(result.err)")
            #expect(result.err.contains("zonestat rebuild"))
        }
        #expect(!FileManager.default.fileExists(atPath: ws.workspace.warehouse))
        #expect(try ws.publishedFiles() == published)
        try FileManager.default.removeItem(atPath: ws.workspace.inbox + "/2022-02 规上工业企业月报（补报）.csv")

        let rebuild = try EndToEndTests.run(zonestat, ["rebuild"] + common)
        #expect(rebuild.status == 0, "\(rebuild.err)")
        #expect(rebuild.out.contains("rebuild: 46 file(s) re-ingested, 2 quarantined"), "\(rebuild.out)")
        let republished = try ws.publishedFiles()
        #expect(republished.keys.sorted() == published.keys.sorted())
        for (path, bytes) in published { #expect(republished[path] == bytes, "\(path) differs after the rebuild") }

        // The 更正 file's revision, and the value it replaced, as a tool reads them.
        let code = "91340521776435765M"
        let history = try EndToEndTests.run(
            zonestat, ["history"] + common + ["--unit", code, "--period", "2023-03", "--indicator", "output_value", "--format", "csv"])
        #expect(history.status == 0, "\(history.err)")
        let lines = history.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // month and ytd revised (two vintages each), base_month and base_ytd as first reported.
        #expect(lines.count == 7, "\(history.out)")
        #expect(lines[1].hasPrefix("\(code),马鞍山恒信复合材料有限公司,2023-03,output_value,规上工业总产值,month,321.8,万元,2023-03 规上工业企业月报.csv,71,"))
        #expect(lines[1].hasSuffix(",0,2023-03 规上工业企业月报_更正.csv"))
        #expect(lines[2].contains(",month,378.6,万元,2023-03 规上工业企业月报_更正.csv,4,"))
        #expect(lines[2].hasSuffix(",1,"))

        let table = try EndToEndTests.run(zonestat, ["history"] + common + ["--unit", code, "--period", "2023-03"])
        #expect(table.status == 0)
        #expect(table.out.contains("马鞍山恒信复合材料有限公司（\(code)）：14 个版本，其中现行 10 个"), "\(table.out)")

        let unknown = try EndToEndTests.run(zonestat, ["history"] + common + ["--unit", "91340521776435765X"])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("no file ingested names a unit with this credit code"))
    }
}
