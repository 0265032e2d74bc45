import Testing
import ZonestatCore

@Suite("SHA256")
struct SHA256Tests {
    /// NIST FIPS 180-4 example vectors (csrc.nist.gov, SHA256.pdf and SHA2 additional vectors).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        ("The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func nistVectors(message: String, hex: String) {
        #expect(SHA256.hexDigest(SHA256.digest(Array(message.utf8))) == hex)
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(
            SHA256.hexDigest(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Padding edges: 55 bytes fit one block with the length, 56…63 need a second, 64 a full one.
    @Test(arguments: [55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129])
    func chunkedEqualsOneShot(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let oneShot = SHA256.digest(bytes)
        for chunkSize in [1, 3, 17, 63, 64, 65] {
            var hasher = SHA256()
            var start = 0
            while start < bytes.count {
                let end = min(start + chunkSize, bytes.count)
                bytes[start..<end].withUnsafeBytes { hasher.update($0) }
                start = end
            }
            #expect(hasher.finalize() == oneShot, "chunks of \(chunkSize)")
        }
    }

    /// "a" repeated across the padding boundaries; digests from an independent implementation.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func paddingBoundaryVectors(count: Int, hex: String) {
        #expect(SHA256.hexDigest(SHA256.digest([UInt8](repeating: UInt8(ascii: "a"), count: count))) == hex)
    }

    @Test func emptyUpdatesChangeNothing() {
        var hasher = SHA256()
        hasher.update([])
        hasher.update(Array("abc".utf8))
        hasher.update([])
        #expect(
            SHA256.hexDigest(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hexDigestIsLowercaseTwoDigitsPerByte() {
        #expect(SHA256.hexDigest([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256.hexDigest([]) == "")
        #expect(SHA256.digest([]).count == 32)
    }
}
