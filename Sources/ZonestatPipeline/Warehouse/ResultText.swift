import ZonestatCore

/// The stored text of result numbers, written as ASCII digits into one reused buffer so that
/// storing millions of rows makes no `String` per number. The bytes are those of
/// ``ResultCodec/text(_:_:)`` (`AmountSum.decimalString(in:)`) and ``ResultCodec/exact(_:)``
/// (`"\(numerator)/\(denominator)"`); a text returned is valid until the next call.
struct ResultText: ~Copyable {
    /// Written from the end backwards: a fraction of two `Int128`s takes at most 2 × 40 + 1
    /// bytes, an amount a sign, 39 digits, a point and its zeros.
    private static let capacity = 128
    private let base: UnsafeMutablePointer<UInt8>

    init() {
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: ResultText.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The exact amount in `unit`, with as many decimals as it needs and no more: `12345.6789`,
    /// `0`, `-3.5`; nil for nil.
    mutating func amount(_ sum: AmountSum?, _ unit: MoneyUnit) -> UnsafeBufferPointer<UInt8>? {
        guard let sum else { return nil }
        var scale = max(4 + unit.yuanExponent, 0)
        var start = ResultText.capacity
        if var magnitude = UInt64(exactly: sum.raw.magnitude) {
            // 64-bit division where it suffices: 128-bit division is a library call.
            while scale > 0, magnitude % 10 == 0 {
                magnitude /= 10
                scale -= 1
            }
            writeDecimal(magnitude, scale: scale, before: &start)
        } else {
            var magnitude = sum.raw.magnitude
            while scale > 0, magnitude % 10 == 0 {
                magnitude /= 10
                scale -= 1
            }
            writeDecimal(magnitude, scale: scale, before: &start)
        }
        if sum.raw < 0 { write(UInt8(ascii: "-"), before: &start) }
        return text(from: start)
    }

    /// `numerator/denominator` as Swift prints the two integers: `-7/20`, `0/1`; nil for nil.
    mutating func fraction(_ ratio: Ratio?) -> UnsafeBufferPointer<UInt8>? {
        guard let ratio else { return nil }
        var start = ResultText.capacity
        writeInteger(ratio.denominator, before: &start)
        write(UInt8(ascii: "/"), before: &start)
        writeInteger(ratio.numerator, before: &start)
        return text(from: start)
    }

    private func text(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: ResultText.capacity - start)
    }

    @inline(__always)
    private func write(_ byte: UInt8, before start: inout Int) {
        start -= 1
        base[start] = byte
    }

    /// A signed integer's decimal digits, `-` first when negative.
    private func writeInteger(_ value: Int128, before start: inout Int) {
        if let small = UInt64(exactly: value.magnitude) {
            writeDecimal(small, scale: 0, before: &start)
        } else {
            writeDecimal(value.magnitude, scale: 0, before: &start)
        }
        if value < 0 { write(UInt8(ascii: "-"), before: &start) }
    }

    /// `magnitude / 10^scale` with exactly `scale` decimals and at least one digit before the
    /// point, as `DecimalText` writes it.
    @inline(__always)
    private func writeDecimal<Magnitude: UnsignedInteger & FixedWidthInteger>(
        _ magnitude: Magnitude, scale: Int, before start: inout Int
    ) {
        var rest = magnitude
        if scale > 0 {
            for _ in 0..<scale {
                write(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10), before: &start)
                rest /= 10
            }
            write(UInt8(ascii: "."), before: &start)
        }
        repeat {
            write(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10), before: &start)
            rest /= 10
        } while rest != 0
    }
}
