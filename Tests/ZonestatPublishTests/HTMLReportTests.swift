import Testing
import ZonestatCore
@testable import ZonestatPublish

@Suite("report.html: self-contained, escaped, deterministic")
struct HTMLReportTests {
    static let hostile = "<script>alert(1)</script> & \"quoted\" 'single'"

    static func hostileContext() -> ReportContext {
        var context = SourceDocument.context()
        context.zoneName = hostile
        context.result.indicators = context.result.indicators.map { row in
            var row = row
            if row.scopeId == "36" { row.scopeName = hostile }
            return row
        }
        context.warnings.append(PublishedWarning(source: .extract, file: hostile, line: 3, value: hostile, code: "bad_number", message: hostile))
        context.indicators[0].name = hostile
        return context
    }

    @Test func everythingFromTheDataIsEscaped() throws {
        let html = try HTMLReport.render(Self.hostileContext())
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(1)</"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
        // In the title, the headline, the pull chart's SVG labels, the appendix and the warnings.
        #expect(html.components(separatedBy: "&lt;script&gt;").count > 6)
    }

    @Test func noNetworkReferencesAndNoScript() throws {
        let html = try HTMLReport.render(SourceDocument.context())
        for forbidden in ["<script", "src=", "href=", "@import", "url(", "https:", "<link"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("default-src 'none'"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func hasTheTextTablesAndCharts() throws {
        let html = try HTMLReport.render(SourceDocument.context())
        #expect(html.contains("1-4月份，实现一般公共预算收入2.26亿元，同比增长51.1%"))
        #expect(html.contains("<caption>表1　主要经济指标（2023年1-4月）</caption>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 7)  // 5 growth, 1 targets, 1 pulls
        #expect(html.contains(">2022年</text>") && html.contains(">2023年</text>"))
        #expect(html.contains(">完成率</text>") && html.contains(">序时进度</text>"))
        #expect(html.contains("class=\"page-break\""))
        #expect(html.contains("\"Noto Serif CJK SC\""))
        #expect(html.contains("size: A4"))
    }

    @Test func negativePullsGoLeftOfZero() throws {
        let chart = PullChart(title: "t", bars: [
            PullBar(name: "a", value: 2, label: "2.0"), PullBar(name: "b", value: -1, label: "-1.0"),
        ])
        let svg = chart.svg()
        let rects = svg.components(separatedBy: "<rect ").dropFirst().map { $0.components(separatedBy: "/>")[0] }
        #expect(rects.count == 2)
        func attribute(_ name: String, _ rect: String) -> Double {
            Double(rect.components(separatedBy: "\(name)=\"")[1].components(separatedBy: "\"")[0]) ?? .nan
        }
        let positiveStart = attribute("x", rects[0]), negativeEnd = attribute("x", rects[1]) + attribute("width", rects[1])
        #expect(abs(positiveStart - negativeEnd) < 0.11)
        #expect(attribute("x", rects[1]) < positiveStart)
    }

    @Test func identicalInputGivesIdenticalBytes() throws {
        let first = try HTMLReport.render(SourceDocument.context(issuedOn: "2023年5月10日"))
        let second = try HTMLReport.render(SourceDocument.context(issuedOn: "2023年5月10日"))
        #expect(first == second)
        #expect(first.contains("编制日期：2023年5月10日"))
    }

    @Test func chartNumbersAreWrittenPlainly() {
        #expect(SVGCanvas.number(12.345) == "12.3")
        #expect(SVGCanvas.number(-0.04) == "0")
        #expect(SVGCanvas.number(-2.25) == "-2.3")
        #expect(SVGCanvas.number(1e20).contains("e") == false)
        #expect(SVGCanvas.number(.nan) == "0")
        #expect(SVGCanvas.ticks(low: -0.7, high: 9.1, count: 6) == [-2, 0, 2, 4, 6, 8, 10])
    }
}
