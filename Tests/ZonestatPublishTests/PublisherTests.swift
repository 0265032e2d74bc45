import Foundation
import Testing
@testable import ZonestatPublish

@Suite("Publisher: nothing published is ever half-written")
struct PublisherTests {
    /// swap folders in one step, link `latest`.
    static let modes: [(swaps: Bool, links: Bool)] = [(true, true), (false, true), (false, false), (true, false)]

    @Test(arguments: 0..<4)
    func aCrashAtEveryStepLeavesCompleteFoldersAndTheNextRunFinishes(mode: Int) throws {
        let (swaps, links) = Self.modes[mode]
        var crashAt = 0
        var completed = false
        while !completed, crashAt < 40 {
            let fixture = try PublisherFixture()
            defer { fixture.remove() }
            var first = Publisher(outRoot: fixture.root, runID: "run1")
            first.swapsFolders = swaps
            first.linksLatest = links
            try first.publish(PublisherFixture.previous)
            #expect(fixture.isConsistent(allowMissing: ["2023-05"]))

            let crash = CrashAtStep(crashAt)
            var second = Publisher(outRoot: fixture.root, runID: "run2", hook: crash.hook)
            second.swapsFolders = swaps
            second.linksLatest = links
            do {
                try second.publish(PublisherFixture.next)
                completed = true
            } catch is Crash {
                let step = crash.steps.last.map(String.init(describing:)) ?? "?"
                if swaps {
                    // Folders are swapped in one step: consistent even before any recovery.
                    #expect(fixture.isConsistent(), "mode \(mode), crash after \(step)")
                }
                try Publisher(outRoot: fixture.root, runID: "inspect").recover()
                #expect(fixture.isConsistent(), "mode \(mode), after recovery from a crash after \(step)")
            }
            var third = Publisher(outRoot: fixture.root, runID: "run3")
            third.swapsFolders = swaps
            third.linksLatest = links
            try third.publish(PublisherFixture.next)
            #expect(fixture.isCompleteNext(), "mode \(mode), crash at step \(crashAt)")
            if links {
                #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.root + "/latest") == "2023-05")
            }
            crashAt += 1
        }
        #expect(completed)
        #expect(crashAt >= 5)
    }

    @Test func theStepsOfAPublication() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        let recorder = CrashAtStep(Int.max)
        var publisher = Publisher(outRoot: fixture.root, runID: "run2", hook: recorder.hook)
        publisher.swapsFolders = false
        try publisher.publish(PublisherFixture.next)
        #expect(recorder.steps == [
            .staged, .movedAside("2023-04"), .replacedFolder("2023-04"), .replacedFolder("2023-05"),
            .replacedFile("series.csv"), .pointedLatest("2023-05"), .cleanedUp,
        ])
    }

    @Test func recoveryRestoresAFolderMovedAsideAndRemovesLeftovers() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        let manager = FileManager.default
        try manager.createDirectory(atPath: fixture.root + "/.old-run9", withIntermediateDirectories: true)
        try manager.moveItem(atPath: fixture.root + "/2023-04", toPath: fixture.root + "/.old-run9/2023-04")
        try manager.createDirectory(atPath: fixture.root + "/.staging-run9/2023-04", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: fixture.root + "/latest.tmp", withDestinationPath: "2023-03")
        #expect(!fixture.isConsistent())
        try Publisher(outRoot: fixture.root, runID: "run10").recover()
        #expect(fixture.isConsistent())
        #expect(try manager.contentsOfDirectory(atPath: fixture.root).sorted() == ["2023-03", "2023-04", "latest", "series.csv"])
    }

    @Test func latestIsRepointedWhenItsTargetIsGone() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        try FileManager.default.removeItem(atPath: fixture.root + "/2023-04")
        try Publisher(outRoot: fixture.root, runID: "run2").recover()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.root + "/latest") == "2023-03")
    }

    @Test func republishingAnOlderPeriodKeepsLatestOnTheNewest() throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        try Publisher(outRoot: fixture.root, runID: "run1").publish(PublisherFixture.previous)
        try Publisher(outRoot: fixture.root, runID: "run2").publish(Publication(folders: [PublisherFixture.folder("2023-03", "new")]))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.root + "/latest") == "2023-04")
        #expect(fixture.contents("2023-03") == PublisherFixture.folder("2023-03", "new").files)
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

    @Test(arguments: [true, false])
    func aFilePublishedWithTheSameBytesIsLinkedNotRewritten(swaps: Bool) throws {
        let fixture = try PublisherFixture()
        defer { fixture.remove() }
        let same = Array("same bytes".utf8)
        let first = PublishedFolder(name: "2023-04", files: ["same.csv": same, "changed.csv": Array("v1".utf8)])
        let second = PublishedFolder(name: "2023-04", files: ["same.csv": same, "changed.csv": Array("v2 longer".utf8)])
        try Publisher(outRoot: fixture.root, runID: "run1").publish(Publication(folders: [first]))
        let before = try Self.inode(fixture.root + "/2023-04/same.csv")
        let changedBefore = try Self.inode(fixture.root + "/2023-04/changed.csv")
        var publisher = Publisher(outRoot: fixture.root, runID: "run2")
        publisher.swapsFolders = swaps
        try publisher.publish(Publication(folders: [second]))
        #expect(fixture.contents("2023-04") == second.files)
        #expect(try Self.inode(fixture.root + "/2023-04/same.csv") == before)
        #expect(try Self.inode(fixture.root + "/2023-04/changed.csv") != changedBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root).sorted() == ["2023-04", "latest"])
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
