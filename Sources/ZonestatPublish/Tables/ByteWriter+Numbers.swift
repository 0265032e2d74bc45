import ZonestatCSV
import ZonestatCore

/// Numbers written as digits straight into the buffer, with the text `ZonestatCore`'s
/// `DecimalText` gives them (`AmountSum.decimalString(in:)`, `FixedDecimal.description`), so
/// that a province table does not make a `String` per number.
extension ByteWriter {
    /// An exact amount in `unit`, with as many decimals as it needs and no more: `12345.6789`,
    /// `0`, `-3.5` (``TableCell/amount(_:in:)``).
    public mutating func appendAmount(_ sum: AmountSum, in unit: MoneyUnit) {
        var scale = max(4 + unit.yuanExponent, 0)
        var magnitude = sum.raw.magnitude
        // Trailing zeros of the decimals dropped, in 64 bits where the value fits.
        if var small = UInt64(exactly: magnitude) {
            while scale > 0, small % 10 == 0 {
                small /= 10
                scale -= 1
            }
            magnitude = UInt128(small)
        } else {
            while scale > 0, magnitude % 10 == 0 {
                magnitude /= 10
                scale -= 1
            }
        }
        appendDecimal(magnitude: magnitude, negative: sum.raw < 0, scale: scale)
    }

    /// A percentage to 4 decimals, half away from zero (``TableCell/percent(_:)``).
    mutating func appendPercent(_ ratio: Ratio) { appendFixed(ratio.rounded(decimals: 4)) }

    /// A displayed number with exactly its decimals: `16.7`, `0.0000`, `-3`.
    mutating func appendFixed(_ value: FixedDecimal) {
        appendDecimal(magnitude: value.value.magnitude, negative: value.value < 0, scale: max(value.decimals, 0))
    }

    /// A whole number: `125`, `-3`.
    mutating func appendInteger(_ value: Int) {
        appendDecimal(magnitude: UInt128(value.magnitude), negative: value < 0, scale: 0)
    }

    /// A whole number as Swift prints it: `125`, `-3`.
    public mutating func appendInteger(_ value: Int128) {
        appendDecimal(magnitude: value.magnitude, negative: value < 0, scale: 0)
    }

    /// `magnitude / 10^scale`, `-` first when `negative`, at least one digit before the point.
    private mutating func appendDecimal(magnitude: UInt128, negative: Bool, scale: Int) {
        // 39 digits hold any UInt128.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            // 64-bit division where it suffices: 128-bit division is a library call.
            let start = UInt64(exactly: magnitude).map { ByteWriter.writeDigits($0, endingAt: buffer) }
                ?? ByteWriter.writeDigits(magnitude, endingAt: buffer)
            let digits = UnsafeBufferPointer(rebasing: buffer[start...])
            if negative { append(UInt8(ascii: "-")) }
            guard scale > 0 else {
                append(digits)
                return
            }
            if digits.count <= scale {
                append(UInt8(ascii: "0"))
                append(UInt8(ascii: "."))
                for _ in 0..<(scale - digits.count) { append(UInt8(ascii: "0")) }
                append(digits)
            } else {
                let point = digits.count - scale
                append(UnsafeBufferPointer(rebasing: digits[..<point]))
                append(UInt8(ascii: "."))
                append(UnsafeBufferPointer(rebasing: digits[point...]))
            }
        }
    }

    /// Writes `value`'s decimal digits at the end of `buffer`; returns where they start.
    @inline(__always)
    private static func writeDigits<Value: FixedWidthInteger & UnsignedInteger>(
        _ value: Value, endingAt buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var start = buffer.count, rest = value
        repeat {
            start -= 1
            buffer[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest != 0
        return start
    }
}
