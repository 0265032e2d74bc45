import Testing
import XLSXFixtures

@testable import ZonestatXLSX

/// The zip container read within its own bytes: whatever a damaged copy holds, an error —
/// never a loop, a trap or an allocation past what the file could hold. (ZIPFoundation's reader
/// looped forever on a deflate stream cut short and trapped on a directory pointing past the
/// end: both found by `make fuzz`.)
@Suite("ZipArchive: a damaged workbook is an error, never a hang")
struct ZipArchiveTests {
    static func workbook() throws -> [UInt8] {
        try XLSXFixture.workbook([.init("表1", rows: [["企业名称", .number("6869.8")], ["甲公司", .number("1")]])])
    }

    /// The entry's place in `bytes`: the start of its compressed data.
    static func dataStart(_ archive: ZipArchive, _ entry: ZipArchive.Entry) -> Int {
        let header = entry.localHeaderOffset
        return header + 30 + Int(ZipArchive.uint16(archive.bytes, header + 26)) + Int(ZipArchive.uint16(archive.bytes, header + 28))
    }

    static func setUInt32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        for index in 0..<4 { bytes[at + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }

    /// Where the central directory's record of `path` starts.
    static func directoryRecord(_ bytes: [UInt8], _ path: String) -> Int? {
        let name = Array(path.utf8)
        var at = 0
        while at + 46 + name.count <= bytes.count {
            if ZipArchive.uint32(bytes, at) == 0x0201_4B50, Array(bytes[(at + 46)..<(at + 46 + name.count)]) == name { return at }
            at += 1
        }
        return nil
    }

    @Test func readsWhatZIPFoundationWrote() throws {
        let archive = try ZipArchive(try Self.workbook())
        let sheet = try #require(archive.entry("xl/worksheets/sheet1.xml"))
        #expect(sheet.method == 8)
        let text = String(decoding: try archive.data(of: sheet), as: UTF8.self)
        #expect(text.contains("<sheetData>") && text.contains("6869.8"))
        #expect(archive.entry("XL/WORKBOOK.XML") != nil)
    }

    @Test func aDeflateStreamCutShortIsAnError() throws {
        var bytes = try Self.workbook()
        let archive = try ZipArchive(bytes)
        let sheet = try #require(archive.entry("xl/worksheets/sheet1.xml"))
        let start = Self.dataStart(archive, sheet)
        // The second half of the stream zeroed: it never ends where the directory says it does.
        for index in (start + sheet.compressedSize / 2)..<(start + sheet.compressedSize) { bytes[index] = 0 }
        #expect(throws: ZipArchive.Failure.self) { try ZipArchive(bytes).data(of: sheet) }
        #expect(throws: WorkbookError.self) { try Workbook(bytes: bytes) }
    }

    @Test func sizesPastTheEndOrImpossibleRatiosAreErrors() throws {
        let original = try Self.workbook()
        let record = try #require(Self.directoryRecord(original, "xl/worksheets/sheet1.xml"))
        // The compressed size pointing past the end of the file.
        var past = original
        Self.setUInt32(&past, record + 20, 0x7FFF_FFF0)
        let pastSheet = try #require(try ZipArchive(past).entry("xl/worksheets/sheet1.xml"))
        #expect(throws: ZipArchive.Failure.self) { try ZipArchive(past).data(of: pastSheet) }
        // An uncompressed size no deflate stream of that length can give (a bomb's header).
        var bomb = original
        Self.setUInt32(&bomb, record + 24, 0x3FFF_FFFF)
        let bombSheet = try #require(try ZipArchive(bomb).entry("xl/worksheets/sheet1.xml"))
        #expect(throws: ZipArchive.Failure.damaged("xl/worksheets/sheet1.xml: 1073741823 bytes uncompressed, more than a workbook part holds")) {
            try ZipArchive(bomb).data(of: bombSheet)
        }
        // A local header offset past the end.
        var local = original
        Self.setUInt32(&local, record + 42, 0x7FFF_0000)
        let localSheet = try #require(try ZipArchive(local).entry("xl/worksheets/sheet1.xml"))
        #expect(throws: ZipArchive.Failure.self) { try ZipArchive(local).data(of: localSheet) }
    }

    @Test func aDirectoryOutsideTheFileIsNoZip() throws {
        var bytes = try Self.workbook()
        // The end record's directory offset moved past the end.
        let end = try #require((0...(bytes.count - 22)).reversed().first { ZipArchive.uint32(bytes, $0) == 0x0605_4B50 })
        Self.setUInt32(&bytes, end + 16, UInt32(bytes.count + 100))
        #expect(throws: ZipArchive.Failure.noDirectory) { try ZipArchive(bytes) }
        #expect(throws: WorkbookError.notAZip) { try Workbook(bytes: bytes) }
        // Cut anywhere, the file is an error of one kind or another, never a trap.
        let whole = try Self.workbook()
        for length in stride(from: 0, to: whole.count, by: 97) {
            _ = try? Workbook(bytes: Array(whole.prefix(length)))
        }
    }

    @Test func aChecksumThatDoesNotMatchIsAnError() throws {
        var bytes = try Self.workbook()
        let record = try #require(Self.directoryRecord(bytes, "xl/worksheets/sheet1.xml"))
        bytes[record + 16] ^= 0xFF
        let sheet = try #require(try ZipArchive(bytes).entry("xl/worksheets/sheet1.xml"))
        #expect(throws: ZipArchive.Failure.self) { try ZipArchive(bytes).data(of: sheet) }
    }
}

@Suite("Worksheet references the fuzzer broke")
struct WorksheetReferenceTests {
    /// A cell reference of many letters overflowed the column number (a trap, found by
    /// `make fuzz` on the xlsx reader): past Excel's three letters it is a malformed reference.
    @Test func aLongRunOfLettersIsMalformedNotATrap() throws {
        #expect(throws: (any Error).self) { try WorksheetReader.column(of: String(repeating: "Z", count: 40) + "1") }
        #expect(throws: (any Error).self) { try WorksheetReader.column(of: "ABCD1") }
        #expect(try WorksheetReader.column(of: "XFD1") == 16_383)
        #expect(try WorksheetReader.column(of: "AA7") == 26)
    }
}
