import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("One file's failure is that file's problem: the rest of the inbox is taken")
struct InboxFailureTests {
    let a = Codes.valid(41)
    var good: String { wideFile(period: "2023-04", rows: [(a, "甲", "10", "40")]) }

    @Test func aLongNameIsQuarantinedUnderAShortenedNameAndTheRestIsTaken() throws {
        let ws = try TestWorkspace()
        // 80 CJK characters: 244 bytes with the extension; `<name>.errors.csv` would be 255+.
        let long = String(repeating: "统", count: 80) + ".csv"
        try ws.drop(long, "姓名,年龄\n张三,30\n")
        try ws.drop("good.csv", good)
        let summary = try ws.extract()
        #expect(summary.quarantined == 1 && summary.ingested == 1)
        #expect(ws.files("inbox").isEmpty)
        let quarantined = ws.files("quarantine")
        #expect(quarantined.count == 2)
        for name in quarantined { #expect(name.utf8.count <= 255) }
        let report = try #require(quarantined.first { $0.hasSuffix(".errors.csv") })
        #expect(report.hasPrefix(String(repeating: "统", count: 60)))
        #expect(report.hasSuffix(".csv.errors.csv") && report.contains("~"))
        // The file kept its own bytes, under the shortened name beside its report.
        #expect(quarantined.contains(String(report.dropLast(".errors.csv".count))))
        // A rerun has nothing to do.
        #expect(try ws.extract().results.isEmpty)
    }

    @Test func shortenedNamesKeepTheExtensionAndStayDistinct() {
        let first = DerivedName.fitting(String(repeating: "数", count: 90) + "一.csv", reserving: 24)
        let second = DerivedName.fitting(String(repeating: "数", count: 90) + "二.csv", reserving: 24)
        #expect(first != second)
        #expect(first.hasSuffix(".csv") && first.utf8.count <= 255 - 24)
        #expect(DerivedName.fitting("2023-04.csv", reserving: 24) == "2023-04.csv")
    }

    @Test func anUnreadableFileIsQuarantinedWithTheSystemsReason() throws {
        let ws = try TestWorkspace()
        let path = try ws.drop("locked.csv", good)
        try ws.drop("good.csv", wideFile(period: "2023-05", rows: [(a, "甲", "10", "50")]))
        var stage = ws.stage()
        if getuid() == 0 {
            // Root reads whatever the permissions say: fail the read the way the system would.
            stage.readFile = { file throws(WorkspaceError) in
                if file.name == "locked.csv" { throw .io(path: file.path, operation: "open", reason: "Permission denied") }
                return try FileOperations.read(raw: file.rawPath, shown: file.path)
            }
        } else {
            chmod(path, 0)
        }
        let summary = try stage.run()
        #expect(summary.ingested == 1 && summary.quarantined == 1)
        let locked = try #require(summary.results.first { $0.name == "locked.csv" })
        #expect(locked.problems.map(\.code) == [.unreadableFile])
        #expect(locked.problems.first?.message.contains("Permission denied") == true)
        #expect(ws.files("quarantine") == ["locked.csv", "locked.csv.errors.csv"])
        #expect(try ws.query("SELECT status FROM ledger WHERE file_name = 'locked.csv'") == ["quarantined"])
    }

    @Test func entriesThatAreNotFilesAreReportedEveryRunAndTheRestIsTaken() throws {
        let ws = try TestWorkspace()
        let inbox = ws.workspace.inbox
        #expect(mkfifo(inbox + "/pipe.csv", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: inbox + "/folder.csv", withIntermediateDirectories: false)
        try ws.drop("elsewhere.csv", good)
        try FileManager.default.moveItem(atPath: inbox + "/elsewhere.csv", toPath: ws.root + "/elsewhere.csv")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/link.csv", withDestinationPath: ws.root + "/elsewhere.csv")
        // A GBK name as unzip leaves it: 测试.csv in GB2312 bytes, not UTF-8.
        let gbk: [UInt8] = [0xB2, 0xE2, 0xCA, 0xD4] + Array(".csv".utf8)
        let raw = Array(inbox.utf8) + [UInt8(ascii: "/")] + gbk + [0]
        let descriptor = raw.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        let text = Array(good.utf8)
        _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        try ws.drop("good.csv", wideFile(period: "2023-05", rows: [(a, "甲", "10", "50")]))

        let first = try ws.extract()
        #expect(first.skipped["pipe.csv"] == .notAFile)
        #expect(first.skipped["folder.csv"] == .folder)
        #expect(first.skipped["link.csv"] == .symlink)
        #expect(first.ingested == 1 && first.quarantined == 1)
        let escaped = "\\xB2\\xE2\\xCA\\xD4.csv"
        let gbkResult = try #require(first.results.first { $0.name == escaped })
        #expect(gbkResult.problems.map(\.code).first == .badFileName)
        #expect(ws.files("quarantine").sorted() == [escaped, escaped + ".errors.csv"])
        // Reported again on the next run, and nothing else happens.
        let second = try ws.extract()
        #expect(second.results.isEmpty)
        #expect(Set(second.skipped.keys) == ["pipe.csv", "folder.csv", "link.csv"])
    }

    @Test func crashLeftoversInQuarantineAndArchiveAreRemoved() throws {
        let ws = try TestWorkspace()
        let leftovers = [
            "quarantine/bad.csv.errors.csv.tmp-4242", "quarantine/.dat.nosync3f1a.x1Yz", "archive/.zonestat-tmp-77",
        ]
        for path in leftovers + ["quarantine/notes.tmp-old"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: ws.root + "/" + path))
        }
        _ = try ws.extract()
        for path in leftovers { #expect(!FileManager.default.fileExists(atPath: ws.root + "/" + path)) }
        #expect(FileManager.default.fileExists(atPath: ws.root + "/quarantine/notes.tmp-old"))
    }

    @Test func aFileDatedInTheFutureIsTakenWithAWarning() throws {
        let ws = try TestWorkspace()
        ws.config.settleSeconds = 60
        let now = Date()
        for (name, offset) in [("2099.csv", 86_400.0 * 365), ("soon.csv", 10)] {
            let path = ws.workspace.inbox + "/" + name
            try Data(good.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(offset)], ofItemAtPath: path)
        }
        var stage = ws.stage()
        stage.now = { now }
        let summary = try stage.run()
        #expect(summary.results.map(\.name) == ["2099.csv"])
        #expect(summary.results.first?.problems.map(\.code) == [.futureDated])
        // Ten seconds ahead is within the settle time: a copy may still be running.
        #expect(summary.skipped["soon.csv"] == .settling)
    }

    @Test func aFileThatChangesWhileItIsReadIsLeftAndTakenWholeLater() throws {
        let ws = try TestWorkspace()
        let path = try ws.drop("growing.csv", good)
        var stage = ws.stage()
        let appended = "\(Codes.valid(42)),乙,C3670,2023-04,1,2\n"
        stage.readFile = { file throws(WorkspaceError) in
            let read = try FileOperations.read(raw: file.rawPath, shown: file.path)
            // The copy goes on: a row is appended once the reader has its bytes.
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data(appended.utf8))
                handle.closeFile()
            }
            return read
        }
        let first = try stage.run()
        #expect(first.results.isEmpty)
        #expect(first.skipped["growing.csv"] == .changedWhileRead)
        #expect(ws.files("inbox") == ["growing.csv"])
        let second = try ws.extract()
        #expect(second.ingested == 1)
        #expect(second.rows == 2)
        // The archive holds exactly the ingested bytes: its hash is the ledger's.
        let archived = try #require(ws.files("archive").first)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ws.root + "/archive/" + archived)))
        #expect(try ws.query("SELECT sha256 FROM ledger") == [SHA256.hexDigest(SHA256.digest(bytes))])
    }
}
