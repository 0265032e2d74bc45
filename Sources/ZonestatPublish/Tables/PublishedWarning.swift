import ZonestatCore

/// One line of `warnings.csv`: a problem extract found in an input file or a consistency
/// warning the compute core raised, in one shape, so an analyst reads them in one list.
public struct PublishedWarning: Sendable, Hashable {
    /// Which stage raised it.
    public enum Source: String, Sendable, Hashable, CaseIterable, Codable {
        /// Reading an input file (a cell, a row, a whole file).
        case extract
        /// Computing the figures (statistics.md §8 checks, target conflicts).
        case compute
    }

    public var source: Source
    /// The input file, for extract problems.
    public var file: String?
    /// 1-based line in `file`.
    public var line: Int?
    /// The column header as the file spells it.
    public var column: String?
    /// The offending text, as found.
    public var value: String?
    /// The 统一社会信用代码 of the enterprise of the warning's line, when it has one.
    public var creditCode: String?
    /// The name of that enterprise, when the line gives it.
    public var unitName: String?
    /// A stable code: `ytd_mismatch`, `check_character`, `subset_exceeds_total`, …
    public var code: String
    public var period: Period?
    /// The indicator id, when the warning concerns one.
    public var indicator: String?
    /// The scope it concerns: `zone`, an industry, a credit code.
    public var scope: String?
    /// What is wrong and what to do, for the analyst.
    public var message: String

    public init(
        source: Source, file: String? = nil, line: Int? = nil, column: String? = nil, value: String? = nil,
        code: String, period: Period? = nil, indicator: String? = nil, scope: String? = nil, message: String,
        creditCode: String? = nil, unitName: String? = nil
    ) {
        self.source = source
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.code = code
        self.period = period
        self.indicator = indicator
        self.scope = scope
        self.message = message
        self.creditCode = creditCode
        self.unitName = unitName
    }

    /// A compute core warning as a published one.
    public init(_ warning: ComputeWarning) {
        self.init(
            source: .compute, code: warning.code, period: warning.period, indicator: warning.indicator,
            scope: warning.scope, message: warning.message)
    }

    /// The order `warnings.csv` lists warnings in: extract before compute, then by file,
    /// line, column, code, period, indicator, scope, message and value, so that the file does
    /// not depend on the order warnings were raised in.
    static func listedBefore(_ lhs: PublishedWarning, _ rhs: PublishedWarning) -> Bool {
        // Field by field, making no key unless two warnings tie on every field before it: a
        // sort of a province's warnings compares them millions of times.
        if lhs.source != rhs.source { return lhs.source == .extract }
        if let order = order(lhs.file ?? "", rhs.file ?? "") { return order }
        if lhs.line != rhs.line { return lineBefore(lhs.line, rhs.line) }
        if let order = order(lhs.column ?? "", rhs.column ?? "") { return order }
        if let order = order(lhs.code, rhs.code) { return order }
        if lhs.period != rhs.period, let order = order(lhs.period?.description ?? "", rhs.period?.description ?? "") {
            return order
        }
        if let order = order(lhs.indicator ?? "", rhs.indicator ?? "") { return order }
        if let order = order(lhs.scope ?? "", rhs.scope ?? "") { return order }
        if let order = order(lhs.message, rhs.message) { return order }
        if let order = order(lhs.value ?? "", rhs.value ?? "") { return order }
        if let order = order(lhs.creditCode ?? "", rhs.creditCode ?? "") { return order }
        return order(lhs.unitName ?? "", rhs.unitName ?? "") ?? false
    }

    /// Whether `lhs` sorts before `rhs`; nil when they are equal.
    private static func order(_ lhs: String, _ rhs: String) -> Bool? {
        lhs == rhs ? nil : lhs < rhs
    }

    /// Lines (different ones) in the order of their keys: no line first, then the numbers
    /// zero-padded to 12 digits as text, which is numeric order for 0…999,999,999,999.
    private static func lineBefore(_ lhs: Int?, _ rhs: Int?) -> Bool {
        let padded = 0...999_999_999_999
        if let lhs, let rhs, padded.contains(lhs), padded.contains(rhs) { return lhs < rhs }
        return lineKey(lhs) < lineKey(rhs)
    }

    private static func lineKey(_ line: Int?) -> String {
        line.map { String(repeating: "0", count: max(0, 12 - String($0).count)) + String($0) } ?? ""
    }
}
