import ZonestatCSV
import ZonestatCore
import ZonestatPublish

/// The stored text of result numbers, written as ASCII digits by the publication's
/// ``ByteWriter`` into one reused buffer, so that storing millions of rows makes no `String` per
/// number. The bytes are those of ``ResultCodec/text(_:_:)`` (`AmountSum.decimalString(in:)`)
/// and ``ResultCodec/exact(_:)`` (`"\(numerator)/\(denominator)"`); a text returned is valid
/// until the next call.
struct ResultText: ~Copyable {
    /// A fraction of two `Int128`s takes at most 2 × 40 + 1 bytes.
    private var writer = ByteWriter(capacity: 128)

    /// The exact amount in `unit`, with as many decimals as it needs and no more: `12345.6789`,
    /// `0`, `-3.5`; nil for nil.
    mutating func amount(_ sum: AmountSum?, _ unit: MoneyUnit) -> UnsafeBufferPointer<UInt8>? {
        guard let sum else { return nil }
        writer.clear()
        writer.appendAmount(sum, in: unit)
        return writer.written
    }

    /// `numerator/denominator` as Swift prints the two integers: `-7/20`, `0/1`; nil for nil.
    mutating func fraction(_ ratio: Ratio?) -> UnsafeBufferPointer<UInt8>? {
        guard let ratio else { return nil }
        writer.clear()
        writer.appendInteger(ratio.numerator)
        writer.append(UInt8(ascii: "/"))
        writer.appendInteger(ratio.denominator)
        return writer.written
    }
}
