import Testing
import ZonestatCore
@testable import ZonestatPublish

@Suite("report.md: written from the figures")
struct MarkdownReportTests {
    @Test func openingSentenceReproducesTheSourceDocument() throws {
        let report = try MarkdownReport.render(SourceDocument.context())
        #expect(report.contains(
            "1-4月份，实现一般公共预算收入2.26亿元，同比增长51.1%；规上工业总产值33.3亿元，同比增长16.6%；规上工业增加值6.8亿元，同比增长19.2%（估算）；固定资产投资14.36亿元，同比增长27.7%；技改投资7.9亿元，同比增长60.3%。新增规上工业企业16家（净增12家）。"))
    }

    @Test func targetSentencesAsTheSourceDocumentWritesThem() throws {
        let report = try MarkdownReport.render(SourceDocument.context())
        #expect(report.contains("固定资产投资全年目标52亿元，1-4月份完成14.36亿元，完成全年目标任务的27.6%，落后序时进度5.7个百分点，后8个月需增长30.9%。"))
        #expect(report.contains("规上工业增加值1-4月份同比增长19.2%（估算），与全年目标任务（+30%）相差10.8个百分点，后8个月需增长35.4%。"))
        #expect(report.contains("新增规上工业企业全年目标23家，1-4月份已新增16家，完成全年目标任务的69.6%，超序时进度36.3个百分点。"))
    }

    @Test func declinesMultiplesAndUndefinedGrowth() throws {
        var context = SourceDocument.context()
        let april = SourceDocument.april
        context.result.indicators = [
            SourceDocument.zoneRow("tax", april, ytd: SourceDocument.wan(900_000), base: SourceDocument.wan(1_000_000)),
            SourceDocument.zoneRow("output_value", april, ytd: SourceDocument.wan(25_000_000), base: SourceDocument.wan(10_000_000)),
            SourceDocument.zoneRow("tech_investment", april, ytd: SourceDocument.wan(7_900_000), base: .zero),
        ]
        let report = try MarkdownReport.render(context)
        #expect(report.contains(
            "1-4月份，实现一般公共预算收入0.90亿元，同比下降10.0%；规上工业总产值25.0亿元，同比增长1.5倍；技改投资7.9亿元，同比增速—（上年同期无基数）。"))
        #expect(report.contains("| 技改投资 | 亿元 | 7.9 | — |"))
    }

    @Test func pullRankingMarksTiesAtDisplayPrecision() throws {
        let report = try MarkdownReport.render(SourceDocument.context())
        #expect(report.contains(
            "规上工业总产值同比增长16.6%。分行业看，8个行业中6个行业拉动增长、2个行业下拉。拉动较多的是：汽车制造业拉动9.1个百分点（贡献率54.9%），通用设备制造业、电气机械和器材制造业并列拉动3.2个百分点；下拉较多的是：纺织业下拉0.7个百分点，橡胶和塑料制品业下拉0.2个百分点。"))
    }

    @Test func tiesAtTheCutAreListedTogether() throws {
        var context = SourceDocument.context()
        // Only 36 and three industries tied at 0.7 pull up: all four are named, the tie marked.
        context.result.indicators.removeAll { ["34", "38"].contains($0.scopeId) }
        let report = try MarkdownReport.render(context)
        #expect(report.contains("汽车制造业拉动9.1个百分点（贡献率54.9%），金属制品业、计算机、通信和其他电子设备制造业、专用设备制造业并列拉动0.7个百分点；"))
    }

    @Test func whenEveryIndustryPullsTheSameWayTheSentenceSaysSo() throws {
        var context = SourceDocument.context()
        context.result.indicators.removeAll { ["29", "17"].contains($0.scopeId) }
        var report = try MarkdownReport.render(context)
        #expect(report.contains("分行业看，6个行业均拉动增长。拉动较多的是：汽车制造业拉动9.1个百分点"))
        context.result.indicators = context.result.indicators.map { row in
            var row = row
            if row.scope == .industry { row.pullPoints = .zero }
            return row
        }
        report = try MarkdownReport.render(context)
        #expect(report.contains("分行业看，6个行业中0个行业拉动增长、0个行业下拉、6个行业持平。\n"))
    }

    @Test func breadthCountsUnitsWithoutABaseApart() throws {
        let report = try MarkdownReport.render(SourceDocument.context())
        #expect(report.contains("全区125家企业中上年同期有基数的113家，增长80家、下降30家、持平3家，增长面70.8%，下降面26.5%；另有12家上年同期无基数（新投产或新入库），不计入增长面。本期新增16家、退出4家，净增12家。"))
    }

    @Test func warningsAreCountedAndListedWithFileAndLine() throws {
        let report = try MarkdownReport.render(SourceDocument.context())
        let appendix = try #require(report.components(separatedBy: "## 附件：数据质量说明").last)
        #expect(appendix.contains("本期数据共有3条提示需要核实（数据文件2条、计算校验1条）"))
        #expect(appendix.contains("累计数与各月合计不符1条，请核对累计数与各月数据："))
        #expect(appendix.contains("- “2023-04企业月报.csv”第17行，列“工业总产值本月”，值“1.2E+5”\n"))
        // In Chinese: the code and the English message stay in warnings.csv.
        #expect(!report.contains("ytd\\_mismatch"))
    }

    @Test func eachKindListsAtMostTenExamples() throws {
        var context = SourceDocument.context()
        context.warnings = (1...20).map { (line: Int) -> PublishedWarning in
            PublishedWarning(source: .extract, file: "a.csv", line: line, code: "ytd_mismatch", message: "m\(line)")
        } + [PublishedWarning(source: .extract, file: "b.csv", line: 1, code: "check_character", message: "late")]
        let report = try MarkdownReport.render(context)
        #expect(report.contains("本期数据共有21条提示需要核实（数据文件21条、计算校验0条）"))
        #expect(report.contains("累计数与各月合计不符20条，请核对累计数与各月数据。其中10条："))
        #expect(report.contains("信用代码校验位不符1条，数据已计入，请与企业核对统一社会信用代码："))
        #expect(report.contains("- “b.csv”第1行\n"))
        #expect(report.contains("- “a.csv”第10行\n"))
        #expect(!report.contains("- “a.csv”第11行"))
        #expect(!report.contains("m7") && !report.contains("late"))
        #expect(report.contains("| 累计数与各月合计不符 | 20 |"))
    }

    @Test func conflictingTargetsAreNamedWithTheirSources() throws {
        var context = SourceDocument.context()
        let april = SourceDocument.april
        context.result.targets = [
            TargetRow(period: april, indicator: "value_added", year: 2023, kind: .rate, targetGrowthPercent: Ratio(30), source: "上半年工作总结", status: .notApplicable),
            TargetRow(period: april, indicator: "value_added", year: 2023, kind: .rate, targetGrowthPercent: Ratio(25), source: "下半年工作计划", status: .notApplicable),
        ]
        context.result.warnings.append(
            ComputeWarning(period: april, indicator: "value_added", code: "target_conflict", scope: "zone", message: "conflicting rate targets"))
        let report = try MarkdownReport.render(context)
        #expect(report.contains("规上工业增加值全年目标存在冲突：+30%（来源：上半年工作总结）与+25%（来源：下半年工作计划）不一致，请核定目标后再评价完成情况。"))
        #expect(report.components(separatedBy: "全年目标存在冲突").count == 2)
        #expect(report.contains("| 规上工业增加值 | 增速 | +30% | — | — | — | — | — | — | 目标冲突 |"))
    }

    @Test func aLoneConflictingTargetQuotesTheWarning() throws {
        var context = SourceDocument.context()
        let april = SourceDocument.april
        context.result.targets = [
            TargetRow(period: april, indicator: "tax", year: 2023, kind: .level, targetAmount: SourceDocument.wan(12_000_000), source: "a.csv", status: .notApplicable)
        ]
        context.result.warnings = [
            ComputeWarning(period: april, indicator: "tax", code: "target_conflict", scope: "zone", message: "12亿元 (a.csv), 11亿元 (b.csv)")
        ]
        let report = try MarkdownReport.render(context)
        #expect(report.contains("一般公共预算收入全年目标存在冲突：12亿元（来源：a.csv）（12亿元 (a.csv), 11亿元 (b.csv)），请核定目标后再评价完成情况。"))
    }

    @Test func aRateTargetAheadAndAMetLevelTarget() throws {
        var context = SourceDocument.context()
        let april = SourceDocument.april
        context.result.targets = [
            TargetRow(period: april, indicator: "tax", year: 2023, kind: .rate, targetGrowthPercent: Ratio(20), source: "s",
                      ytdYoYPercent: Ratio(numerator: 511, denominator: 10), requiredRestGrowthPercent: Ratio(numerator: -52, denominator: 10), status: .ahead),
            TargetRow(period: april, indicator: "tax", year: 2023, kind: .level, targetAmount: SourceDocument.wan(2_000_000), source: "s",
                      ytdAmount: SourceDocument.wan(2260057), completionPercent: Ratio(numerator: 2260057, denominator: 20000),
                      timeProgressPercent: Ratio.percent(part: 4, whole: 12), status: .met),
        ]
        let report = try MarkdownReport.render(context)
        #expect(report.contains("一般公共预算收入1-4月份同比增长51.1%，高于全年目标任务（+20%）31.1个百分点，后8个月同比下降不超过5.2%即可完成全年目标。"))
        #expect(report.contains("一般公共预算收入全年目标2亿元，1-4月份完成2.26亿元，完成全年目标任务的113.0%，已完成全年目标任务。"))
    }

    @Test func markdownEscapesTextFromTheData() throws {
        var context = SourceDocument.context()
        context.result.indicators = context.result.indicators.map { row in
            var row = row
            if row.scopeId == "36" { row.scopeName = "<b>*汽车*</b>|x" }
            return row
        }
        let report = try MarkdownReport.render(context)
        #expect(report.contains("\\<b\\>\\*汽车\\*\\</b\\>\\|x"))
        #expect(!report.contains("<b>"))
    }

    @Test func identicalInputGivesIdenticalText() throws {
        #expect(try MarkdownReport.render(SourceDocument.context()) == MarkdownReport.render(SourceDocument.context()))
    }
}
