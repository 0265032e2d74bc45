import ZonestatCSV

/// The `<file>.errors.csv` written beside a quarantined file: every problem found in it.
enum ErrorsReport {
    static let header = ["file", "line", "column", "value", "code", "severity", "message"]

    static func csv(_ problems: [Problem]) -> [UInt8] {
        var writer = CSVWriter()
        writer.append(header)
        for problem in problems {
            writer.append([
                problem.file, problem.line.map(String.init) ?? "", problem.column ?? "", problem.value ?? "",
                problem.code.rawValue, problem.code.severity, problem.message,
            ])
        }
        return writer.bytes
    }
}
