import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// The load stage reads numbers from the bytes SQLite holds; each reading must equal the
/// reading of the same text as a `String`, for canonical texts and for anything else.
@Suite("Result codec")
struct ResultCodecTests {
    static func bytes<T>(_ text: String?, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
        guard let text else { return body(nil) }
        return Array(text.utf8).withUnsafeBufferPointer { body($0) }
    }

    static let ratios: [String?] = [
        nil, "", "1/3", "-2/4", "+5/1", "0/1", "1/0", "-0/7", "007/010", "1/", "/1", "1//2", " 1/2", "1/2 ", "１/2", "-",
        "--1/2", "1/-2", "1/+2", "abc", "1.5/2", "123456789012345678/1", "1234567890123456789/1",
        "123456789012345678901234567890123456/7", "12345678901234567890123456789012345678/3",
        "99999999999999999999999999999999999999/99999999999999999999999999999999999999",
        "123456789012345678901234567890123456789/1", "-170141183460469231731687303715884105728/1",
        "170141183460469231731687303715884105727/2", "1/2\u{301}", "1/\u{301}2",
    ]

    @Test(arguments: ratios)
    func ratioFromBytesAsFromText(_ text: String?) {
        #expect(Self.bytes(text) { ResultCodec.ratio(utf8: $0) } == ResultCodec.ratio(text))
    }

    static let amounts: [String?] = [
        nil, "", "0", "12345.6789", "-3.5", "1,234.5", "—", "-", "1e5", "00012", "0.00001", "12.3456789012",
        "99999999999999999999", "-0", "+7", " 8 ", "１２", "1.2.3",
    ]

    @Test(arguments: amounts)
    func amountFromBytesAsFromText(_ text: String?) {
        for unit in MoneyUnit.allCases {
            #expect(Self.bytes(text) { ResultCodec.amount(utf8: $0, unit) } == ResultCodec.amount(text, unit))
        }
    }
}
