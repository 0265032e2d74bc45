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
}
