import Foundation

/// Fixed-width little-endian arrays stored as BLOBs: the one codec of the warehouse's packed
/// columns (fact blocks, unit result blocks). Decoding checks the length against the count
/// the row states instead of trusting it.
enum PackedColumn {
    static func encode(_ values: [Int64]) -> Data {
        // Written in place: an append per value cost more than the rest of a block's insert.
        var data = Data(count: values.count * 8)
        data.withUnsafeMutableBytes { raw in
            for (offset, value) in values.enumerated() { raw.storeBytes(of: value.littleEndian, toByteOffset: offset * 8, as: Int64.self) }
        }
        return data
    }

    static func encode(_ values: [UInt32]) -> Data {
        var data = Data(count: values.count * 4)
        data.withUnsafeMutableBytes { raw in
            for (offset, value) in values.enumerated() { raw.storeBytes(of: value.littleEndian, toByteOffset: offset * 4, as: UInt32.self) }
        }
        return data
    }

    static func encode(_ values: [Int128]) -> Data {
        // Low word, then high word, each little-endian; written in place like the others.
        var data = Data(count: values.count * 16)
        data.withUnsafeMutableBytes { raw in
            for (offset, value) in values.enumerated() {
                raw.storeBytes(of: UInt64(truncatingIfNeeded: value).littleEndian, toByteOffset: offset * 16, as: UInt64.self)
                raw.storeBytes(of: Int64(truncatingIfNeeded: value >> 64).littleEndian, toByteOffset: offset * 16 + 8, as: Int64.self)
            }
        }
        return data
    }

    /// `count` 64-bit integers, nil when `data` does not hold exactly that many.
    static func int64s(_ data: Data, count: Int) -> [Int64]? {
        guard count >= 0, data.count == count * 8 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<count).map { Int64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
        }
    }

    /// `count` unsigned 32-bit integers, nil when `data` does not hold exactly that many.
    static func uint32s(_ data: Data, count: Int) -> [UInt32]? {
        guard count >= 0, data.count == count * 4 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
        }
    }

    /// `count` 128-bit integers, nil when `data` does not hold exactly that many.
    static func int128s(_ data: Data, count: Int) -> [Int128]? {
        guard count >= 0, data.count == count * 16 else { return nil }
        return data.withUnsafeBytes { raw in
            (0..<count).map { offset in
                let low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset * 16, as: UInt64.self))
                let high = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset * 16 + 8, as: Int64.self))
                return Int128(high) << 64 | Int128(low)
            }
        }
    }

    // MARK: Amounts, narrowed where they allow

    /// Amounts (`Amount.raw`), as 32-bit multiples of one power of ten when every value is such a
    /// multiple that fits (a file in 千元 with a decimal or none: 4 bytes a value and one byte for
    /// the exponent, after the values), else as 64-bit integers. The two lengths (count × 4 + 1,
    /// count × 8) never coincide, so the length says which.
    static func encodeAmounts(_ values: [Int64]) -> Data {
        guard !values.isEmpty else { return Data() }
        // The largest power of ten dividing every value: one division a value once it is found.
        var exponent = 18
        for value in values where value != 0 {
            while exponent > 0, value % powersOfTen[exponent] != 0 { exponent -= 1 }
            if exponent == 0 { break }
        }
        let scale = powersOfTen[exponent]
        var narrow: [UInt32] = []
        narrow.reserveCapacity(values.count)
        for value in values {
            guard let step = Int32(exactly: value / scale) else { return encode(values) }
            narrow.append(UInt32(bitPattern: step))
        }
        var data = encode(narrow)
        data.append(UInt8(exponent))
        return data
    }

    /// `count` amounts as ``encodeAmounts(_:)`` wrote them; nil when `data` is neither length,
    /// or a narrowed value times its power of ten leaves 64 bits.
    static func amounts(_ data: Data, count: Int) -> [Int64]? {
        guard count >= 0 else { return nil }
        if data.count == count * 8 { return int64s(data, count: count) }
        guard data.count == count * 4 + 1, let exponent = data.last, Int(exponent) < powersOfTen.count else { return nil }
        let scale = powersOfTen[Int(exponent)]
        var values: [Int64] = []
        values.reserveCapacity(count)
        let fits = data.withUnsafeBytes { raw -> Bool in
            for offset in 0..<count {
                let step = Int64(Int32(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset * 4, as: UInt32.self))))
                let (value, overflow) = step.multipliedReportingOverflow(by: scale)
                if overflow { return false }
                values.append(value)
            }
            return true
        }
        return fits ? values : nil
    }

    /// Sums of amounts (`Int128`, the unit results' month, month base and comparable ytd): as
    /// ``encodeAmounts(_:)`` when every value fits 64 bits (always, for a zone's figures), else
    /// 16 bytes a value. The lengths (count × 4 + 1, count × 8, count × 16) never coincide.
    static func encodeSums(_ values: [Int128]) -> Data {
        var narrow: [Int64] = []
        narrow.reserveCapacity(values.count)
        for value in values {
            guard let fits = Int64(exactly: value) else { return encode(values) }
            narrow.append(fits)
        }
        return encodeAmounts(narrow)
    }

    /// `count` sums as ``encodeSums(_:)`` wrote them (or 16 bytes a value, as stored before);
    /// nil when `data` is none of the lengths.
    static func sums(_ data: Data, count: Int) -> [Int128]? {
        guard count >= 0 else { return nil }
        if data.count == count * 16 { return int128s(data, count: count) }
        return amounts(data, count: count)?.map { Int128($0) }
    }

    /// The amount at `position` of an encoded amounts column of `count` values, read alone; nil
    /// when the column is neither length or the value leaves 64 bits.
    static func amount(at position: Int, in data: Data, count: Int) -> Int64? {
        guard position >= 0, position < count else { return nil }
        return data.withUnsafeBytes { raw -> Int64? in
            if data.count == count * 8 {
                return Int64(littleEndian: raw.loadUnaligned(fromByteOffset: position * 8, as: Int64.self))
            }
            guard data.count == count * 4 + 1, Int(raw[count * 4]) < powersOfTen.count else { return nil }
            let step = Int64(Int32(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position * 4, as: UInt32.self))))
            let (value, overflow) = step.multipliedReportingOverflow(by: powersOfTen[Int(raw[count * 4])])
            return overflow ? nil : value
        }
    }

    /// 10⁰ … 10¹⁸.
    private static let powersOfTen: [Int64] = (0...18).map { exponent in (0..<exponent).reduce(Int64(1)) { product, _ in product * 10 } }
}
