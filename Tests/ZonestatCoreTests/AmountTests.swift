import Foundation
import Testing
import ZonestatCore

@Suite("Amount")
struct AmountTests {
    @Test(arguments: [
        (Int64(123_456_789), MoneyUnit.yuan, "12345.6789"),
        (0, .yuan, "0"), (0, .hundredMillionYuan, "0"),
        (-35_000, .yuan, "-3.5"),
        (1, .tenThousandYuan, "0.00000001"),
        (1, .hundredMillionYuan, "0.000000000001"),
        (10_000, .yuan, "1"), (10_000_000, .thousandYuan, "1"),
        (14_360_000_000_000, .hundredMillionYuan, "14.36"),
        (14_360_000_000_000, .tenThousandYuan, "143600"),
        (-12_345_000, .thousandYuan, "-1.2345"),
        (Int64.max, .yuan, "922337203685477.5807"),
        (Int64.min, .yuan, "-922337203685477.5808"),
    ])
    func decimalString(raw: Int64, unit: MoneyUnit, text: String) {
        #expect(Amount(raw: raw).decimalString(in: unit) == text)
    }

    @Test func arithmetic() {
        let a = Amount(raw: 15_000)
        let b = Amount(raw: 2_500)
        #expect(a + b == Amount(raw: 17_500))
        #expect(a - b == Amount(raw: 12_500))
        #expect(-a == Amount(raw: -15_000))
        #expect(Amount.zero.raw == 0)
        var c = a
        c += b
        c -= Amount(raw: 500)
        #expect(c == Amount(raw: 17_000))
        #expect(b < a)
        #expect(a.adding(b) == Amount(raw: 17_500))
        #expect(Amount(raw: .max).adding(Amount(raw: 1)) == nil)
    }

    @Test(arguments: [
        (Int64(5), MoneyUnit.tenThousandYuan, Int64(500_000_000)), (3, .yuan, 30_000), (-2, .thousandYuan, -20_000_000),
        (1, .hundredMillionYuan, 1_000_000_000_000),
    ])
    func wholeUnits(whole: Int64, unit: MoneyUnit, raw: Int64) {
        #expect(Amount(whole: whole, unit: unit) == Amount(raw: raw))
    }

    @Test func wholeUnitsOverflow() {
        #expect(Amount(whole: 10_000_000, unit: .hundredMillionYuan) == nil)
    }

    @Test func sumIsInt128AndExact() {
        let amounts = Array(repeating: Amount(raw: .max), count: 4)
        let sum = Amount.sum(amounts)
        #expect(sum.raw == Int128(Int64.max) * 4)
        #expect(sum.amount == nil)
        #expect(Amount.sum([Amount(raw: 1), Amount(raw: 2)]).amount == Amount(raw: 3))
    }

    @Test func exactDecimalAndDescription() {
        let amount = Amount(raw: 123_450)
        #expect(amount.exactDecimal(in: .yuan) == ExactDecimal(significand: 123_450, decimals: 4))
        #expect(amount.exactDecimal(in: .yuan).description == "12.345")
        #expect(amount.description == "12.345元")
        #expect(Amount.rawPerYuan == 10_000)
    }

    @Test func codableAsRaw() throws {
        let data = try JSONEncoder().encode([Amount(raw: -42)])
        #expect(String(decoding: data, as: UTF8.self) == "[-42]")
        #expect(try JSONDecoder().decode([Amount].self, from: data) == [Amount(raw: -42)])
    }
}
