/// SHA-256 (FIPS 180-4), for content hashes of archived files.
///
/// The archive names every accepted file by its hash and recognises a file seen before
/// by it (inputs.md "When a file is complete"). A pure-Swift implementation keeps
/// swift-crypto and BoringSSL out of the build for this one function. Feed bytes in any
/// number of ``update(_:)-(UnsafeRawBufferPointer)`` calls, then call ``finalize()`` once.
public struct SHA256: Sendable {
    /// The eight working hash words H0…H7.
    var state: SHA256.State = .initial
    /// Bytes of an incomplete block, waiting for the rest of it.
    private var pending: [UInt8] = []
    /// The total number of bytes hashed so far.
    private var byteCount: UInt64 = 0

    /// A hasher with nothing hashed yet.
    public init() {
        pending.reserveCapacity(SHA256.blockSize)
    }

    /// The size of one SHA-256 block in bytes.
    public static let blockSize = 64

    /// Hashes more bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        byteCount &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(SHA256.blockSize - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            offset = take
            guard pending.count == SHA256.blockSize else { return }
            pending.withUnsafeBytes { state.compress(blocks: $0) }
            pending.removeAll(keepingCapacity: true)
        }
        let wholeBlocks = (bytes.count - offset) / SHA256.blockSize * SHA256.blockSize
        if wholeBlocks > 0 {
            state.compress(blocks: UnsafeRawBufferPointer(start: base + offset, count: wholeBlocks))
            offset += wholeBlocks
        }
        if offset < bytes.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
        }
    }

    /// Hashes more bytes.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of everything hashed. Call it once, after the last update.
    public mutating func finalize() -> [UInt8] {
        let bitCount = byteCount &* 8
        var tail = pending
        tail.append(0x80)
        let zeros = (SHA256.blockSize * 2 - 8 - tail.count) % SHA256.blockSize
        tail.append(contentsOf: repeatElement(0, count: zeros))
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift)))
        }
        tail.withUnsafeBytes { state.compress(blocks: $0) }
        pending.removeAll()
        return state.bigEndianBytes
    }

    /// The digest of `bytes` in one call.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// `bytes` as lowercase hexadecimal, two digits a byte: how digests are written.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
