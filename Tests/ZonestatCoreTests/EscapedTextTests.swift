import Testing
import ZonestatCore

@Suite("Names and values from outside print on one line, controls escaped")
struct EscapedTextTests {
    @Test func controlCharactersAreEscaped() {
        #expect(EscapedText.escaping("\u{1B}[31m红\n伪造.csv") == "\\e[31m红\\n伪造.csv")
        #expect(EscapedText.escaping("a\tb\rc\u{07}\u{7F}\u{85}") == "a\\tb\\rc\\x07\\x7F\\u{85}")
        #expect(EscapedText.escaping("back\\slash") == "back\\slash")
        // Escaping what is escaped changes nothing: the log and the console may both escape.
        #expect(EscapedText.escaping(EscapedText.escaping("\u{1B}x\n")) == "\\ex\\n")
    }

    @Test func plainNamesAreUnchanged() {
        #expect(EscapedText.escaping("2023年4月 工业.csv") == "2023年4月 工业.csv")
        #expect(EscapedText.escaping(bytes: Array("2023年4月.csv".utf8)) == "2023年4月.csv")
    }

    @Test func bytesThatAreNotUTF8AreWrittenInHex() {
        // 测试.csv in GBK, as unzip leaves it.
        let gbk: [UInt8] = [0xB2, 0xE2, 0xCA, 0xD4, 0x2E, 0x63, 0x73, 0x76]
        #expect(EscapedText.escaping(bytes: gbk) == "\\xB2\\xE2\\xCA\\xD4.csv")
        #expect(!EscapedText.isValidUTF8(gbk))
        #expect(EscapedText.escaping(bytes: [0xFF, 0x1B]) == "\\xFF\\e")
        // Overlong and surrogate forms are not UTF-8 either.
        #expect(EscapedText.escaping(bytes: [0xC0, 0xAF]) == "\\xC0\\xAF")
        #expect(EscapedText.escaping(bytes: [0xED, 0xA0, 0x80]) == "\\xED\\xA0\\x80")
        #expect(EscapedText.isValidUTF8(Array("统计".utf8)))
    }
}
