import ZonestatCSV

/// The `<file>.errors.csv` written beside a quarantined file: every problem found in it, in
/// Chinese for the analyst (outputs.md): the cell as written, the enterprise of its line, and
/// the stable English code for tools.
enum ErrorsReport {
    static let header = ["文件", "行", "列", "原值", "统一社会信用代码", "企业名称", "代码", "级别", "说明"]

    static func csv(_ problems: [Problem]) -> [UInt8] {
        var writer = CSVWriter()
        writer.append(header)
        for problem in problems {
            writer.append([
                problem.file, problem.line.map(String.init) ?? "", problem.column ?? "", problem.value ?? "",
                problem.creditCode ?? "", problem.unitName ?? "", problem.code.rawValue, problem.code.chineseSeverity,
                problem.message,
            ])
        }
        return writer.bytes
    }
}
