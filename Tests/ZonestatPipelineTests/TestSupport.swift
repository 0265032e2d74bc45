import Foundation
import GRDB
import Logging
import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// Valid credit codes for test data (GB 32100 check character computed).
enum Codes {
    static func valid(_ number: Int) -> String {
        let body = "9134050" + String(repeating: "0", count: 10 - String(number).count) + String(number)
        return body + String(CreditCode.checkCharacter(for: body) ?? "0")
    }

    /// The same code with a wrong check character.
    static func wrongCheck(_ number: Int) -> String {
        let code = valid(number)
        let last = code.last ?? "0"
        return String(code.dropLast()) + (last == "1" ? "2" : "1")
    }
}

/// The default pipeline with no settle time, on a workspace in a fresh temporary folder.
final class TestWorkspace {
    let root: String
    var config: PipelineConfig
    var workspace: Workspace { Workspace(root: root) }
    private var clock = Date(timeIntervalSince1970: 1_680_000_000)

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zonestat-test-\(UUID().uuidString)").path
        config = PipelineConfig(zoneName: "测试开发区", workspace: root, settleSeconds: 0)
        try workspace.prepare()
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    static var quietLogger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    /// Drops a file into the inbox; each drop is a second newer than the previous one.
    @discardableResult
    func drop(_ name: String, _ text: String) throws -> String { try drop(name, bytes: Array(text.utf8)) }

    @discardableResult
    func drop(_ name: String, bytes: [UInt8]) throws -> String {
        let path = workspace.inbox + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        clock += 1
        try FileManager.default.setAttributes([.modificationDate: clock], ofItemAtPath: path)
        return path
    }

    /// The extract stage; its run id is fixed, so that two workspaces fed the same files
    /// publish the same bytes (revisions.csv names the run that ingested each correction).
    func stage(crashHook: CrashHook? = nil) -> ExtractStage {
        var stage = ExtractStage(config: config, workspace: workspace, logger: TestWorkspace.quietLogger, crashHook: crashHook)
        stage.runId = "extract-run"
        return stage
    }

    func extract(crashHook: CrashHook? = nil) throws -> ExtractSummary { try stage(crashHook: crashHook).run() }

    func files(_ folder: String) -> [String] {
        let path = root + "/" + folder
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        return enumerator.compactMap { item in
            guard let item = item as? String else { return nil }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path + "/" + item, isDirectory: &isFolder)
            return isFolder.boolValue ? nil : item
        }.sorted()
    }

    /// Runs `sql` on the warehouse. A query of `facts` — the rows the warehouse held before the
    /// fact blocks (v12): every vintage of every value, `superseded_by` the file that replaced it —
    /// reads them rebuilt from the blocks (``Warehouse/vintageRows(_:unit:period:indicatorId:)``)
    /// into a temporary table of that name, so that the tests keep asking what they asked.
    func query<T: DatabaseValueConvertible>(_ sql: String) throws -> [T] {
        let warehouse = try Warehouse(path: workspace.warehouse)
        return try warehouse.queue.inDatabase { db in
            if sql.contains("facts") { try TestWorkspace.materializeFacts(db) }
            return try T.fetchAll(db, sql: sql)
        }
    }

    static func materializeFacts(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.facts;
                CREATE TEMP TABLE facts (
                    id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL, period INTEGER NOT NULL, indicator_id INTEGER NOT NULL,
                    basis INTEGER NOT NULL, amount INTEGER NOT NULL, file_id INTEGER NOT NULL, line INTEGER NOT NULL,
                    superseded_by INTEGER)
                """)
        let insert = try db.makeStatement(
            sql: "INSERT INTO temp.facts(unit_id, period, indicator_id, basis, amount, file_id, line, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for row in try Warehouse.vintageRows(db, unit: nil, period: nil, indicatorId: nil) {
            try insert.execute(arguments: [
                row.unit, row.key.period, row.key.indicator, row.key.basis, row.amount, row.file, row.line, row.supersededBy,
            ])
        }
    }

    func count(_ sql: String) throws -> Int { (try query(sql) as [Int]).first ?? -1 }

    /// The rows whose declared foreign keys point nowhere, as `table:rowid→parent` (the
    /// warehouse declares its references but does not enforce them).
    func danglingReferences() throws -> [String] {
        let warehouse = try Warehouse(path: workspace.warehouse)
        return try warehouse.queue.read { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "\(row[0] as String? ?? ""):\(row[1] as Int64? ?? -1)→\(row[2] as String? ?? "")"
            }
        }
    }
}

/// A kind 1 file in 千元 for these units and values.
func wideFile(period: String, rows: [(code: String, name: String, month: String, ytd: String)]) -> String {
    var text = "单位:千元,,,,,\n统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月\n"
    for row in rows { text += "\(row.code),\(row.name),C3670,\(period),\(row.month),\(row.ytd)\n" }
    return text
}

/// Parses text as a file named `t.csv` with the default pipeline.
func parse(_ text: String, config: PipelineConfig = PipelineConfig(zoneName: "z", workspace: "/tmp")) -> ParsedFile {
    FileParser(config: config).parse(Array(text.utf8), name: "t.csv")
}
