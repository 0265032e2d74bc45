import Foundation

/// Fixed-width little-endian arrays stored as BLOBs: the one codec of the warehouse's packed
/// columns (fact blocks, unit result blocks). Decoding checks the length against the count
/// the row states instead of trusting it.
enum PackedColumn {
    static func encode(_ values: [Int64]) -> Data {
        var data = Data(capacity: values.count * 8)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func encode(_ values: [UInt32]) -> Data {
        var data = Data(capacity: values.count * 4)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    static func encode(_ values: [Int128]) -> Data {
        var data = Data(capacity: values.count * 16)
        for value in values {
            withUnsafeBytes(of: UInt64(truncatingIfNeeded: value).littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: Int64(truncatingIfNeeded: value >> 64).littleEndian) { data.append(contentsOf: $0) }
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
}
