import Testing
import ZonestatCore

/// The plain-cell fast path gives what the general parser and the exact conversion give, or
/// leaves the cell to them.
@Suite("NumberParser.plainAmount")
struct NumberParserPlainAmountTests {
    /// The general path's amount, or nil where it gives none.
    static func general(_ text: String, _ unit: MoneyUnit) -> Amount? {
        guard case .number(let decimal) = NumberParser.parse(text), case .success(let amount) = decimal.amount(in: unit)
        else { return nil }
        return amount
    }

    static func plain(_ text: String, _ unit: MoneyUnit) -> Amount? {
        var copy = text
        return copy.withUTF8 { NumberParser.plainAmount(utf8: $0, in: unit) }
    }

    @Test(arguments: [
        "0", "7", "007", "1234.5", "7.", "0.0001", "0.00001", "123456789012345678", "1234567890123456789",
        "922337203685477", "922337203685477.5807", "9223372036854775807", "99999999999999.9999", "1.2.3", ".5", "-5",
        "+5", " 5", "5 ", "1,234", "１２", "5%", "1e5", "", "0.000000000000000001", "12345678901234567.8",
    ])
    func agreesWithTheGeneralPath(_ text: String) {
        for unit in [MoneyUnit.yuan, .thousandYuan, .tenThousandYuan, .hundredMillionYuan] {
            if let fast = Self.plain(text, unit) {
                #expect(fast == Self.general(text, unit), "\(text) \(unit)")
            }
        }
    }

    /// Random plain-looking cells: wherever the fast path answers, it answers as the general one,
    /// and it answers every cell of digits and a point within 64 bits.
    @Test func randomCellsAgree() {
        var state: UInt64 = 99
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet = Array("0123456789012345678901234567890123456789..,-e% ")
        for _ in 0..<50_000 {
            let text = String((0..<Int(1 + next() % 21)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
            for unit in [MoneyUnit.yuan, .thousandYuan, .tenThousandYuan, .hundredMillionYuan] {
                let fast = Self.plain(text, unit)
                if let fast { #expect(fast == Self.general(text, unit), "\(text) \(unit)") }
                let digitsAndPoint = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
                let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                if fast == nil, digitsAndPoint, text.count <= 18, text.filter({ $0 == "." }).count <= 1,
                    text.first?.isNumber == true, text.last?.isNumber == true, decimals <= 4 + unit.yuanExponent,
                    Self.general(text, unit) != nil
                {
                    Issue.record("\(text) \(unit): a plain number the general path takes was left to it")
                }
            }
        }
    }
}
