import Foundation
import GRDB
import Testing
import ZonestatCore

@testable import ZonestatPipeline

extension TestWorkspace {
    func rebuild() throws -> RebuildStage.Summary {
        var stage = RebuildStage(config: config, workspace: workspace, logger: TestWorkspace.quietLogger)
        stage.threads = 2
        return try stage.run()
    }

    /// Every row of the tables that hold what was ingested and computed, as text, in row order.
    func warehouseTables() throws -> [String] {
        let warehouse = try Warehouse(path: workspace.warehouse)
        return try warehouse.queue.read { db in
            var lines: [String] = []
            for table in [
                "ledger", "units", "fact_blocks", "current_blocks", "fact_revisions", "targets", "price_indices", "problems",
                "indicators", "out_indicators", "out_targets", "out_roster", "out_warnings",
            ] {
                // fact_revisions has no rowid: its key orders it.
                let order = table == "fact_revisions" ? "period, new_file_id, unit_id, indicator_id, basis" : "rowid"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    lines.append(table + ":" + row.columnNames.map { name -> String in
                        let value: DatabaseValue = row[name]
                        if case .blob(let bytes) = value.storage { return bytes.map { String(format: "%02x", $0) }.joined() }
                        return "\(row[name] ?? "")"
                    }.joined(separator: "|"))
                }
            }
            return lines
        }
    }

    func removeWarehouse() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace.warehouse + suffix) }
    }
}

@Suite("zonestat rebuild", .serialized)
struct RebuildStageTests {
    @Test func rebuildsTheSameTablesAndPublicationsFromTheArchive() throws {
        let ws = try sampleWorkspace()
        // A first night with part of the sample, a second with the rest: two runs, revisions,
        // quarantined files, and a duplicate.
        try FileManager.default.removeItem(atPath: ws.workspace.inbox)
        try ws.workspace.prepare()
        try dropSample(into: ws) { $0.hasPrefix("2022") }
        _ = try ws.extract()
        _ = try ws.transform()
        _ = try ws.load()
        try dropSample(into: ws) { !$0.hasPrefix("2022") }
        let resent = EndToEndTests.packageRoot.appendingPathComponent("sample-data/inbox/2023-04 税收.csv")
        try ws.drop("2023-04 税收（重发）.csv", bytes: [UInt8](try Data(contentsOf: resent)))
        _ = try ws.extract()
        _ = try ws.transform()
        _ = try ws.load()
        let tables = try ws.warehouseTables()
        let published = try ws.publishedFiles()
        #expect(try ws.count("SELECT COUNT(*) FROM ledger WHERE status = 'duplicate'") == 1)
        #expect(try ws.count("SELECT COUNT(*) FROM ledger WHERE status = 'quarantined'") == 2)
        #expect(try ws.count("SELECT COUNT(*) FROM facts WHERE superseded_by IS NOT NULL") > 0)

        ws.removeWarehouse()
        let summary = try ws.rebuild()
        #expect(summary.keptAs == nil)
        #expect(summary.ingested == 46)
        #expect(summary.quarantined == 2)
        #expect(summary.duplicates == 1)
        let rebuilt = try ws.warehouseTables()
        #expect(rebuilt.count == tables.count)
        #expect(rebuilt == tables, "first difference: \(zip(rebuilt, tables).first { $0 != $1 }.map { "\($0)\n≠ \($1)" } ?? "")")
        let republished = try ws.publishedFiles()
        #expect(republished.keys.sorted() == published.keys.sorted())
        for (path, bytes) in published { #expect(republished[path] == bytes, "\(path) differs") }
        // And the next night goes on as if nothing happened.
        #expect(try ws.extract().results.isEmpty)
    }

    @Test func keepsTheDamagedWarehouseAndItsLog() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(Codes.valid(61), "甲", "10", "30")]))
        _ = try ws.extract()
        let logBefore = try Data(contentsOf: URL(fileURLWithPath: ws.workspace.ledgerLog))
        ws.removeWarehouse()
        try Data().write(to: URL(fileURLWithPath: ws.workspace.warehouse))
        var stage = RebuildStage(config: ws.config, workspace: ws.workspace, logger: TestWorkspace.quietLogger)
        stage.now = { Date(timeIntervalSince1970: 1_700_000_000) }
        let summary = try stage.run()
        #expect(summary.keptAs == ws.workspace.warehouse + ".damaged-20231114T221320Z")
        #expect(FileManager.default.fileExists(atPath: ws.workspace.warehouse + ".damaged-20231114T221320Z"))
        #expect(try ws.count("SELECT COUNT(*) FROM facts") == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ws.workspace.ledgerLog)) == logBefore)
    }

    @Test func refusesWhatItCannotReplayAndMovesNothing() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(Codes.valid(62), "甲", "10", "30")]))
        _ = try ws.extract()
        let line = try #require(try ws.ledgerLog.lines().first)
        try FileManager.default.removeItem(atPath: ws.workspace.archive + "/" + line.sha256)
        #expect(throws: RebuildError.archivedFileMissing(
            ledgerId: 1, fileName: "2023-03.csv", path: ws.root + "/" + line.storedAs)) { try ws.rebuild() }
        #expect(FileManager.default.fileExists(atPath: ws.workspace.warehouse))
        #expect(!ws.files("").contains { $0.contains("damaged") })

        try FileManager.default.removeItem(atPath: ws.workspace.ledgerLog)
        #expect(throws: RebuildError.noLedgerLog(path: ws.workspace.ledgerLog)) { try ws.rebuild() }
    }

    @Test func refusesAnArchivedFileWhoseContentChanged() throws {
        let ws = try TestWorkspace()
        try ws.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(Codes.valid(63), "甲", "10", "30")]))
        _ = try ws.extract()
        let line = try #require(try ws.ledgerLog.lines().first)
        let path = ws.root + "/" + line.storedAs
        let edited = wideFile(period: "2023-03", rows: [(Codes.valid(63), "甲", "10", "31")])
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RebuildError.contentChanged(
            path: path, expected: line.sha256, found: SHA256.hexDigest(SHA256.digest(Array(edited.utf8))))) { try ws.rebuild() }
        // The damaged warehouse is kept; the partial new one is refused by every stage until rebuilt.
        #expect(ws.files("").contains { $0.hasPrefix("warehouse.sqlite.damaged-") })
        #expect(throws: WorkspaceError.self) { try ws.transform() }
    }
}
