import Foundation
import Testing

@testable import ZonestatCore

/// The SHA extensions path (x86 SHA-NI) against the portable Swift compression function.
@Suite("SHA256 with the CPU's extensions")
struct SHA256ExtensionsTests {
    /// Pseudo-random bytes (a 64-bit LCG), reproducible.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1000])
    func sameStateAsSwiftAfterAnyNumberOfBlocks(blocks: Int) {
        for seed in UInt64(1)...5 {
            let data = Self.bytes(blocks * SHA256.blockSize, seed: seed)
            var fast = SHA256.State.initial, portable = SHA256.State.initial
            data.withUnsafeBytes { raw in
                fast.compress(blocks: raw)
                portable.compressInSwift(blocks: raw)
            }
            #expect(fast.bigEndianBytes == portable.bigEndianBytes, "\(blocks) blocks, seed \(seed)")
        }
    }

    @Test func sameStateFromAnyStartingState() {
        // Starting states other than the initial one: the words' order in the registers.
        var start = SHA256.State.initial
        Self.bytes(64, seed: 9).withUnsafeBytes { start.compressInSwift(blocks: $0) }
        let data = Self.bytes(10 * SHA256.blockSize, seed: 10)
        var fast = start, portable = start
        data.withUnsafeBytes { raw in
            fast.compress(blocks: raw)
            portable.compressInSwift(blocks: raw)
        }
        #expect(fast.bigEndianBytes == portable.bigEndianBytes)
    }

    @Test func reportsWhetherTheExtensionsAreUsed() {
        // Informational on machines without them; on x86-64 with SHA-NI (this project's machines)
        // the fast path is the one the other tests exercise.
        #if os(Linux) && arch(x86_64)
            let hasFlag = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").contains(" sha_ni")
            #expect(SHA256.State.usesExtensions == hasFlag)
        #elseif !arch(x86_64)
            #expect(!SHA256.State.usesExtensions)
        #endif
    }
}
