import Foundation
import Testing

@testable import ZonestatCSV

/// Test fixtures, copied into the test bundle from `Fixtures/`.
enum Fixture {
    /// The bytes of `Fixtures/<path>`.
    static func bytes(_ path: String) throws -> [UInt8] {
        let resources = try #require(Bundle.module.resourceURL)
        let url = resources.appendingPathComponent("Fixtures").appendingPathComponent(path)
        return [UInt8](try Data(contentsOf: url))
    }
}

/// Parses `bytes` with a fresh ``CSVParser``, fed in chunks of the given sizes (repeated;
/// an empty list feeds the whole input at once).
func parseRecords(
    _ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), strict: Bool = true,
    chunkSizes: [Int] = []
) throws -> [CSVRecord] {
    var records: [CSVRecord] = []
    let parser = try CSVParser(delimiter: delimiter, strict: strict) { records.append($0) }
    try bytes.withUnsafeBytes { raw in
        guard !chunkSizes.isEmpty else {
            try parser.parse(raw)
            return
        }
        var start = 0
        var turn = 0
        while start < raw.count {
            let end = min(start + max(chunkSizes[turn % chunkSizes.count], 1), raw.count)
            try parser.parse(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
            start = end
            turn += 1
        }
    }
    try parser.finish()
    return records
}

/// Parses `text` (UTF-8) in one go.
func parseRecords(_ text: String, delimiter: UInt8 = UInt8(ascii: ","), strict: Bool = true)
    throws -> [CSVRecord]
{
    try parseRecords(Array(text.utf8), delimiter: delimiter, strict: strict)
}

/// The error `body` throws, if it is a `E`.
func thrownError<E: Error>(_: E.Type, _ body: () throws -> Void) -> E? {
    do {
        try body()
        return nil
    } catch let error as E {
        return error
    } catch {
        return nil
    }
}

/// A small seeded generator (SplitMix64), so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
