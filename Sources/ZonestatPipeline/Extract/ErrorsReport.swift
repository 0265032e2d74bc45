import ZonestatCSV

/// The `<file>.errors.csv` written beside a quarantined file: every problem found in it, in
/// Chinese for the analyst (outputs.md): the cell as written, the enterprise of its line, and
/// the stable English code for tools.
enum ErrorsReport {
    static let header = ["文件", "行", "列", "原值", "统一社会信用代码", "企业名称", "代码", "级别", "说明"]

    static func csv(_ problems: [Problem]) -> [UInt8] {
        var writer = CSVWriter()
        writer.append(header)
        // In the file's order (whole-file problems first), as the analyst walks the sheet: a
        // reader's problems and the router's (footer_between_rows) are found in different passes.
        let ordered = problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
        for problem in ordered.map(\.element) {
            writer.append([
                problem.file, problem.line.map(String.init) ?? "", problem.column ?? "", problem.value ?? "",
                problem.creditCode ?? "", problem.unitName ?? "", problem.code.rawValue, problem.code.chineseSeverity,
                problem.message,
            ])
        }
        return writer.bytes
    }
}
