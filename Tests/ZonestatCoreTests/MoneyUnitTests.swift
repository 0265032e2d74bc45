import Testing
import ZonestatCore

@Suite("MoneyUnit")
struct MoneyUnitTests {
    @Test(arguments: [
        ("元", MoneyUnit.yuan), ("千元", .thousandYuan), ("万元", .tenThousandYuan), ("亿元", .hundredMillionYuan),
        (" 万元 ", .tenThousandYuan), ("\u{3000}千元\u{3000}", .thousandYuan), ("\t亿元", .hundredMillionYuan),
        ("yuan", .yuan), ("thousand_yuan", .thousandYuan), ("10k_yuan", .tenThousandYuan),
        ("100m_yuan", .hundredMillionYuan), ("YUAN", .yuan), (" 10K_Yuan ", .tenThousandYuan),
    ])
    func readsLabel(label: String, unit: MoneyUnit) {
        #expect(MoneyUnit(label: label) == unit)
    }

    @Test(arguments: ["", "万", "百元", "元元", "万 元", "yuan10k", "家", "RMB"])
    func rejectsOtherLabels(label: String) {
        #expect(MoneyUnit(label: label) == nil)
    }

    @Test(arguments: [
        (MoneyUnit.yuan, "元", 0), (.thousandYuan, "千元", 3), (.tenThousandYuan, "万元", 4),
        (.hundredMillionYuan, "亿元", 8),
    ])
    func labelAndExponent(unit: MoneyUnit, label: String, exponent: Int) {
        #expect(unit.label == label)
        #expect(unit.description == label)
        #expect(unit.yuanExponent == exponent)
        #expect(MoneyUnit(label: unit.label) == unit)
        #expect(MoneyUnit(label: unit.rawValue) == unit)
    }
}
