import Testing

@testable import ZonestatCSV

@Suite("CSVDocument")
struct CSVDocumentTests {
    @Test func readsAGB18030ExportWithAUnitLine() throws {
        let document = try CSVDocument.read(bytes: try Fixture.bytes("encodings/gb18030.csv"))
        #expect(document.encoding == .gb18030)
        #expect(document.delimiter == UInt8(ascii: ","))
        #expect(document.records.map(\.line) == [1, 2, 3, 4])
        #expect(document.records[0].fields == ["单位：千元", "", "", ""])
        #expect(document.records[0].trimmingTrailingEmptyFields().fields == ["单位：千元"])
        #expect(document.records[1].fields == ["企业名称", "统一社会信用代码", "工业总产值本月", "工业总产值1-本月"])
        #expect(document.records[2].fields[3] == "5,678.9")
        #expect(document.records[3].fields[0] == "吉𠮷餐饮管理有限公司")
    }

    @Test(arguments: ["encodings/utf16le-bom.txt", "encodings/utf16be-bom.txt"])
    func readsExcelUnicodeText(file: String) throws {
        let document = try CSVDocument.read(bytes: try Fixture.bytes(file))
        #expect(document.delimiter == 0x09)
        #expect(
            document.records.map(\.fields) == [
                ["企业名称", "统一社会信用代码", "工业总产值本月"],
                ["苏州示例科技有限公司", "91320500MA1XXXXX1X", "1,234.5"],
                ["吉𠮷餐饮管理有限公司", "91320500MA2YYYYY2Y", "备注:含\"引号\""],
            ])
    }

    @Test func byteOffsetsStartAfterTheByteOrderMark() throws {
        let document = try CSVDocument.read(bytes: try Fixture.bytes("encodings/utf8-bom.csv"))
        #expect(document.encoding == .utf8BOM)
        #expect(document.records.first?.byteOffset == 0)
        #expect(document.records.first?.fields.first == "单位：千元")
    }

    @Test func blankRowsAreKept() throws {
        let document = try CSVDocument.read(bytes: Array("a,b,c\n,,\n\n1,2,3\n , ,\n".utf8))
        #expect(document.records.map(\.isBlank) == [false, true, false, true])
        #expect(document.records.map(\.line) == [1, 2, 4, 5])
    }

    @Test func errorsCarryTheirPlace() throws {
        let bytes = Array("a;b\n1;\"2\"x\n".utf8)
        let error = thrownError(CSVError.self) { _ = try CSVDocument.read(bytes: bytes) }
        #expect(error == CSVError(kind: .textAfterClosingQuote, line: 2, column: 2, byteOffset: 9))
        let lenient = try CSVDocument.read(bytes: Array("a;b\n1;2\"x\n".utf8), strict: false)
        #expect(lenient.records.last?.fields == ["1", "2\"x"])

        let undecodable = thrownError(TextDecodingError.self) {
            _ = try CSVDocument.read(bytes: [0x61, 0x0A, 0xFF])
        }
        #expect(undecodable?.line == 2)
    }

    @Test func recordsAcrossManyChunks() throws {
        // About 200 KiB, so the 64 KiB chunks end inside records, quoted cells and characters.
        var text = "企业名称,备注,值\r\n"
        for index in 1...3000 {
            text += "企业\(index),\"第一行\r\n第二行, \"\"引号\"\"\",\(index).5\r\n"
        }
        let document = try CSVDocument.read(bytes: Array(text.utf8))
        #expect(document.records.count == 3001)
        #expect(document.records.last?.line == 6000)
        #expect(document.records.last?.fields == ["企业3000", "第一行\r\n第二行, \"引号\"", "3000.5"])
        #expect(
            document.records
                == (try parseRecords(Array(text.utf8), chunkSizes: [65_521, 4_099, 1])))
    }
}
