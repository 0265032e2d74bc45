import Testing

@testable import ZonestatCSV

@Suite("CSVRawRecord")
struct CSVRawRecordTests {
    /// The records of `bytes` read raw, fed in chunks of `chunkSize`, copied out.
    func rawRecords(_ bytes: [UInt8], strict: Bool = true, chunkSize: Int) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        let parser = try CSVParser(delimiter: UInt8(ascii: ","), strict: strict)
        try bytes.withUnsafeBytes { raw in
            for start in stride(from: 0, to: raw.count, by: chunkSize) {
                let chunk = UnsafeRawBufferPointer(rebasing: raw[start..<min(start + chunkSize, raw.count)])
                try parser.parse(chunk) { records.append($0.record) }
            }
        }
        try parser.finish { records.append($0.record) }
        return records
    }

    @Test("reads the same records as the record handler", arguments: CSVSpectrumTests.cases, [1, 7, 4096])
    func sameRecords(name: String, chunkSize: Int) throws {
        let bytes = try Fixture.bytes("csv-spectrum/csvs/\(name).csv")
        let strict = CSVSpectrumTests.isStrict(name)
        #expect(try rawRecords(bytes, strict: strict, chunkSize: chunkSize) == parseRecords(bytes, strict: strict))
    }

    @Test func cellsAsBytesAndText() throws {
        let parser = try CSVParser(delimiter: UInt8(ascii: ","))
        var seen: [(count: Int, cells: [[UInt8]], past: Int, text: String, line: Int)] = []
        let text = "a,\"b,\"\"c\"\"\",\n\n甲,\"x\ny\"\n"
        try Array(text.utf8).withUnsafeBytes { raw in
            try parser.parse(raw) { record in
                seen.append(
                    (record.count, (0..<record.count).map { Array(record[$0]) }, record[record.count].count,
                     record.string(1), record.line))
            }
        }
        try parser.finish { _ in }
        #expect(seen.map(\.count) == [3, 2])
        #expect(seen[0].cells == [Array("a".utf8), Array("b,\"c\"".utf8), []])
        #expect(seen.map(\.past) == [0, 0])
        #expect(seen.map(\.text) == ["b,\"c\"", "x\ny"])
        #expect(seen.map(\.line) == [1, 3])
    }

    @Test(arguments: [
        ",,", " , ", "\t,", "\u{3000},", "\u{A0}", "a,", ",\u{3000}x", "\r\n,", "\u{2028}", "é,", "\u{200B}",
    ])
    func blankAsCSVRecord(_ line: String) {
        let record = CSVRecord(fields: line.split(separator: ",", omittingEmptySubsequences: false).map(String.init), line: 1, byteOffset: 0)
        #expect(record.withRawRecord(\.isBlank) == record.isBlank)
    }

    @Test func withRawRecordKeepsEveryCell() {
        let record = CSVRecord(fields: ["甲", "", "b c", "工业总产值"], line: 7, byteOffset: 42)
        #expect(record.withRawRecord(\.record) == record)
    }
}
