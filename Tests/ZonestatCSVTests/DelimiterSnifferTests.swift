import Testing

@testable import ZonestatCSV

@Suite("DelimiterSniffer")
struct DelimiterSnifferTests {
    static func sniff(_ text: String) -> Character {
        Character(Unicode.Scalar(DelimiterSniffer.sniff(Array(text.utf8))))
    }

    @Test func comma() {
        #expect(Self.sniff("企业名称,统一社会信用代码,工业总产值\n甲,91,1.5\n") == ",")
    }

    @Test func tab() {
        #expect(Self.sniff("企业名称\t统一社会信用代码\t工业总产值\r\n甲\t91\t1,234.5\r\n") == "\t")
    }

    @Test func semicolon() {
        #expect(Self.sniff("name;code;value\nA;91;1,5\nB;92;2,5\n") == ";")
    }

    @Test func delimitersInsideQuotesAreIgnored() {
        #expect(Self.sniff("\"a;b;c;d\",x\n\"e;f;g\nh;i\",y\n") == ",")
        #expect(Self.sniff("\"a,b,c\"\t\"d,e\"\tf\n") == "\t")
    }

    @Test func aUnitLineAboveTheHeader() {
        #expect(Self.sniff("单位:千元,,,\n企业名称,信用代码,产值,税收\n甲,91,1,2\n") == ",")
        #expect(Self.sniff("单位：千元\n企业名称\t信用代码\t产值,本月\n甲\t91\t1\n") == "\t")
        #expect(Self.sniff("单位: 元\n\n企业名称;信用代码;产值\n甲;91;1,5\n") == ";")
    }

    @Test func commaWhenThereIsNothingToGoOn() {
        #expect(Self.sniff("") == ",")
        #expect(Self.sniff("企业名称\n甲\n") == ",")
    }
}
