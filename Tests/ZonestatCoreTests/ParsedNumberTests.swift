import Testing
import ZonestatCore

@Suite("ParsedNumber")
struct ParsedNumberTests {
    /// "Not reported" is not zero, and a percentage is not a plain number of the same digits.
    @Test func casesAreDistinct() {
        let zero = ExactDecimal(significand: 0, decimals: 0)
        #expect(ParsedNumber.notReported != .number(zero))
        #expect(ParsedNumber.percent(zero) != .number(zero))
        #expect(ParsedNumber.invalid(.notANumber) != .invalid(.badGrouping))
        #expect(Set<ParsedNumber>([.notReported, .number(zero), .percent(zero), .number(zero)]).count == 3)
    }
}
