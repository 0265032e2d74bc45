import CSHA256

extension SHA256 {
    /// The hash words H0…H7 and the compression function that updates them.
    struct State: Sendable {
        var h0, h1, h2, h3, h4, h5, h6, h7: UInt32

        /// The initial hash value of FIPS 180-4 §5.3.3.
        static let initial = State(
            h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
            h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19)

        /// The round constants of FIPS 180-4 §4.2.2.
        static let roundConstants: [UInt32] = [
            0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
            0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
            0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
            0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
            0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
            0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
            0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
            0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
        ]

        /// The digest: H0…H7 as big-endian bytes.
        var bigEndianBytes: [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(32)
            for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
                bytes.append(UInt8(truncatingIfNeeded: word >> 24))
                bytes.append(UInt8(truncatingIfNeeded: word >> 16))
                bytes.append(UInt8(truncatingIfNeeded: word >> 8))
                bytes.append(UInt8(truncatingIfNeeded: word))
            }
            return bytes
        }

        /// Whether ``compress(blocks:)`` uses the CPU's SHA extensions (x86 SHA-NI).
        static let usesExtensions = zs_sha256_ni_available() == 1

        /// Processes whole 64-byte blocks (`blocks.count` a multiple of 64), FIPS 180-4 §6.2.2:
        /// with the CPU's SHA extensions where it has them, else ``compressInSwift(blocks:)``.
        mutating func compress(blocks: UnsafeRawBufferPointer) {
            precondition(blocks.count % SHA256.blockSize == 0, "SHA-256 compresses whole blocks")
            guard State.usesExtensions, let base = blocks.baseAddress else {
                compressInSwift(blocks: blocks)
                return
            }
            var words = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &words) { raw in
                zs_sha256_blocks_ni(
                    raw.baseAddress?.assumingMemoryBound(to: UInt32.self), base.assumingMemoryBound(to: UInt8.self),
                    blocks.count / SHA256.blockSize)
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = words
        }

        /// ``compress(blocks:)`` in portable Swift (the reference the extensions are tested against).
        mutating func compressInSwift(blocks: UnsafeRawBufferPointer) {
            precondition(blocks.count % SHA256.blockSize == 0, "SHA-256 compresses whole blocks")
            SHA256.State.roundConstants.withUnsafeBufferPointer { constants in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                    var offset = 0
                    while offset < blocks.count {
                        compressBlock(blocks, at: offset, constants: constants, schedule: schedule)
                        offset += SHA256.blockSize
                    }
                }
            }
        }

        @inline(__always)
        private mutating func compressBlock(
            _ blocks: UnsafeRawBufferPointer, at offset: Int, constants: UnsafeBufferPointer<UInt32>,
            schedule w: UnsafeMutableBufferPointer<UInt32>
        ) {
            for t in 0..<16 {
                w[t] = UInt32(bigEndian: blocks.loadUnaligned(fromByteOffset: offset + 4 * t, as: UInt32.self))
            }
            for t in 16..<64 {
                let x = w[t - 15]
                let y = w[t - 2]
                let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
                let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
            // Eight rounds per pass with the variables' roles rotated instead of moved.
            var t = 0
            while t < 64 {
                round(a, b, c, &d, e, f, g, &h, constants[t] &+ w[t])
                round(h, a, b, &c, d, e, f, &g, constants[t + 1] &+ w[t + 1])
                round(g, h, a, &b, c, d, e, &f, constants[t + 2] &+ w[t + 2])
                round(f, g, h, &a, b, c, d, &e, constants[t + 3] &+ w[t + 3])
                round(e, f, g, &h, a, b, c, &d, constants[t + 4] &+ w[t + 4])
                round(d, e, f, &g, h, a, b, &c, constants[t + 5] &+ w[t + 5])
                round(c, d, e, &f, g, h, a, &b, constants[t + 6] &+ w[t + 6])
                round(b, c, d, &e, f, g, h, &a, constants[t + 7] &+ w[t + 7])
                t += 8
            }
            h0 &+= a
            h1 &+= b
            h2 &+= c
            h3 &+= d
            h4 &+= e
            h5 &+= f
            h6 &+= g
            h7 &+= h
        }
    }
}

/// One SHA-256 round (FIPS 180-4 §6.2.2 step 3) on the working variables a…h, where the
/// caller rotates the names instead of shifting the values: d += T1, h = T1 + T2.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32
) {
    let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
    let choose = g ^ (e & (f ^ g))
    let t1 = h &+ sum1 &+ choose &+ constantPlusWord
    let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
    let majority = (a & b) | (c & (a | b))
    d = d &+ t1
    h = t1 &+ sum0 &+ majority
}

extension UInt32 {
    /// The value rotated right by `count` bits (0 < count < 32).
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 &- count))
    }
}
