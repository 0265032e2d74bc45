import Foundation
import Testing
import ZIPFoundation

@testable import ZonestatPublish

/// The .xlsx container's own zip writer, read back by an independent reader (ZIPFoundation):
/// every entry's bytes, CRC and size, for entries empty, small and of many deflate rounds.
@Suite("Zip writer")
struct ZipWriterTests {
    /// Bytes deflate cannot shrink much (xorshift), so the deflater fills its room many times.
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    @Test func entriesReadBackExactlyByAnotherReader() throws {
        let entries: [(String, [UInt8])] = [
            ("empty.txt", []), ("a/b.xml", Array("<x>工业总产值</x>".utf8)),
            ("xl/worksheets/sheet1.xml", Array(String(repeating: "<row r=\"1\"><c><v>12345.6789</v></c></row>", count: 60_000).utf8)),
            ("noise.bin", Self.noise(3_000_000, seed: 7)),
        ]
        var writer = ZipWriter()
        for (path, bytes) in entries {
            try writer.add(path) { sink throws(ZipWriter.Failure) in
                // In uneven pieces, as a sheet is written.
                var start = 0
                var step = 1
                while start < bytes.count {
                    let end = min(bytes.count, start + step)
                    try sink.append(Array(bytes[start..<end]))
                    start = end
                    step = step * 3 + 1
                }
            }
        }
        let archive = try Archive(data: Data(try writer.finish(file: "t.zip")), accessMode: .read)
        let read = Array(archive)
        #expect(read.map(\.path) == entries.map(\.0))
        for ((path, bytes), entry) in zip(entries, read) {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            #expect([UInt8](data) == bytes, "\(path)")
            #expect(entry.uncompressedSize == UInt64(bytes.count))
        }
        // The repetitive sheet is deflated, not stored.
        #expect(read[2].compressedSize * 20 < read[2].uncompressedSize)
    }

    @Test func sameEntriesGiveSameBytes() throws {
        func archive() throws -> [UInt8] {
            var zip = ZipWriter()
            try zip.add("x.xml") { sink throws(ZipWriter.Failure) in try sink.append("<a/>") }
            try zip.add("y.bin") { sink throws(ZipWriter.Failure) in try sink.append(Self.noise(100_000, seed: 3)) }
            return try zip.finish(file: "t.zip")
        }
        #expect(try archive() == archive())
    }

    /// An entry deflated in parts on several cores is one stream: another reader inflates it
    /// to the parts' bytes in order and finds the combined CRC right.
    @Test func anEntryInPartsReadsBackAsOne() throws {
        let parts = (0..<7).map { part in
            part == 3 ? [] : Self.noise(part * 70_000, seed: UInt64(part + 1)) + Array(String(repeating: "<c>\(part)</c>", count: 9_000).utf8)
        }
        var writer = ZipWriter()
        try writer.add("a.xml") { sink throws(ZipWriter.Failure) in try sink.append("<a/>") }
        try writer.add("parts.xml", parts: parts.count) { part, sink throws(ZipWriter.Failure) in try sink.append(parts[part]) }
        let bytes = try writer.finish(file: "t.zip")
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive["parts.xml"])
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        #expect([UInt8](data) == parts.flatMap { $0 })
        var again = ZipWriter()
        try again.add("a.xml") { sink throws(ZipWriter.Failure) in try sink.append("<a/>") }
        try again.add("parts.xml", parts: parts.count) { part, sink throws(ZipWriter.Failure) in try sink.append(parts[part]) }
        #expect(try again.finish(file: "t.zip") == bytes)
    }
}
