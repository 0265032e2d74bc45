/// The written report as structure: sections of paragraphs, tables and charts, which the
/// Markdown and HTML renderers write out the same way, so that both say the same thing.
struct ReportDocument: Sendable, Hashable {
    var title: String
    /// The line under the title: zone, period, and the date when one was given.
    var subtitle: String
    var sections: [ReportSection]
}

/// A numbered section of the report (`一、主要指标完成情况`).
struct ReportSection: Sendable, Hashable {
    var heading: String
    /// Start the section on a new page when printed.
    var pageBreakBefore: Bool = false
    var blocks: [ReportBlock]
}

/// One element of a section.
enum ReportBlock: Sendable, Hashable {
    case paragraph(String)
    /// A heading inside a section (`（一）规上工业总产值`).
    case subheading(String)
    case bullets([String])
    case table(ReportTable)
    /// A chart; only the HTML report draws it.
    case chart(ReportChart)
}

/// A table of display text; numeric columns are right-aligned.
struct ReportTable: Sendable, Hashable {
    var caption: String?
    var header: [String]
    var rows: [[String]]
    /// Columns (by index) that hold numbers.
    var numericColumns: Set<Int>
    /// A note under the table (`注：…`).
    var note: String? = nil
}

/// A chart with its data: positions as `Double` (charts only), labels as exact display text.
enum ReportChart: Sendable, Hashable {
    case growth(GrowthChart)
    case targets(TargetChart)
    case pulls(PullChart)
}

/// Year-to-date growth by month, this year against last year, for one indicator.
struct GrowthChart: Sendable, Hashable {
    var title: String
    var firstMonth: Int
    var lastMonth: Int
    var series: [GrowthSeries]
}

/// One line of a ``GrowthChart``.
struct GrowthSeries: Sendable, Hashable {
    var label: String
    /// Drawn prominently (this year) or muted (last year).
    var emphasised: Bool
    var points: [ChartPoint]
}

/// One point or bar: where it goes and what it says.
struct ChartPoint: Sendable, Hashable {
    /// The month (growth charts) or the position in a list.
    var position: Int
    var value: Double
    var label: String
}

/// Completion against time progress for the level and count targets.
struct TargetChart: Sendable, Hashable {
    var title: String
    var bars: [TargetBar]
}

/// One target in a ``TargetChart``.
struct TargetBar: Sendable, Hashable {
    var name: String
    var completion: Double
    var completionLabel: String
    var timeProgress: Double
    var timeProgressLabel: String
}

/// Pull (拉动) by industry for one indicator, negative to the left.
struct PullChart: Sendable, Hashable {
    var title: String
    var bars: [PullBar]
}

/// One industry in a ``PullChart``.
struct PullBar: Sendable, Hashable {
    var name: String
    var value: Double
    var label: String
}
