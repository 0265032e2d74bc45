import Foundation
import Testing
@testable import ZonestatPublish

@Suite("Publisher: nothing published is ever half-written")
struct PublisherTests {
    /// Publishes the previous run (in the current layout, or the older one of real folders),
    /// then the next run crashing at every step in turn; a reader must see one run whole at
    /// every step, before any recovery, and the run after must finish the publication.
    @Test(arguments: [false, true])
    func aCrashAtEveryStepShowsOneRunWholeAndTheNextRunFinishes(olderLayout: Bool) throws {
        var crashAt = 0
        var completed = false
        while !completed, crashAt < 40 {
            let fixture = try PublisherFixture()
            defer { fixture.remove() }
            if olderLayout {
                try fixture.writeOlderLayout(PublisherFixture.previous)
            } else {
                try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
            }
            #expect(fixture.isWholeRun())

            let crash = CrashAtStep(crashAt)
            do {
                try Publisher(outRoot: fixture.root, runID: "run2", hook: crash.hook).publish(PublisherFixture.next)
                completed = true
            } catch is Crash {
                let step = crash.steps.last.map(String.init(describing:)) ?? "?"
                #expect(fixture.isWholeRun(), "crash after \(step)")
                try Publisher(outRoot: fixture.root, runID: "inspect").recover()
                #expect(fixture.isWholeRun(), "after recovery from a crash after \(step)")
            }
            try Publisher(outRoot: fixture.root, runID: "run3").publish(PublisherFixture.next)
            #expect(fixture.isCompleteNext(), "crash at step \(crashAt)")
            crashAt += 1
        }
        #expect(completed)
        #expect(crashAt >= (olderLayout ? 7 : 4))
    }

    @Test func theStepsOfAPublication() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        let recorder = CrashAtStep(Int.max)
        try Publisher(outRoot: fixture.root, runID: "run2", hook: recorder.hook).publish(PublisherFixture.next)
        #expect(recorder.steps == [.staged, .linked("2023-05"), .flipped, .cleanedUp])
        // The documented paths are links that never change; `.current` is flipped.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.root + "/2023-04") == ".current/2023-04")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.root + "/latest") == ".current/latest")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.root + "/.current") == ".generations/run2")
    }

    @Test func theOlderLayoutIsAdoptedWithoutChangingWhatReadersSee() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try fixture.writeOlderLayout(PublisherFixture.previous)
        let recorder = CrashAtStep(Int.max)
        try Publisher(outRoot: fixture.root, runID: "run2", hook: recorder.hook).publish(PublisherFixture.next)
        #expect(recorder.steps == [
            .adopted, .converted("2023-03"), .converted("2023-04"), .converted("latest"), .converted("series.csv"),
            .staged, .linked("2023-05"), .flipped, .cleanedUp,
        ])
        #expect(fixture.isCompleteNext())
    }

    @Test func recoveryRemovesWhatAStoppedRunLeft() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        let manager = FileManager.default
        try manager.createDirectory(atPath: fixture.root + "/.generations/run9/2023-09", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: fixture.root + "/2023-09", withDestinationPath: ".current/2023-09")
        try manager.createSymbolicLink(atPath: fixture.root + "/.current.tmp", withDestinationPath: ".generations/run9")
        try manager.createSymbolicLink(atPath: fixture.root + "/.link-2023-10.tmp", withDestinationPath: ".current/2023-10")
        try Publisher(outRoot: fixture.root, runID: "run10").recover()
        #expect(fixture.isWholeRun())
        #expect(fixture.visibleNames() == ["2023-03", "2023-04", "latest", "series.csv"])
        #expect(fixture.isTidy())
    }

    @Test func recoveryRestoresAFolderAnOlderVersionMovedAside() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try fixture.writeOlderLayout(PublisherFixture.previous)
        let manager = FileManager.default
        try manager.createDirectory(atPath: fixture.root + "/.old-run9", withIntermediateDirectories: true)
        try manager.moveItem(atPath: fixture.root + "/2023-04", toPath: fixture.root + "/.old-run9/2023-04")
        try manager.createDirectory(atPath: fixture.root + "/.staging-run9/2023-04", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: fixture.root + "/latest.tmp", withDestinationPath: "2023-03")
        #expect(!fixture.isWholeRun())
        try Publisher(outRoot: fixture.root, runID: "run10").recover()
        #expect(fixture.isWholeRun())
        #expect(try manager.contentsOfDirectory(atPath: fixture.root).sorted() == ["2023-03", "2023-04", "latest", "series.csv"])
    }

    @Test func aLinkRemovedByHandIsPutBackByTheNextRun() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        try FileManager.default.removeItem(atPath: fixture.root + "/2023-04")
        try Publisher(outRoot: fixture.root, runID: "run2").publish(Publication(folders: [PublisherFixture.folder("2023-03", "new")]))
        #expect(fixture.contents("2023-04") == PublisherFixture.previous.folders[1].files)
        #expect(fixture.contents("latest") == PublisherFixture.previous.folders[1].files)
    }

    @Test func republishingAnOlderPeriodKeepsLatestOnTheNewest() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        try Publisher(outRoot: fixture.root, runID: "run2").publish(Publication(folders: [PublisherFixture.folder("2023-03", "new")]))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.root + "/.generations/run2/latest") == "2023-04")
        #expect(fixture.contents("latest") == PublisherFixture.previous.folders[1].files)
        #expect(fixture.contents("2023-03") == PublisherFixture.folder("2023-03", "new").files)
        // series.csv was not rewritten: the previous one is carried into the new generation.
        #expect(FileManager.default.contents(atPath: fixture.root + "/series.csv") == Data("old series".utf8))
    }

    @Test func filesThatAreNotThePublishersAreKeptNeverDeleted() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        let manager = FileManager.default
        try Data("分析".utf8).write(to: URL(fileURLWithPath: fixture.root + "/2023-04/分析.xlsx"))
        try Data("notes".utf8).write(to: URL(fileURLWithPath: fixture.root + "/notes.txt"))
        try Data("a file".utf8).write(to: URL(fileURLWithPath: fixture.root + "/2023-05"))
        let report = try Publisher(outRoot: fixture.root, runID: "run2").publish(PublisherFixture.next)
        #expect(report.keptForeign == ["2023-04/分析.xlsx"])
        #expect(manager.contents(atPath: fixture.root + "/2023-04/分析.xlsx") == Data("分析".utf8))
        #expect(manager.contents(atPath: fixture.root + "/notes.txt") == Data("notes".utf8))
        #expect(report.movedAside == ["2023-05": "2023-05.moved-aside-run2"])
        #expect(manager.contents(atPath: fixture.root + "/2023-05.moved-aside-run2") == Data("a file".utf8))
        #expect(fixture.contents("2023-05") == PublisherFixture.next.folders[1].files)
        // And again on the run after: still there.
        try Publisher(outRoot: fixture.root, runID: "run3").publish(PublisherFixture.next)
        #expect(manager.contents(atPath: fixture.root + "/2023-04/分析.xlsx") == Data("分析".utf8))
    }

    @Test func aRunIdUsedTwiceNeverTouchesTheGenerationInView() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "same").publish(PublisherFixture.previous)
        let crash = CrashAtStep(0)
        #expect(throws: Crash.self) {
            try Publisher(outRoot: fixture.root, runID: "same", hook: crash.hook).publish(PublisherFixture.next)
        }
        #expect(fixture.isWholeRun())
        try Publisher(outRoot: fixture.root, runID: "same").publish(PublisherFixture.next)
        #expect(fixture.isCompleteNext())
    }

    @Test func aFailedRunLeavesNoGenerationBehind() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        let publisher = Publisher(outRoot: fixture.root, runID: "run2")
        try publisher.begin()
        try publisher.stage(PublisherFixture.folder("2023-05", "new"))
        publisher.abort()
        #expect(fixture.isTidy())
        #expect(fixture.isWholeRun())
    }

    @Test(arguments: ["", ".hidden", "a/b", "latest", "latest.tmp", ".."])
    func namesThatAreNotPlainAreRefused(name: String) throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        let publication = Publication(folders: [PublishedFolder(name: name, files: ["a.csv": [1]])])
        #expect(throws: PublicationError.self) {
            try Publisher(outRoot: fixture.root, runID: "run1").publish(publication)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root).isEmpty)
    }

    @Test func aFileInsideAFolderMustBeAPlainName() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        let publication = Publication(folders: [PublishedFolder(name: "2023-04", files: ["../escape.csv": [1]])])
        #expect(throws: PublicationError.invalidName("../escape.csv", reason: "a name cannot contain / or NUL")) {
            try Publisher(outRoot: fixture.root, runID: "run1").publish(publication)
        }
    }

    @Test func folderSwapIsAvailableHere() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.root + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: fixture.root + "/b/inner", withIntermediateDirectories: true)
        let swapped = try FileSystem.exchange(fixture.root + "/a", fixture.root + "/b")
        // Where the system can swap, the swap happened; elsewhere nothing changed.
        #expect(FileManager.default.fileExists(atPath: fixture.root + (swapped ? "/a/inner" : "/b/inner")))
    }

    /// The file's inode number, to tell a linked file from a rewritten one.
    static func inode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
    }

    @Test func aFilePublishedWithTheSameBytesIsLinkedNotRewritten() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        let same = Array("same bytes".utf8)
        let first = PublishedFolder(name: "2023-04", files: ["same.csv": same, "changed.csv": Array("v1".utf8)])
        let second = PublishedFolder(name: "2023-04", files: ["same.csv": same, "changed.csv": Array("v2 longer".utf8)])
        try Publisher(outRoot: fixture.root, runID: "run1").publish(Publication(folders: [first]))
        let before = try Self.inode(fixture.root + "/2023-04/same.csv")
        let changedBefore = try Self.inode(fixture.root + "/2023-04/changed.csv")
        try Publisher(outRoot: fixture.root, runID: "run2").publish(Publication(folders: [second]))
        #expect(fixture.contents("2023-04") == second.files)
        #expect(try Self.inode(fixture.root + "/2023-04/same.csv") == before)
        #expect(try Self.inode(fixture.root + "/2023-04/changed.csv") != changedBefore)
        #expect(fixture.visibleNames() == ["2023-04", "latest"])
        #expect(fixture.isTidy())
    }

    @Test func sameSizeOtherBytesAreWritten() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.root + "/x", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: fixture.root + "/x/a", contents: Data("abcd".utf8)))
        #expect(FileSystem.holds(fixture.root + "/x/a", Array("abcd".utf8)))
        #expect(!FileSystem.holds(fixture.root + "/x/a", Array("abce".utf8)))
        #expect(!FileSystem.holds(fixture.root + "/x/a", Array("abc".utf8)))
        #expect(!FileSystem.holds(fixture.root + "/x/missing", []))
        #expect(!FileSystem.holds(fixture.root + "/x", []))
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/x/link", withDestinationPath: "a")
        #expect(!FileSystem.holds(fixture.root + "/x/link", Array("abcd".utf8)))
    }
}
