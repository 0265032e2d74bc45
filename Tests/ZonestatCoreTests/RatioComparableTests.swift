import Testing
import ZonestatCore

@Suite("Ratio+Comparable")
struct RatioComparableTests {
    private static func ratio(_ numerator: Int128, _ denominator: Int128) -> Ratio {
        Ratio(numerator: numerator, denominator: denominator) ?? .zero
    }

    @Test(arguments: [
        (ratio(1, 3), ratio(1, 2)), (ratio(-1, 2), ratio(-1, 3)), (ratio(-1, 3), ratio(0, 1)), (ratio(-5, 1), ratio(1, 100)),
        (ratio(333, 20), ratio(167, 10)),  // 16.65 < 16.7
        (ratio(.max, .max - 1), ratio(.max - 1, .max - 2)),  // cross products overflow
        (ratio(-(.max), .max - 2), ratio(-(.max - 1), .max - 1)),
        (ratio(.max - 1, .max), ratio(1, 1)),
        (ratio(.max / 2, 3), ratio(.max / 2 + 1, 3)),
    ])
    func orders(smaller: Ratio, larger: Ratio) {
        #expect(smaller < larger)
        #expect(!(larger < smaller))
        #expect(smaller != larger)
    }

    @Test func equalValuesAreNotLess() {
        #expect(!(Self.ratio(2, 4) < Self.ratio(1, 2)))
        #expect([Self.ratio(3, 1), Self.ratio(-1, 2), Self.ratio(1, 3)].sorted() == [Self.ratio(-1, 2), Self.ratio(1, 3), Self.ratio(3, 1)])
    }
}
