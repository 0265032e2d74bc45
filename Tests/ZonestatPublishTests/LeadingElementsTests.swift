import Testing

@testable import ZonestatPublish

/// The report's top-k selection against a full sort, ties included.
@Suite("Leading elements without a full sort")
struct LeadingElementsTests {
    @Test func equalsThePrefixOfAStableSort() {
        var state: UInt64 = 88_172_645_463_325_252
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for trial in 0..<300 {
            // Pairs (key, position): only the key orders them, so ties show whether order is kept.
            let values = (0..<next(60)).map { (key: next(trial % 2 == 0 ? 8 : 1_000), position: $0) }
            for count in [0, 1, 5, 10, 100] {
                let expected = Array(values.sorted { $0.key > $1.key }.prefix(count))
                let got = values.leading(count) { $0.key > $1.key }
                #expect(got.map(\.position) == expected.map(\.position), "trial \(trial), count \(count)")
            }
        }
    }
}
