import Testing
import ZonestatCore

private func decimal(_ significand: Int128, _ decimals: Int) -> ExactDecimal {
    ExactDecimal(significand: significand, decimals: decimals)
}

@Suite("ExactDecimal")
struct ExactDecimalTests {
    @Test(arguments: [
        (decimal(12345, 1), MoneyUnit.thousandYuan, Int64(12_345_000_000)),  // 1234.5 千元
        (decimal(12345, 1), .yuan, 12_345_000),
        (decimal(1436, 2), .hundredMillionYuan, 14_360_000_000_000),  // 14.36 亿元
        (decimal(1, 4), .yuan, 1),  // 0.0001 元, the finest step
        (decimal(12345678, 8), .tenThousandYuan, 12_345_678),  // 0.12345678 万元 = 1234.5678 元
        (decimal(-35, 1), .yuan, -35_000),
        (decimal(150000, 5), .yuan, 15_000),  // 1.50000 元: trailing zeros are not extra precision
        (decimal(0, 20), .yuan, 0),
        (decimal(9_223_372_036_854_775_807, 4), .yuan, Int64.max),
    ])
    func convertsExactly(value: ExactDecimal, unit: MoneyUnit, raw: Int64) {
        #expect(value.amount(in: unit) == .success(Amount(raw: raw)))
    }

    @Test(arguments: [
        (decimal(1, 5), MoneyUnit.yuan),  // 0.00001 元
        (decimal(123456789, 9), .tenThousandYuan),  // 0.123456789 万元 = 1234.56789 元
        (decimal(1, 13), .hundredMillionYuan),
        (decimal(-12345, 5), .yuan),
        (decimal(1, 38), .yuan),
    ])
    func tooPreciseIsNeverRounded(value: ExactDecimal, unit: MoneyUnit) {
        #expect(value.amount(in: unit) == .failure(.tooPrecise))
    }

    @Test(arguments: [
        (decimal(922_337_203_685_478, 0), MoneyUnit.yuan),  // just past Int64.max / 10⁴
        (decimal(10_000_000, 0), .hundredMillionYuan),
        (decimal(Int128.max, 0), .yuan),
        (decimal(-922_337_203_685_478, 0), .yuan),
    ])
    func outOfRange(value: ExactDecimal, unit: MoneyUnit) {
        #expect(value.amount(in: unit) == .failure(.outOfRange))
    }

    @Test func boundaryJustFits() {
        #expect(decimal(922_337_203_685_477, 0).amount(in: .yuan) == .success(Amount(raw: 9_223_372_036_854_770_000)))
        #expect(decimal(92_233_720_368, 4).amount(in: .hundredMillionYuan) == .success(Amount(raw: 9_223_372_036_800_000_000)))
        #expect(decimal(92_233_720_369, 4).amount(in: .hundredMillionYuan) == .failure(.outOfRange))
    }

    @Test(arguments: [
        (decimal(18, 0), Optional(18)), (decimal(180, 1), 18), (decimal(-7000, 3), -7), (decimal(0, 5), 0),
        (decimal(185, 1), nil), (decimal(1, 38), nil), (decimal(Int128.max, 0), nil),
    ])
    func integerValue(value: ExactDecimal, integer: Int?) {
        #expect(value.integerValue() == integer)
    }

    @Test(arguments: [
        (decimal(12345, 1), "1234.5"), (decimal(150, 2), "1.5"), (decimal(-3, 0), "-3"), (decimal(1, 4), "0.0001"),
        (decimal(0, 3), "0"), (decimal(-5, 2), "-0.05"),
    ])
    func description(value: ExactDecimal, text: String) {
        #expect(value.description == text)
    }

    @Test func equalityIsOfTheWrittenForm() {
        #expect(decimal(150, 2) != decimal(15, 1))
        #expect(decimal(150, 2).ratio == decimal(15, 1).ratio)
        #expect(ExactDecimal(42) == decimal(42, 0))
        #expect(decimal(0, 2).isZero)
    }

    @Test func ratioAndRounding() {
        #expect(decimal(1665, 2).ratio == Ratio(numerator: 333, denominator: 20))
        #expect(decimal(1665, 2).rounded(decimals: 1).description == "16.7")
        #expect(decimal(-1085, 2).rounded(decimals: 1).description == "-10.9")
        #expect(decimal(300, 1).rounded(decimals: 1).description == "30.0")
    }
}
