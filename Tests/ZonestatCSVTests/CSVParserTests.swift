import Testing

@testable import ZonestatCSV

@Suite("CSVParser")
struct CSVParserTests {
    @Test func lineNumbersAndOffsetsWithLF() throws {
        let records = try parseRecords("a,b\n1,2\n\n3,4\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records.map(\.byteOffset) == [0, 4, 9])
    }

    @Test func lineNumbersAndOffsetsWithCRLF() throws {
        let records = try parseRecords("a,b\r\n1,2\r\n\r\n3,4\r\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records.map(\.byteOffset) == [0, 5, 12])
    }

    @Test(arguments: ["\n", "\r\n"])
    func recordsAfterAnEmbeddedNewlineKeepTheirLines(newline: String) throws {
        let text = [
            "id,note", "1,\"line one", "line two", "line three\"", "2,plain",
            "\"first field", "on two lines\",x", "3,y",
        ].joined(separator: newline)
        let records = try parseRecords(text)
        #expect(records.map(\.line) == [1, 2, 5, 6, 8])
        #expect(records[1].fields == ["1", "line one\(newline)line two\(newline)line three"])
        #expect(records[3].fields == ["first field\(newline)on two lines", "x"])
        let lineStarts =
            [0]
            + text.utf8.indices.filter { text.utf8[$0] == 0x0A }.map {
                text.utf8.distance(from: text.utf8.startIndex, to: $0) + 1
            }
        #expect(records.map(\.byteOffset) == [1, 2, 5, 6, 8].map { lineStarts[$0 - 1] })
    }

    @Test func lastRecordWithoutLineBreak() throws {
        let records = try parseRecords("a,b\n1,")
        #expect(records.last == CSVRecord(fields: ["1", ""], line: 2, byteOffset: 4))
    }

    @Test func tabDelimiterKeepsEmptyCells() throws {
        let records = try parseRecords("a\t\tc\n\t\t\n", delimiter: 0x09)
        #expect(records.map(\.fields) == [["a", "", "c"], ["", "", ""]])
        #expect(records[1].isBlank)
    }

    @Test func quoteInUnquotedField() throws {
        let error = thrownError(CSVError.self) { _ = try parseRecords("a,b\nx,y\"z\n") }
        #expect(error == CSVError(kind: .quoteInUnquotedField, line: 2, column: 2, byteOffset: 7))
        #expect(error?.description.contains("line 2, column 2 (byte 7)") == true)
        #expect(error?.description.contains("re-export") == true)
    }

    @Test func textAfterClosingQuote() throws {
        let error = thrownError(CSVError.self) { _ = try parseRecords("h\r\na,\"b\"c\r\n") }
        #expect(error == CSVError(kind: .textAfterClosingQuote, line: 2, column: 2, byteOffset: 8))
    }

    @Test func unterminatedQuotedFieldPointsAtItsOpeningQuote() throws {
        let error = thrownError(CSVError.self) { _ = try parseRecords("a,b\n1,\"open \"\"x\"\"\nmore\n") }
        #expect(
            error == CSVError(kind: .unterminatedQuotedField, line: 2, column: 2, byteOffset: 6))
        #expect(error?.description.contains("never closed") == true)
    }

    @Test(arguments: [[1], [2], [3, 1]])
    func errorsPointAtTheSamePlaceWhateverTheChunks(chunkSizes: [Int]) throws {
        let inputs = ["a,b\nx,y\"z\n", "h\r\na,\"b\"c\r\n", "a,b\n1,\"open \"\"x\"\"\nmore\n"]
        for input in inputs {
            let whole = thrownError(CSVError.self) { _ = try parseRecords(input) }
            let chunked = thrownError(CSVError.self) {
                _ = try parseRecords(Array(input.utf8), chunkSizes: chunkSizes)
            }
            #expect(whole != nil)
            #expect(chunked == whole, "\(input.debugDescription)")
        }
    }

    @Test func lenientModeKeepsStrayQuotes() throws {
        let records = try parseRecords("a,b\nx,y\"z\n", strict: false)
        #expect(records.map(\.fields) == [["a", "b"], ["x", "y\"z"]])
        let open = try parseRecords("a,\"b\nc", strict: false)
        #expect(open.map(\.fields) == [["a", "b\nc"]])
    }

    @Test func theParserRefusesInputAfterAnError() throws {
        let parser = try CSVParser(delimiter: 0x2C) { _ in }
        let bad = Array("x,y\"z\n".utf8)
        let first = thrownError(CSVError.self) { try bad.withUnsafeBytes { try parser.parse($0) } }
        let again = thrownError(CSVError.self) { try parser.finish() }
        #expect(first != nil)
        #expect(again == first)
    }

    @Test func finishReadiesTheParserForTheNextInput() throws {
        var records: [CSVRecord] = []
        let parser = try CSVParser(delimiter: 0x2C) { records.append($0) }
        for text in ["a\nb\n", "c\nd"] {
            try Array(text.utf8).withUnsafeBytes { try parser.parse($0) }
            try parser.finish()
        }
        #expect(records.map(\.line) == [1, 2, 1, 2])
        #expect(records.map(\.byteOffset) == [0, 2, 0, 2])
    }

    @Test func everySplitPointGivesTheSameRecords() throws {
        let bytes = try Fixture.bytes("chunking.csv")
        let whole = try parseRecords(bytes)
        #expect(whole.map(\.line) == [1, 2, 3, 7, 8, 10])
        #expect(whole[2].fields[2] == "跨行备注\r\n第二行\r\n第三行")
        #expect(whole[4].fields == ["多行\r\n名称", "91320500MA3ZZZZZ3Z", "留空格", "€300"])
        for split in 1..<bytes.count {
            let records = try parseRecords(bytes, chunkSizes: [split, bytes.count])
            #expect(records == whole, "split at \(split)")
        }
    }

    @Test func randomChunkSizesGiveTheSameRecords() throws {
        let bytes = try Fixture.bytes("chunking.csv")
        let whole = try parseRecords(bytes)
        var generator = SeededGenerator(seed: 20_230_430)
        for _ in 0..<300 {
            let sizes = (0..<16).map { _ in Int.random(in: 1...24, using: &generator) }
            #expect(try parseRecords(bytes, chunkSizes: sizes) == whole, "chunks \(sizes)")
        }
    }
}
