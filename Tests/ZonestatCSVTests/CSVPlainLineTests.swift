import Testing

@testable import ZonestatCSV

/// Plain lines are split in place, without libcsv: the records, errors, lines and offsets must
/// be libcsv's, whatever the text around them.
@Suite("CSV plain lines")
struct CSVPlainLineTests {
    /// What parsing `bytes` in chunks of `chunkSize` gives: the records (cells, line, offset)
    /// or the error.
    func outcome(_ bytes: [UInt8], delimiter: UInt8, strict: Bool, chunkSize: Int, plain: Bool) -> String {
        var records: [String] = []
        do {
            let parser = try CSVParser(delimiter: delimiter, strict: strict)
            parser.readsPlainLines = plain
            let take = { (record: CSVRawRecord) in
                records.append("\(record.line)@\(record.byteOffset):\(record.record.fields)")
            }
            try bytes.withUnsafeBytes { raw in
                for start in stride(from: 0, to: raw.count, by: chunkSize) {
                    try parser.parse(UnsafeRawBufferPointer(rebasing: raw[start..<min(start + chunkSize, raw.count)]), rows: take)
                }
            }
            try parser.finish(rows: take)
        } catch {
            records.append("error \(error)")
        }
        return records.joined(separator: "\n")
    }

    @Test func edgeCasesReadAsLibcsvReadsThem() {
        let texts = [
            "a,b,c\n1,2,3\n", "a,b,c\r\n1,2,3\r\n", "a,,\n,,\n,\n\n\r\n", "a, b ,c\n", "\ta,b\n", "a,b\t\n",
            " \n  \nx\n", "a,\"b\nc\",d\ne,f\n", "a\rb\rc\n", "a,b\"c\n", "\"a\" ,b\n", "a,b", "a,b\n\"c",
            "统一社会信用代码,名称\n91340000000100000T,丰宏 新材料,3.5\n", "a,b\r\r\n", "x,\"\"\n", "\u{3000}a,b\n",
            "a;b;c\n1;2;3\n",
        ]
        for text in texts {
            for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09] {
                for strict in [true, false] {
                    for chunkSize in [1, 3, 64 * 1024] {
                        let bytes = Array(text.utf8)
                        #expect(
                            outcome(bytes, delimiter: delimiter, strict: strict, chunkSize: chunkSize, plain: true)
                                == outcome(bytes, delimiter: delimiter, strict: strict, chunkSize: chunkSize, plain: false),
                            "\(text.debugDescription) delimiter \(delimiter) strict \(strict) chunks \(chunkSize)")
                    }
                }
            }
        }
    }

    /// Random lines of the bytes that matter (delimiters, quotes, spaces, tabs, CR, LF,
    /// letters, a multi-byte character) read the same both ways.
    @Test func randomTextReadsAsLibcsvReadsIt() {
        let alphabet: [[UInt8]] = [
            [0x2C], [0x2C], [0x22], [0x20], [0x09], [0x0D], [0x0A], [0x61], [0x61], [0x61], [0x62], [0x31], [0x2E], [0x3B],
            Array("丰".utf8),
        ]
        var generator = SplitMix(seed: 13)
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 160) {
                bytes += alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            for delimiter in [UInt8(ascii: ","), 0x09] {
                for strict in [true, false] {
                    let chunkSize = 1 + Int(generator.next() % 50)
                    #expect(
                        outcome(bytes, delimiter: delimiter, strict: strict, chunkSize: chunkSize, plain: true)
                            == outcome(bytes, delimiter: delimiter, strict: strict, chunkSize: chunkSize, plain: false),
                        "\(bytes) delimiter \(delimiter) strict \(strict) chunks \(chunkSize)")
                }
            }
        }
    }
}

/// A small deterministic generator for the tests' random inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("UTF8Validator against the standard library")
struct UTF8ValidatorTests {
    /// Random bytes weighted toward lead and continuation bytes: the first invalid offset is
    /// where the standard library's decoder first repairs, and nil when it repairs nothing.
    @Test func agreesWithTheStandardLibrary() {
        var generator = SplitMix(seed: 21)
        let picks: [UInt8] = [0x41, 0x80, 0xBF, 0x9F, 0xA0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xC0]
        for _ in 0..<20_000 {
            let bytes = (0..<Int(generator.next() % 24)).map { _ in picks[Int(generator.next() % UInt64(picks.count))] }
            let found = bytes.withUnsafeBytes { UTF8Validator.firstInvalidOffset(in: $0) }
            // Where the standard library's parser meets the first ill-formed sequence.
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0
            var expected: Int?
            decoding: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .emptyInput: break decoding
                case .error:
                    expected = offset
                    break decoding
                }
            }
            #expect(found == expected, "\(bytes)")
        }
    }
}
