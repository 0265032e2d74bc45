import Testing

@testable import ZonestatCore

@Suite("CreditCode packed keys")
struct CreditCodePackedTests {
    static let valid = "91340000000100000T"

    func packedIfValid(_ text: String) -> (key: UInt128, hasLowercase: Bool)? {
        var text = text
        return text.withUTF8 { CreditCode.packedIfValid(utf8: $0) }
    }

    @Test(arguments: [
        valid, "91340000000100000t", "913400000001000021", "91340000000100000U", "9134000000010000", "91340000000100000I",
        "91340000000100000O", " 91340000000100000T", "９１340000000100000T", "9.14403E+17", "", "913400000001000000",
        "ABCDEFGHJKLMNPQRTU", "abcdefghjklmnpqrtu", "Z1340000000100000T",
    ])
    func fastPathAgreesWithCheck(_ text: String) {
        let check = CreditCode.check(text)
        guard let (key, hasLowercase) = packedIfValid(text) else {
            if case .valid(let code) = check {
                // The fast path may leave a valid code to the full check (spaces, full width), never
                // a plain 18-character one.
                #expect(code.utf8.count != text.utf8.count || text != code.uppercased())
            }
            return
        }
        #expect(check == .valid(hasLowercase ? text.uppercased() : text))
        #expect(CreditCode.packed(hasLowercase ? text.uppercased() : text) == key)
    }

    @Test func distinctCodesHaveDistinctKeys() throws {
        var keys = Set<UInt128>()
        for n in 0..<2000 {
            let body = "9134" + String(repeating: "0", count: 13 - String(n).count) + String(n)
            let code = body + String(try #require(CreditCode.checkCharacter(for: body)))
            keys.insert(try #require(CreditCode.packed(code)))
        }
        #expect(keys.count == 2000)
    }

    @Test func keyIgnoresTheCheckButNotTheAlphabet() {
        #expect(CreditCode.packed("91340000000100000U") != nil)
        #expect(CreditCode.packed("91340000000100000I") == nil)
        #expect(CreditCode.packed("9134000000010000") == nil)
        #expect(CreditCode.packed("91340000000100000t") == nil)
    }
}
