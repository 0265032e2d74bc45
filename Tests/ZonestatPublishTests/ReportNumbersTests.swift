import Testing
import ZonestatCore
@testable import ZonestatPublish

@Suite("How the report states figures")
struct ReportNumbersTests {
    static func percent(_ numerator: Int128, _ denominator: Int128 = 1) -> Ratio? {
        Ratio(numerator: numerator, denominator: denominator)
    }

    @Test(arguments: [(1, "1月份"), (2, "1-2月份"), (4, "1-4月份"), (12, "1-12月份")])
    func periodPhrase(month: Int, expected: String) {
        #expect(ReportNumbers.periodPhrase(SourceDocument.period(2023, month)) == expected)
    }

    @Test func growthPhrases() {
        #expect(ReportNumbers.growthPhrase(Self.percent(511, 10), estimate: false) == "同比增长51.1%")
        #expect(ReportNumbers.growthPhrase(Self.percent(-1085, 100), estimate: false) == "同比下降10.9%")
        #expect(ReportNumbers.growthPhrase(Self.percent(1665, 100), estimate: false) == "同比增长16.7%")
        #expect(ReportNumbers.growthPhrase(Self.percent(150), estimate: false) == "同比增长1.5倍")
        #expect(ReportNumbers.growthPhrase(Self.percent(100), estimate: false) == "同比增长1.0倍")
        #expect(ReportNumbers.growthPhrase(Self.percent(9999, 100), estimate: false) == "同比增长100.0%")
        #expect(ReportNumbers.growthPhrase(Self.percent(-4, 100), estimate: false) == "同比持平")
        #expect(ReportNumbers.growthPhrase(nil, estimate: false) == "同比增速—（上年同期无基数）")
        #expect(ReportNumbers.growthPhrase(Self.percent(192, 10), estimate: true) == "同比增长19.2%（估算）")
        #expect(ReportNumbers.growthPhrase(Self.percent(-100), estimate: false) == "同比下降100.0%")
    }

    @Test func levelsAtDisplayPrecisionHalfAwayFromZero() {
        let tax = IndicatorDefinition(id: "tax", name: "税收", mergeJanFeb: false, displayPrecision: 2)
        let output = IndicatorDefinition(id: "o", name: "产值", mergeJanFeb: true)
        #expect(ReportNumbers.levelText(SourceDocument.wan(2260057), tax) == "2.26亿元")
        #expect(ReportNumbers.levelText(SourceDocument.wan(33_250_000), output) == "33.3亿元")
        #expect(ReportNumbers.levelText(-SourceDocument.wan(33_250_000), output) == "-33.3亿元")
        #expect(ReportNumbers.levelText(SourceDocument.wan(33_249_999), output) == "33.2亿元")
        let inWan = IndicatorDefinition(id: "s", name: "支出", mergeJanFeb: false, displayUnit: .tenThousandYuan, displayPrecision: 0)
        #expect(ReportNumbers.levelText(SourceDocument.wan(1_694_300), inWan) == "16943万元")
    }

    @Test func signedTargets() {
        #expect(ReportNumbers.signedTarget(Ratio(30)) == "+30%")
        #expect(ReportNumbers.signedTarget(Ratio(numerator: 25, denominator: 2) ?? .zero) == "+12.5%")
        #expect(ReportNumbers.signedTarget(Ratio(-5)) == "-5%")
    }
}
