import ZonestatCore

/// Reads the cells of one record, collecting a problem for every cell that is wrong.
///
/// Each check takes the cell's text; the wide reader, which works on bytes, calls the same
/// checks with the text whenever its fast path does not decide a cell, so both report alike.
struct CellReader {
    let file: String
    let headers: [String]
    var problems: [Problem] = []

    init(file: String, headers: [String]) {
        self.file = file
        self.headers = headers
    }

    /// The column's header as the file spells it; a column without one is named by its
    /// position, `第7列`.
    func header(_ column: Int) -> String {
        if column < headers.count, !headers[column].trimmingWhitespace.isEmpty { return headers[column] }
        return "第\(column + 1)列"
    }

    /// Names the enterprise of a row in the problems found on it since `start`: its credit code
    /// (normalised when valid, else as written) and its name, each when the row has it.
    mutating func nameEnterprise(from start: Int, code: String, name: String) {
        let code = code.trimmingWhitespace, name = name.trimmingWhitespace
        let normalised: String? =
            switch CreditCode.check(code) {
            case .valid(let valid), .wrongCheckCharacter(let valid, _): valid
            default: code.isEmpty ? nil : code
            }
        let unitName = name.isEmpty || LayoutDetector.isTotalsLabel(name) ? nil : name
        for index in start..<problems.count {
            if problems[index].creditCode == nil { problems[index].creditCode = normalised }
            if problems[index].unitName == nil { problems[index].unitName = unitName }
        }
    }

    /// A required field as the forms name it (`the name` → 企业名称).
    static func chineseField(_ field: String) -> String {
        switch field {
        case "the name": "名称"
        default: field
        }
    }

    static func cell(_ fields: [String], _ column: Int?) -> String {
        guard let column, column < fields.count else { return "" }
        return fields[column]
    }

    mutating func report(
        _ code: ProblemCode, line: Int, column: Int?, value: String?, period: Int? = nil, _ message: String
    ) {
        problems.append(Problem(
            file: file, line: line, column: column.map(header), value: value, code: code, message: message,
            period: period))
    }

    /// A required text cell (name); nil and an error when empty.
    mutating func required(_ fields: [String], _ column: Int?, field: String, line: Int) -> String? {
        required(text: CellReader.cell(fields, column).trimmingWhitespace, column, field: field, line: line)
    }

    /// A required text cell, already trimmed.
    mutating func required(text: String, _ column: Int?, field: String, line: Int) -> String? {
        if text.isEmpty {
            report(.missingValue, line: line, column: column, value: "", "\(CellReader.chineseField(field))为空：请填写 / \(field) is empty — fill it in")
            return nil
        }
        return text
    }

    /// The period of a cell (`2023年1-4月`, `202304`, an Excel serial …).
    mutating func period(_ fields: [String], _ column: Int?, line: Int) -> Period? {
        period(PeriodCell(CellReader.cell(fields, column)), column, line: line)
    }

    /// A period cell already read: the period, or its problem reported on `line`.
    mutating func period(_ cell: PeriodCell, _ column: Int?, line: Int) -> Period? {
        switch cell {
        case .period(let period):
            return period
        case .empty:
            report(.missingValue, line: line, column: column, value: "", "报告期为空：请填写，如2023-04或2023年1-4月 / the period is empty — write it as 2023-04 or 2023年1-4月")
            return nil
        case .invalid(let problem, let text):
            report(.badPeriod, line: line, column: column, value: text, Bilingual.join(problem.description, problem.hint))
            return nil
        }
    }

    /// A credit code: normalised, with a warning for a wrong check character.
    mutating func creditCode(_ fields: [String], _ column: Int?, line: Int, period: Int? = nil) -> (code: String, ok: Bool)? {
        creditCode(text: CellReader.cell(fields, column), column, line: line, period: period)
    }

    /// A credit code cell's text: normalised, with a warning for a wrong check character.
    mutating func creditCode(text: String, _ column: Int?, line: Int, period: Int? = nil) -> (code: String, ok: Bool)? {
        switch CreditCode.check(text) {
        case .valid(let code):
            return (code, true)
        case .wrongCheckCharacter(let code, let expected):
            report(
                .checkCharacter, line: line, column: column, value: text, period: period,
                "统一社会信用代码的校验位应为\(expected)（GB 32100），此行已保留：请向企业核实代码 / the check character should be \(expected) (GB 32100) — the row is kept; verify the code with the enterprise")
            return (code, false)
        case .mangledByExcel:
            report(
                .creditCodeMangled, line: line, column: column, value: text,
                "统一社会信用代码被Excel变成了数字（如9.14403E+17）：请把该列设为“文本”格式后重新填写代码 / Excel turned this credit code into a number — format the column as text (文本) and re-enter the codes")
            return nil
        case .malformed(let problem):
            if text.trimmingWhitespace.isEmpty {
                report(.missingValue, line: line, column: column, value: "", "统一社会信用代码为空：请填写18位统一社会信用代码 / the credit code is empty — fill in the 18-character 统一社会信用代码")
            } else {
                report(.creditCodeInvalid, line: line, column: column, value: text, Bilingual.join(problem.description, problem.hint))
            }
            return nil
        }
    }

    /// An optional industry code, normalised (`C3670` → `3670`, `610` → `0610`).
    mutating func industry(_ fields: [String], _ column: Int?, line: Int) -> (ok: Bool, code: String?) {
        industry(IndustryCell(CellReader.cell(fields, column)), column, line: line)
    }

    /// An industry cell already read: its code, or its problem reported on `line`.
    mutating func industry(_ cell: IndustryCell, _ column: Int?, line: Int) -> (ok: Bool, code: String?) {
        switch cell {
        case .empty:
            return (true, nil)
        case .code(let code):
            return (true, code)
        case .invalid(let text):
            report(
                .badIndustry, line: line, column: column, value: text,
                "不是国民经济行业分类（GB/T 4754-2017）代码：请填写行业小类或大类代码，如C3670、3670或36 / not a GB/T 4754-2017 industry code — write a class or division such as C3670, 3670 or 36")
            return (false, nil)
        }
    }

    /// An amount cell converted exactly to the warehouse's unit; `.notReported` for null markers.
    mutating func amount(
        _ fields: [String], _ column: Int, unit: MoneyUnit, line: Int, period: Int?
    ) -> CellAmount {
        let text = CellReader.cell(fields, column)
        return amount(NumberParser.parse(text), text: text, column, unit: unit, line: line, period: period)
    }

    /// An amount cell already parsed; `text` (the cell) is only read to report a problem.
    mutating func amount(
        _ number: ParsedNumber, text: @autoclosure () -> String, _ column: Int, unit: MoneyUnit, line: Int,
        period: Int?
    ) -> CellAmount {
        switch number {
        case .notReported:
            return .notReported
        case .number(let decimal):
            guard let amount = convert(decimal, unit: unit, text: text(), column, line: line, period: period) else {
                return .invalid
            }
            return .amount(amount)
        case .percent:
            report(
                .percentNotAllowed, line: line, column: column, value: text(), period: period,
                "此列应填金额，不能填百分比：请填金额本身，增速由zonestat计算 / a percentage where an amount is expected — put the amount here; growth rates are computed by zonestat")
            return .invalid
        case .invalid(let problem):
            let code: ProblemCode =
                switch problem {
                case .scientificNotation: .scientificNotation
                case .percentNotAllowed: .percentNotAllowed
                default: .badNumber
                }
            report(code, line: line, column: column, value: text(), period: period, Bilingual.join(problem.description, problem.hint))
            return .invalid
        }
    }

    /// A number stated in `unit` as an exact amount, or nil with its problem reported: digits
    /// below 1/10,000 元 are `too_precise`, an amount past what the warehouse holds is
    /// `bad_number` (out of range). Amount cells and level targets both convert through here.
    mutating func convert(
        _ decimal: ExactDecimal, unit: MoneyUnit, text: @autoclosure () -> String, _ column: Int?, line: Int,
        period: Int?
    ) -> Amount? {
        switch decimal.amount(in: unit) {
        case .success(let amount):
            return amount
        case .failure(let error):
            let code: ProblemCode =
                switch error {
                case .tooPrecise: .tooPrecise
                case .outOfRange: .badNumber
                }
            report(code, line: line, column: column, value: text(), period: period, "\(error)")
            return nil
        }
    }

    enum CellAmount {
        case amount(Amount)
        case notReported
        case invalid
    }
}
