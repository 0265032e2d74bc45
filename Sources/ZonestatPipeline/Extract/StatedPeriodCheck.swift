import ZonestatCore

/// The warnings about a period a file states in its title or name (``StatedPeriod``): where the
/// rows' period came from when there is no period column, and a title or name that contradicts
/// the period column.
enum StatedPeriodCheck {
    /// `period_from_title` or `period_from_name` for a wide or long file without a period column.
    static func announce(_ layout: FileLayout, file: String, into parsed: inout ParsedFile) {
        guard layout.fields["period"] == nil, let stated = layout.statedPeriod else { return }
        let chinese = ChinesePeriod.text(stated.period)
        switch stated.source {
        case .title(let line):
            parsed.problems.append(Problem(
                file: file, line: line, value: stated.text, code: .periodFromTitle,
                message: "文件没有报告期列，各行的报告期取自标题行：\(chinese)。如不对，请改正标题或加一列“报告期” / "
                    + "no period column: every row is read as \(stated.period), from the title line",
                period: stated.period.key))
        case .name:
            parsed.problems.append(Problem(
                file: file, value: stated.text, code: .periodFromName,
                message: "文件没有报告期列，标题中也没有报告期，各行的报告期取自文件名：\(chinese)。如不对，请改正文件名或加一列“报告期” / "
                    + "no period column nor title period: every row is read as \(stated.period), from the file name",
                period: stated.period.key))
        }
    }

    /// `period_mismatch` for a title or name whose period is none of the period column's.
    static func compare(_ layout: FileLayout, file: String, into parsed: inout ParsedFile) {
        guard layout.fields["period"] != nil, !parsed.periods.isEmpty else { return }
        let column = layout.fields["period"].map { $0 < layout.headers.count ? layout.headers[$0] : "" }
        let found = parsed.periods.sorted().compactMap(Period.init(key:)).map(ChinesePeriod.text)
        for stated in [layout.titlePeriod, layout.namePeriod].compactMap({ $0 })
        where !parsed.periods.contains(stated.period.key) {
            let (line, place): (Int?, String) =
                switch stated.source {
                case .title(let line): (line, "标题")
                case .name: (nil, "文件名")
                }
            parsed.problems.append(Problem(
                file: file, line: line, column: line == nil ? nil : column, value: stated.text, code: .periodMismatch,
                message: "\(place)写的是\(ChinesePeriod.text(stated.period))，但报告期列为\(found.prefix(3).joined(separator: "、"))"
                    + "\(found.count > 3 ? "等" : "")：数据按报告期列入库，请核对\(place)或报告期列 / the \(stated.source == .name ? "file name" : "title") "
                    + "says \(stated.period), the period column does not — rows are read by the column; check which is right"))
        }
    }
}
