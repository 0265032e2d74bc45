import ZonestatCore

/// Everything read from one input file, validated, before it touches the warehouse.
public struct ParsedFile: Sendable {
    /// The file's name in the inbox.
    public var name: String
    public var kind: FileKind?
    public var encoding: String = ""
    public var delimiter: String = ""
    /// The worksheet read, for a workbook whose one table is on it (to quote its cells again:
    /// ``RecordCells``); nil for a CSV file and for a workbook of several tables.
    public var sheet: String?
    /// Data rows read (totals and blank rows excluded).
    public var rows = 0
    public var units: [ExtractedUnit] = []
    public var facts: [ExtractedFact] = []
    public var targets: [ExtractedTarget] = []
    public var priceIndices: [ExtractedPriceIndex] = []
    public var problems: [Problem] = []
    /// The file's own header text of each amount, by `indicator|basis` (to point warnings at it).
    public var columnHeaders: [String: String] = [:]
    /// The 0-based position of each amount's column, by `indicator|basis` (to quote a cell as
    /// written, read again from the file's bytes: ``RecordCells``).
    public var columnIndices: [String: Int] = [:]
    /// The form's footer lines below the last data row (notes, signatures): skipped, counted in
    /// the ledger.
    public var footer: [FooterLine] = []
    /// The periods (`yyyymm`) the file reports.
    public var periods: Set<Int> = []

    public init(name: String) { self.name = name }

    /// How problems found after parsing name the file: with its sheet for a workbook's one
    /// table (`报表.xlsx[规上工业]`), as the problems found while parsing do.
    public var problemFile: String { sheet.map { "\(name)[\($0)]" } ?? name }

    public var errors: [Problem] { problems.filter(\.isError) }
    public var warnings: [Problem] { problems.filter { !$0.isError } }
    public var isRejected: Bool { problems.contains(where: \.isError) }
}

/// A reporting unit (enterprise or project) as a file names it.
public struct ExtractedUnit: Sendable, Hashable {
    /// 统一社会信用代码, normalised.
    public var creditCode: String
    public var name: String
    /// GB/T 4754 code, normalised (`3670`, `36`, `0610`), if given.
    public var industry: String?
    public var area: String?
    /// The latest period (`yyyymm`) the file reports the unit in; its name etc. are from that row.
    public var period: Int
    /// False when the code's check character is wrong (a warning; the row is kept).
    public var checkCharacterOK: Bool
}

/// One value: a unit's indicator for a period on a basis, exactly.
///
/// The amount is stored first so that the fields pack into 24 bytes instead of 32: a file of a
/// million rows holds millions of these.
public struct ExtractedFact: Sendable, Hashable {
    public var amount: Amount
    /// Index into `ParsedFile.units`.
    public var unit: Int32
    /// `yyyymm`.
    public var period: Int32
    public var line: Int32
    /// Index into the pipeline's indicators.
    public var indicator: Int16
    public var basis: Basis

    public init(unit: Int32, period: Int32, indicator: Int16, basis: Basis, amount: Amount, line: Int32) {
        self.amount = amount
        self.unit = unit
        self.period = period
        self.line = line
        self.indicator = indicator
        self.basis = basis
    }
}

/// An annual target as a targets file states it.
public struct ExtractedTarget: Sendable, Hashable {
    public var year: Int
    /// An indicator id, or `new_units`.
    public var indicator: String
    /// A level target (money).
    public var amount: Amount?
    /// A count target (家, 个).
    public var count: Int?
    /// A growth target in percent, as an exact decimal text (`30`, `12.5`).
    public var growth: String?
    /// The unit label as given (亿元, 家).
    public var unit: String?
    public var source: String
    public var line: Int
}

/// A cumulative producer price index (same period last year = 100) for a period and division.
public struct ExtractedPriceIndex: Sendable, Hashable {
    /// `yyyymm`.
    public var period: Int
    /// 2-digit GB/T 4754 division; empty for all industry.
    public var division: String
    /// The index as an exact decimal text (`97.9`).
    public var index: String
    public var line: Int
}
