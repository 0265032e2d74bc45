import Testing
import ZonestatCore
@testable import ZonestatPublish

@Suite("report.md at the edges of the year and of the data")
struct ReportEdgeCaseTests {
    @Test func januaryReportsOnlyWhatReportsJanuary() throws {
        let january = SourceDocument.period(2023, 1)
        let context = ReportContext(
            zoneName: SourceDocument.zoneName, period: january, indicators: SourceDocument.definitions,
            result: ComputeResult(indicators: [
                SourceDocument.zoneRow("tax", january, ytd: SourceDocument.wan(600_000), base: SourceDocument.wan(500_000))
            ]))
        let report = try MarkdownReport.render(context)
        #expect(report.contains("1月份，实现一般公共预算收入0.60亿元，同比增长20.0%。"))
        #expect(report.hasPrefix("# XX经济开发区2023年1月经济运行情况"))
    }

    @Test func decemberNeedsNoRestOfTheYear() throws {
        let december = SourceDocument.period(2023, 12)
        let row = TargetRow(
            period: december, indicator: "fixed_investment", year: 2023, kind: .level, targetAmount: SourceDocument.wan(52_000_000),
            source: "s", ytdAmount: SourceDocument.wan(50_000_000), completionPercent: Ratio.percent(part: 50, whole: 52),
            timeProgressPercent: Ratio(100), requiredRestGrowthPercent: nil, status: .behind)
        let context = ReportContext(
            zoneName: SourceDocument.zoneName, period: december, indicators: SourceDocument.definitions,
            result: ComputeResult(targets: [row]))
        let report = try MarkdownReport.render(context)
        #expect(report.contains("固定资产投资全年目标52亿元，1-12月份完成50.00亿元，完成全年目标任务的96.2%，落后序时进度3.8个百分点。"))
        #expect(!report.contains("后0个月"))
    }

    @Test func februaryNotesTheMergedMonth() throws {
        let february = SourceDocument.period(2023, 2)
        let context = ReportContext(
            zoneName: SourceDocument.zoneName, period: february, indicators: SourceDocument.definitions,
            result: ComputeResult(indicators: [
                SourceDocument.zoneRow(
                    "output_value", february, ytd: SourceDocument.wan(1_500_000), base: SourceDocument.wan(1_600_000),
                    month: (SourceDocument.wan(1_500_000), SourceDocument.wan(1_600_000)))
            ]))
        let report = try MarkdownReport.render(context)
        #expect(report.contains("1-2月份，实现规上工业总产值1.5亿元，同比下降6.3%。"))
        #expect(report.contains("1-2月合并的指标，“当月”为1-2月合计"))
        #expect(report.contains("| 规上工业总产值 | 亿元 | 1.5 | -6.3 | -0.1 | 1.5 | -6.3 | 125 |"))
    }

    @Test func noDataStillGivesAReport() throws {
        let context = ReportContext(
            zoneName: SourceDocument.zoneName, period: SourceDocument.april, indicators: SourceDocument.definitions,
            result: ComputeResult())
        let report = try MarkdownReport.render(context)
        #expect(report.contains("1-4月份，暂无可发布的指标数据。"))
        #expect(report.contains("本期数据未发现需要核实的问题。"))
        #expect(try HTMLReport.render(context).contains("</html>"))
    }

    @Test func aTargetWithUndefinedGrowthSaysSo() throws {
        let row = TargetRow(
            period: SourceDocument.april, indicator: "tech_investment", year: 2023, kind: .rate, targetGrowthPercent: Ratio(25),
            source: "s", ytdAmount: SourceDocument.wan(7_900_000), ytdYoYPercent: nil, status: .notApplicable)
        var context = SourceDocument.context()
        context.result.targets = [row]
        let report = try MarkdownReport.render(context)
        #expect(report.contains("技改投资1-4月份同比增速—（上年同期无基数），暂无法与全年目标任务（+25%）比较。"))
        #expect(report.contains("| 无法计算 |"))
    }

    @Test func aTargetOnAnUndefinedIndicatorIsAnError() {
        var context = SourceDocument.context()
        context.result.targets = [
            TargetRow(period: SourceDocument.april, indicator: "exports", year: 2023, kind: .level, targetAmount: .zero, source: "s", status: .behind)
        ]
        #expect(throws: PublishError.unknownIndicator(id: "exports", file: "report.md")) {
            try MarkdownReport.render(context)
        }
    }
}
