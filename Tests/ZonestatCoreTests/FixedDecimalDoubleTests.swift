import Testing
import ZonestatCore

/// `FixedDecimal.doubleValue` converts 64-bit values through `Int64` and a table of exact powers
/// of ten; the doubles must be bit for bit those of the generic `Int128` conversion.
@Suite("FixedDecimal doubles")
struct FixedDecimalDoubleTests {
    /// The reference: the nearest double of the value divided by the nearest double of 10ⁿ.
    static func reference(_ value: Int128, _ decimals: Int) -> Double {
        var power: Int128 = 1
        for _ in 0..<decimals { power *= 10 }
        return Double(value) / Double(power)
    }

    /// Edge values, values around 2⁵³ (where doubles stop holding every integer) and random
    /// values of every bit length, each with both signs.
    static var values: [Int128] {
        var values: [Int128] = [
            0, 1, -1, 5, -5, 9_999, 10_000, 123_456_789, Int128(Int64.max), Int128(Int64.max) - 1, Int128(Int64.min),
            Int128(Int64.min) + 1, Int128(Int64.max) + 1, Int128(Int64.min) - 1, Int128.max, Int128.min,
        ]
        for offset in -4...4 {
            values.append((Int128(1) << 53) + Int128(offset))
            values.append((Int128(1) << 54) + Int128(offset))
            values.append((Int128(1) << 63) - 1025 + Int128(offset))
        }
        var generator = ComputeRandom(seed: 2023)
        for _ in 0..<20_000 {
            let bits = Int.random(in: 1...63, using: &generator)
            values.append(Int128(generator.next() >> (64 - bits)))
        }
        return values + values.map { $0 == Int128.min ? $0 : -$0 }
    }

    @Test func sameDoublesAsTheGenericConversion() {
        var mismatches = 0
        for value in Self.values {
            for decimals in 0...8 {
                let fast = FixedDecimal(value: value, decimals: decimals).doubleValue
                if fast.bitPattern != Self.reference(value, decimals).bitPattern { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    /// Beyond the table (10²² is the last exact power) the generic conversion is kept.
    @Test(arguments: [21, 22, 23, 30, 38])
    func manyDecimals(decimals: Int) {
        for value in Self.values.prefix(200) {
            let fast = FixedDecimal(value: value, decimals: decimals).doubleValue
            #expect(fast.bitPattern == Self.reference(value, decimals).bitPattern)
        }
    }

    @Test func zeroIsPositiveZero() {
        #expect(FixedDecimal(value: 0, decimals: 4).doubleValue.bitPattern == Double(0).bitPattern)
        #expect(FixedDecimal(value: -0, decimals: 4).doubleValue.sign == .plus)
    }
}
