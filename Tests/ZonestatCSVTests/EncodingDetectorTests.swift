import Testing

@testable import ZonestatCSV

@Suite("EncodingDetector")
struct EncodingDetectorTests {
    @Test(arguments: [
        ("encodings/gb18030.csv", TextEncoding.gb18030, "encodings/expected-comma.utf8.txt"),
        ("encodings/utf8-bom.csv", .utf8BOM, "encodings/expected-comma.utf8.txt"),
        ("encodings/utf16le-bom.txt", .utf16LE, "encodings/expected-tab.utf8.txt"),
        ("encodings/utf16be-bom.txt", .utf16BE, "encodings/expected-tab.utf8.txt"),
        ("encodings/expected-comma.utf8.txt", .utf8, "encodings/expected-comma.utf8.txt"),
    ])
    func detectsAndDecodes(file: String, encoding: TextEncoding, expected: String) throws {
        let decoded = try EncodingDetector.decode(try Fixture.bytes(file))
        #expect(decoded.encoding == encoding)
        #expect(decoded.utf8 == (try Fixture.bytes(expected)))
    }

    @Test func theGB18030FixtureIsNotUTF8() throws {
        let bytes = try Fixture.bytes("encodings/gb18030.csv")
        #expect(bytes.withUnsafeBytes { UTF8Validator.firstInvalidOffset(in: $0) } == 0)
        let text = String(decoding: try EncodingDetector.decode(bytes).utf8, as: UTF8.self)
        #expect(text.contains("吉𠮷餐饮管理有限公司"))
        #expect(text.contains("€100"))
    }

    @Test func emptyInputIsUTF8() throws {
        #expect(try EncodingDetector.decode([]) == DecodedText(encoding: .utf8, utf8: []))
        #expect(try EncodingDetector.decode([0xEF, 0xBB, 0xBF]) == DecodedText(encoding: .utf8BOM, utf8: []))
    }

    @Test func bytesThatAreNeitherUTF8NorGB18030() throws {
        let bytes: [UInt8] = Array("a,b\n1,".utf8) + [0xFF, 0x80] + Array(",2\n".utf8)
        let error = thrownError(TextDecodingError.self) { _ = try EncodingDetector.decode(bytes) }
        #expect(
            error
                == TextDecodingError(
                    kind: .neitherUTF8NorGB18030(utf8Offset: 6, gb18030Offset: 6), byteOffset: 6,
                    line: 2, found: [0xFF, 0x80, 0x2C, 0x32]))
        #expect(error?.description.contains("line 2 (byte 6)") == true)
        #expect(error?.description.contains("0xFF 0x80") == true)
    }

    @Test func theErrorPointsWhereTheLikelierEncodingBroke() throws {
        // GB18030 text (工业 = B9 A4 D2 B5) with one byte no encoding allows, on line 3.
        let bytes: [UInt8] = [0xB9, 0xA4, 0xD2, 0xB5, 0x0A, 0x31, 0x0A, 0x32, 0xFF]
        let error = thrownError(TextDecodingError.self) { _ = try EncodingDetector.decode(bytes) }
        #expect(error?.kind == .neitherUTF8NorGB18030(utf8Offset: 0, gb18030Offset: 8))
        #expect(error?.line == 3)
        #expect(error?.byteOffset == 8)
    }

    @Test func brokenUTF8AfterItsByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\n".utf8) + [0xE4, 0xB8]
        let error = thrownError(TextDecodingError.self) { _ = try EncodingDetector.decode(bytes) }
        #expect(error?.kind == .invalidAfterByteOrderMark(.utf8BOM))
        #expect(error?.byteOffset == 5)
        #expect(error?.line == 2)
    }

    @Test func brokenUTF16AfterItsByteOrderMark() throws {
        // "a\n" then a lone high surrogate, then "b".
        let little: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x62, 0x00]
        let error = thrownError(TextDecodingError.self) { _ = try EncodingDetector.decode(little) }
        #expect(error?.kind == .invalidAfterByteOrderMark(.utf16LE))
        #expect(error?.byteOffset == 6)
        #expect(error?.line == 2)

        // An odd number of bytes: the file was cut inside a character.
        let cut: [UInt8] = [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x0A, 0x00]
        let cutError = thrownError(TextDecodingError.self) { _ = try EncodingDetector.decode(cut) }
        #expect(cutError?.kind == .invalidAfterByteOrderMark(.utf16BE))
        #expect(cutError?.byteOffset == 6)
        #expect(cutError?.line == 2)
    }

    @Test func nulBytesAreRefused() throws {
        // UTF-16LE without a byte-order mark would otherwise pass for UTF-8.
        let bytes: [UInt8] = [0x61, 0x00, 0x2C, 0x00, 0x62, 0x00]
        let error = thrownError(TextDecodingError.self) { _ = try EncodingDetector.decode(bytes) }
        #expect(error?.kind == .nulBytes)
        #expect(error?.byteOffset == 1)
    }

    @Test func strictUTF8Validation() {
        let cases: [([UInt8], Int?)] = [
            (Array("plain ASCII text, longer than eight bytes".utf8), nil),
            (Array("中文 ʤ €𠮷".utf8), nil),
            ([0x41, 0xC0, 0x80], 1),  // overlong NUL
            ([0xE0, 0x80, 0x80], 0),  // overlong
            ([0xED, 0xA0, 0x80], 0),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
            (Array("12345678".utf8) + [0xE4, 0xB8], 8),  // cut short
            (Array("123456789".utf8) + [0x80], 9),  // stray continuation byte
        ]
        for (bytes, expected) in cases {
            #expect(bytes.withUnsafeBytes { UTF8Validator.firstInvalidOffset(in: $0) } == expected)
        }
    }

    @Test func labels() {
        #expect(
            TextEncoding.allCases.map(\.label) == [
                "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "gb18030",
            ])
    }
}
