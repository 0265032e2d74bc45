import ZonestatCore

/// Writes the report of a period from its figures: the sentences are composed from the
/// rows, never a template with numbers pasted in, so that a missing base, a decline or an
/// estimate changes the wording as an analyst would change it.
struct ReportBuilder {
    let context: ReportContext
    let catalog: IndicatorCatalog
    /// The next figure and table numbers (`图1`, `表1`).
    private(set) var figureNumber = 0
    private(set) var tableNumber = 0
    /// The units the warnings name (a compute warning's scope), by credit code.
    let warnedUnits: [String: UnitInfo]

    init(_ context: ReportContext) {
        self.context = context
        self.catalog = context.catalog
        warnedUnits = context.units(codes: context.warnings.compactMap { $0.source == .compute ? $0.scope : nil })
    }

    /// The whole document.
    static func document(_ context: ReportContext) throws(PublishError) -> ReportDocument {
        var builder = ReportBuilder(context)
        return try builder.document()
    }

    private mutating func document() throws(PublishError) -> ReportDocument {
        var sections: [(String, Bool, [ReportBlock])] = []
        sections.append(("主要经济指标", false, overviewBlocks()))
        let targets = try targetBlocks()
        if !targets.isEmpty { sections.append(("年度目标完成情况", false, targets)) }
        if context.hasPreviousYear {
            let pulls = pullBlocks()
            if !pulls.isEmpty { sections.append(("分行业拉动情况", true, pulls)) }
        }
        let keyUnits = keyUnitBlocks()
        if !keyUnits.isEmpty { sections.append(("重点企业", true, keyUnits)) }
        let areas = areaBlocks()
        if !areas.isEmpty { sections.append(("分片区情况", false, areas)) }
        if context.hasPreviousYear {
            let breadth = breadthBlocks()
            if !breadth.isEmpty { sections.append(("增长面", false, breadth)) }
        }
        var numbered = sections.enumerated().map { index, section in
            ReportSection(
                heading: "\(ReportBuilder.chineseNumeral(index + 1))、\(section.0)", pageBreakBefore: section.1,
                blocks: section.2)
        }
        let appendix = appendixBlocks()
        if !appendix.isEmpty {
            numbered.append(ReportSection(heading: "附表　分行业主要指标", pageBreakBefore: true, blocks: appendix))
        }
        // Data problems stand apart from the director's text, in an appendix of their own.
        numbered.append(ReportSection(heading: ReportBuilder.qualityHeading, pageBreakBefore: true, blocks: qualityBlocks()))
        return ReportDocument(title: title, subtitle: subtitle, sections: numbered)
    }

    /// The heading of the appendix on data problems.
    static let qualityHeading = "附件：数据质量说明"

    /// `XX经济开发区2023年1-4月经济运行情况`.
    var title: String {
        "\(context.zoneName)\(context.period.year)年\(ReportNumbers.periodLabel(context.period))经济运行情况"
    }

    /// `数据期 2023-04`, and the date line when one was given.
    var subtitle: String {
        var text = "数据期：\(context.period)"
        if let issuedOn = context.issuedOn, !issuedOn.isEmpty { text += "　　编制日期：\(issuedOn)" }
        return text
    }

    /// The next figure caption prefix: `图1`.
    mutating func nextFigure() -> String {
        figureNumber += 1
        return "图\(figureNumber)"
    }

    /// The next table caption prefix: `表1`.
    mutating func nextTable() -> String {
        tableNumber += 1
        return "表\(tableNumber)"
    }

    /// 1…99 as Chinese numerals: 一, 二, 十, 十一, 二十三.
    static func chineseNumeral(_ number: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard number > 0, number < 100 else { return String(number) }
        if number < 10 { return digits[number] }
        let tens = number / 10, ones = number % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + digits[ones]
    }

    /// The display name of an industry row: `汽车制造业`.
    static func industryName(_ row: IndicatorRow) -> String {
        if !row.scopeName.isEmpty { return row.scopeName }
        return IndustryDivision.name(row.scopeId) ?? row.scopeId
    }
}
