import Testing
import ZonestatCore

@Suite("AmountConversionError")
struct AmountConversionErrorTests {
    @Test func descriptionsSayWhatToDo() {
        #expect(AmountConversionError.tooPrecise.description.contains("0.0001"))
        #expect(AmountConversionError.tooPrecise.description.contains("unit"))
        #expect(AmountConversionError.outOfRange.description.contains("unit"))
        #expect(AmountConversionError.tooPrecise.description != AmountConversionError.outOfRange.description)
    }

    /// An amount past what the warehouse holds is out of range, not "too precise", in both languages.
    @Test func outOfRangeSaysSo() {
        let text = AmountConversionError.outOfRange.description
        #expect(text.hasPrefix("金额超出范围"))
        #expect(text.contains("out of range"))
        #expect(!text.contains("precise"))
    }
}
