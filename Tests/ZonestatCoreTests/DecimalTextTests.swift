import Testing
@testable import ZonestatCore

@Suite("DecimalText")
struct DecimalTextTests {
    @Test(arguments: [
        (Int128(123_456_789), 4, "12345.6789"), (0, 4, "0"), (-35_000, 4, "-3.5"), (1, 8, "0.00000001"),
        (100, 0, "100"), (1_000, 3, "1"), (-1, 1, "-0.1"), (Int128.min, 0, "-170141183460469231731687303715884105728"),
        (Int128.max, 38, "1.70141183460469231731687303715884105727"),
    ])
    func plain(value: Int128, scale: Int, text: String) {
        #expect(DecimalText.plain(value, scale: scale) == text)
    }

    @Test(arguments: [
        (Int128(167), 1, "16.7"), (0, 4, "0.0000"), (-109, 1, "-10.9"), (5, 3, "0.005"), (-5, 3, "-0.005"), (42, 0, "42"),
    ])
    func fixed(value: Int128, decimals: Int, text: String) {
        #expect(DecimalText.fixed(value, decimals: decimals) == text)
    }

    @Test func powersOfTen() {
        #expect(DecimalText.powerOfTen(0) == 1)
        #expect(DecimalText.powerOfTen(4) == 10_000)
        #expect(DecimalText.powerOfTen(38) == Int128("100000000000000000000000000000000000000"))
        #expect(DecimalText.powerOfTen(39) == nil)
        #expect(DecimalText.powerOfTen(-1) == nil)
    }
}
