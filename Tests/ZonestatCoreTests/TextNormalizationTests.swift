import Testing
@testable import ZonestatCore

@Suite("TextNormalization")
struct TextNormalizationTests {
    @Test(arguments: [
        (" ｃ３６ ", "C36"), ("91341122 ma2t", "91341122MA2T"), ("\u{3000}Ａｂｃ\u{00A0}", "ABC"), ("\t汽车\u{200B}", "汽车"),
        ("９．１Ｅ＋１７", "9.1E+17"), ("", ""),
    ])
    func compactCode(text: String, code: String) {
        #expect(TextNormalization.compactCode(text) == code)
    }

    @Test(arguments: [
        ("  万元 ", "万元"), ("\u{3000}千元\u{3000}", "千元"), ("１０ｋ＿ｙｕａｎ", "10k_yuan"), ("a\u{3000}b", "a b"),
        ("   ", ""), ("（万元）", "(万元)"),
    ])
    func trimmedHalfWidth(text: String, result: String) {
        #expect(TextNormalization.trimmedHalfWidth(text) == result)
    }

    @Test func spaces() {
        #expect(TextNormalization.isInvisibleSpace("\u{3000}"))
        #expect(TextNormalization.isInvisibleSpace("\u{00A0}"))
        #expect(!TextNormalization.isInvisibleSpace("_"))
        #expect(TextNormalization.halfWidth("Ａ") == "A")
        #expect(TextNormalization.halfWidth("汽") == "汽")
    }
}
