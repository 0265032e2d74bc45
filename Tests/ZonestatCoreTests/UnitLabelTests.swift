import Testing
import ZonestatCore

@Suite("UnitLabel")
struct UnitLabelTests {
    @Test(arguments: [
        ("万元", UnitLabel.money(.tenThousandYuan)), ("元", .money(.yuan)), ("100m_yuan", .money(.hundredMillionYuan)),
        ("家", .count(.enterprises)), (" 个 ", .count(.items)),
    ])
    func readsEitherKind(label: String, unit: UnitLabel) {
        #expect(UnitLabel(label: label) == unit)
        #expect(UnitLabel(label: label)?.label == unit.label)
    }

    @Test func rejectsUnknown() {
        #expect(UnitLabel(label: "吨") == nil)
        #expect(UnitLabel(label: "") == nil)
    }

    @Test func kindAccessors() {
        #expect(UnitLabel.money(.thousandYuan).money == .thousandYuan)
        #expect(UnitLabel.money(.thousandYuan).count == nil)
        #expect(UnitLabel.count(.items).count == .items)
        #expect(UnitLabel.count(.items).money == nil)
        #expect(UnitLabel.count(.enterprises).description == "家")
    }
}
