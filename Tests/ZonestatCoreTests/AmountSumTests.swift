import Testing
import ZonestatCore

@Suite("AmountSum")
struct AmountSumTests {
    @Test func accumulatesExactly() {
        var sum = AmountSum.zero
        sum += Amount(raw: 7)
        sum += AmountSum(raw: 3)
        sum -= Amount(raw: 1)
        #expect(sum == AmountSum(raw: 9))
        #expect(sum + AmountSum(raw: 1) == AmountSum(raw: 10))
        #expect(sum - AmountSum(raw: 10) == AmountSum(raw: -1))
        #expect(-sum == AmountSum(raw: -9))
        #expect(AmountSum(raw: -1) < sum)
        #expect(AmountSum(Amount(raw: 5)).raw == 5)
    }

    @Test func orderDoesNotMatter() {
        let amounts = (1...1000).map { Amount(raw: Int64($0) * 1_234_567 * ($0 % 2 == 0 ? 1 : -1)) }
        #expect(AmountSum(amounts) == AmountSum(amounts.reversed()))
        #expect(AmountSum(amounts).raw == 617_283_500)
    }

    @Test(arguments: [
        (Int128(Int64.max) * 10, MoneyUnit.yuan, "9223372036854775.807"),
        (Int128(1_436), .hundredMillionYuan, "0.000000001436"),
        (Int128(-120_000_000), .tenThousandYuan, "-1.2"),
        (Int128(0), .thousandYuan, "0"),
    ])
    func decimalString(raw: Int128, unit: MoneyUnit, text: String) {
        #expect(AmountSum(raw: raw).decimalString(in: unit) == text)
    }

    @Test func descriptionAndDecimal() {
        #expect(AmountSum(raw: 25_000).description == "2.5元")
        #expect(AmountSum(raw: 25_000).exactDecimal(in: .thousandYuan) == ExactDecimal(significand: 25_000, decimals: 7))
    }
}
