import Foundation
import Testing
import ZonestatCore
@testable import ZonestatPublish

/// A large file written straight into the run's generation: the same bytes as the file would
/// have been, its hash right, and a file equal to the published one linked, not written.
@Suite("Staged file: written a chunk at a time")
struct StagedFileTests {
    /// Pseudo-random bytes, a few chunks long, the same for the same seed.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    /// Publishes `2023-04/units.csv` holding `published`, then stages `2023-04/units.csv`
    /// written as `write` writes it in run2; returns the fixture, the staged path and the hash.
    static func stage(
        published: [UInt8]?, _ write: (StagedFile) throws -> Void
    ) throws -> (fixture: PublisherFixture, path: String, publishedPath: String, sha256: String) {
        let fixture = try PublisherFixture()
        var files = ["report.md": Array("report".utf8)]
        files["units.csv"] = published
        try Publisher(outRoot: fixture.root, runID: "run1").publish(
            Publication(folders: [PublishedFolder(name: "2023-04", files: files)]))
        let publisher = Publisher(outRoot: fixture.root, runID: "run2")
        try publisher.begin()
        let file = try publisher.stagedFile("units.csv", in: "2023-04")
        try write(file)
        let sha256 = try file.finish()
        return (fixture, publisher.generationPath + "/2023-04/units.csv", fixture.root + "/.generations/run1/2023-04/units.csv", sha256)
    }

    /// Writes `bytes` in pieces of uneven sizes.
    static func writeInPieces(_ bytes: [UInt8], to file: StagedFile) throws {
        var offset = 0
        var size = 1
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            try file.write(Array(bytes[offset..<end]))
            offset = end
            size = size * 3 + 7
        }
    }

    static func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    @Test func aFileEqualToThePublishedOneIsLinkedNotWritten() throws {
        let bytes = Self.bytes(5 * StagedFile.chunk + 123, seed: 1)
        let staged = try Self.stage(published: bytes) { try Self.writeInPieces(bytes, to: $0) }
        defer { staged.fixture.remove() }
        #expect(staged.sha256 == SHA256.hexDigest(SHA256.digest(bytes)))
        #expect(Self.inode(staged.path) != nil)
        #expect(Self.inode(staged.path) == Self.inode(staged.publishedPath))
    }

    @Test(arguments: [0, StagedFile.chunk - 1, 3 * StagedFile.chunk + 5, 5 * StagedFile.chunk + 122])
    func aFileThatDiffersIsWrittenWhole(at position: Int) throws {
        let published = Self.bytes(5 * StagedFile.chunk + 123, seed: 2)
        var bytes = published
        bytes[position] ^= 0xFF
        let staged = try Self.stage(published: published) { try Self.writeInPieces(bytes, to: $0) }
        defer { staged.fixture.remove() }
        #expect(Self.contents(staged.path) == bytes)
        #expect(Self.inode(staged.path) != Self.inode(staged.publishedPath))
        #expect(staged.sha256 == SHA256.hexDigest(SHA256.digest(bytes)))
        #expect(Self.contents(staged.publishedPath) == published)
    }

    @Test(arguments: [-1_000, -1, 1, 3 * StagedFile.chunk])
    func aShorterOrLongerFileIsWrittenWhole(by change: Int) throws {
        let longest = Self.bytes(4 * StagedFile.chunk + 77 + max(change, 0), seed: 3)
        let published = Array(longest.prefix(4 * StagedFile.chunk + 77))
        let bytes = Array(longest.prefix(published.count + change))
        let staged = try Self.stage(published: published) { try Self.writeInPieces(bytes, to: $0) }
        defer { staged.fixture.remove() }
        #expect(Self.contents(staged.path) == bytes)
        #expect(staged.sha256 == SHA256.hexDigest(SHA256.digest(bytes)))
    }

    @Test func aFileWithNothingPublishedIsWritten() throws {
        let bytes = Self.bytes(2 * StagedFile.chunk + 9, seed: 4)
        let staged = try Self.stage(published: nil) { try Self.writeInPieces(bytes, to: $0) }
        defer { staged.fixture.remove() }
        #expect(Self.contents(staged.path) == bytes)
        #expect(staged.sha256 == SHA256.hexDigest(SHA256.digest(bytes)))
        let empty = try Self.stage(published: nil) { _ in }
        defer { empty.fixture.remove() }
        #expect(Self.contents(empty.path) == [])
        #expect(empty.sha256 == SHA256.hexDigest(SHA256.digest([])))
    }

    /// A zip entry's header: reserved, its data written, then patched.
    @Test(arguments: [0, 1, 2])
    func aReservedRangeHoldsItsPatch(published variant: Int) throws {
        let head = Self.bytes(1_000, seed: 5), header = Self.bytes(30, seed: 6), data = Self.bytes(3 * StagedFile.chunk, seed: 7)
        let bytes = head + header + data + [1, 2, 3]
        // The same file, one differing in the patched range only, none.
        var other = bytes
        other[1_010] ^= 1
        let published: [UInt8]? = [bytes, other, nil][variant]
        let staged = try Self.stage(published: published) { file in
            try file.write(head)
            let at = try file.reserve(header.count)
            #expect(at == head.count)
            try Self.writeInPieces(data, to: file)
            try file.patch(header, at: at)
            try file.write([1, 2, 3])
        }
        defer { staged.fixture.remove() }
        #expect(Self.contents(staged.path) == bytes)
        #expect(staged.sha256 == SHA256.hexDigest(SHA256.digest(bytes)))
        #expect((Self.inode(staged.path) == Self.inode(staged.publishedPath)) == (variant == 0))
    }

    /// The in-memory output gives the same bytes for the same calls.
    @Test func memoryOutputPatchesInPlace() throws {
        let output = MemoryOutput()
        try output.write([1, 2])
        let at = output.reserve(3)
        try output.write([9])
        output.patch([5, 6, 7], at: at)
        #expect(output.take() == [1, 2, 5, 6, 7, 9])
    }
}
