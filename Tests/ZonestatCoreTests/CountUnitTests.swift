import Testing
import ZonestatCore

@Suite("CountUnit")
struct CountUnitTests {
    @Test(arguments: [
        ("家", CountUnit.enterprises), ("个", .items), (" 家 ", .enterprises), ("\u{3000}个", .items),
        ("enterprises", .enterprises), ("ITEMS", .items),
    ])
    func readsLabel(label: String, unit: CountUnit) {
        #expect(CountUnit(label: label) == unit)
    }

    @Test(arguments: ["", "元", "户", "家家", "units"])
    func rejectsOtherLabels(label: String) {
        #expect(CountUnit(label: label) == nil)
    }

    @Test func labels() {
        #expect(CountUnit.enterprises.label == "家")
        #expect(CountUnit.items.label == "个")
        #expect(CountUnit.items.description == "个")
    }
}
