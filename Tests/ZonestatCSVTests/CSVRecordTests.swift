import Testing

@testable import ZonestatCSV

@Suite("CSVRecord")
struct CSVRecordTests {
    @Test func blankRows() {
        #expect(CSVRecord(fields: ["", " ", "\u{3000}"], line: 1, byteOffset: 0).isBlank)
        #expect(CSVRecord(fields: [], line: 1, byteOffset: 0).isBlank)
        #expect(!CSVRecord(fields: ["", "合计"], line: 1, byteOffset: 0).isBlank)
    }

    @Test func trailingEmptyFields() {
        let record = CSVRecord(fields: ["a", "", "b", "", " "], line: 3, byteOffset: 9)
        #expect(
            record.trimmingTrailingEmptyFields()
                == CSVRecord(fields: ["a", "", "b"], line: 3, byteOffset: 9))
        #expect(
            CSVRecord(fields: ["", ""], line: 1, byteOffset: 0).trimmingTrailingEmptyFields().fields == [])
    }
}
