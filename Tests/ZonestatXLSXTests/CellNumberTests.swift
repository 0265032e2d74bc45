import Testing

@testable import ZonestatXLSX

@Suite("CellNumber: the shortest decimal that round-trips, without exponent")
struct CellNumberTests {
    @Test(arguments: [
        ("6869.8000000000002", "6869.8"), ("0.1", "0.1"), ("100", "100"), ("100.0", "100"), ("-3.5", "-3.5"),
        ("1E-3", "0.001"), ("1.5E+20", "150000000000000000000"), ("0", "0"), ("-0", "0"),
        ("123456789012345678", "123456789012345680"), ("0.30000000000000004", "0.30000000000000004"),
        ("2.9999999999999996", "2.9999999999999996"), ("12345.678900000001", "12345.6789"),
    ])
    func text(stored: String, shown: String) {
        #expect(CellNumber.text(stored) == shown)
    }

    @Test(arguments: [
        ("0.125", "12.5%"), ("0.123", "12.3%"), ("1", "100%"), ("0.3", "30%"), ("-0.05", "-5%"), ("0.00125", "0.125%"),
        ("1.2345", "123.45%"), ("0", "0%"),
    ])
    func percent(stored: String, shown: String) {
        #expect(CellNumber.percentText(stored) == shown)
    }

    @Test func notANumber() {
        #expect(CellNumber.text("abc") == nil)
        #expect(CellNumber.text("inf") == nil)
    }

    /// Every double's text reads back as the same double.
    @Test func roundTrips() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            let text = CellNumber.text(value)
            #expect(Double(text) == value, "\(value) → \(text)")
            #expect(!text.contains("e"))
        }
    }

    @Test func generalDisplayOfALongNumber() {
        #expect(CellNumber.generalDisplay(914403000000000000) == "9.14403E+17")
        #expect(CellNumber.generalDisplay(9.112345678901235e17) == "9.11235E+17")
        #expect(CellNumber.generalDisplay(1234) == "1234")
    }
}
