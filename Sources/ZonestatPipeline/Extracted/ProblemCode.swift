/// Every kind of problem extract reports, with its severity (inputs.md, "Problems and what they get").
///
/// Errors reject the whole file; warnings keep the row and are listed in the run's report.
public enum ProblemCode: String, Sendable, Hashable, CaseIterable, Codable {
    // Errors: the file as a whole.
    case encoding = "encoding"
    case csvSyntax = "csv_syntax"
    case legacyExcel = "legacy_excel"
    case notATable = "not_a_table"
    case damagedWorkbook = "damaged_workbook"
    case emptyFile = "empty_file"
    case unknownLayout = "unknown_layout"
    case missingColumn = "missing_column"
    case duplicateColumn = "duplicate_column"
    /// The file could not be read (permissions, a read error): the system's reason.
    case unreadableFile = "unreadable_file"
    /// The file's name is not UTF-8.
    case badFileName = "bad_file_name"
    // Errors: one cell or row.
    case missingValue = "missing_value"
    case formulaWithoutValue = "formula_without_value"
    case badPeriod = "bad_period"
    case badNumber = "bad_number"
    case scientificNotation = "scientific_notation"
    case percentNotAllowed = "percent_not_allowed"
    case tooPrecise = "too_precise"
    case creditCodeMangled = "credit_code_mangled"
    case creditCodeInvalid = "credit_code_invalid"
    case badIndustry = "bad_industry"
    case unknownIndicator = "unknown_indicator"
    case unknownBasis = "unknown_basis"
    case unknownUnit = "unknown_unit"
    case badYear = "bad_year"
    case duplicateKey = "duplicate_key"
    case noTarget = "no_target"
    case footerBetweenRows = "footer_between_rows"
    // Errors: against the warehouse.
    case revisionConflict = "revision_conflict"
    // Warnings.
    case checkCharacter = "check_character"
    case defaultUnit = "default_unit"
    case ytdMismatch = "ytd_mismatch"
    case monthJump = "month_jump"
    case subsetExceedsTotal = "subset_exceeds_total"
    case totalsMismatch = "totals_mismatch"
    case ignoredColumn = "ignored_column"
    case cellsBeyondHeader = "cells_beyond_header"
    /// The file is dated later than the clock.
    case futureDated = "future_dated"
    /// The file has a header but no data rows.
    case noRows = "no_rows"
    /// The last line lacks the line end the other lines have: the file may be cut short.
    case noFinalLineEnd = "no_final_line_end"
    /// A negative level target, or a growth target of −100 % or less.
    case implausibleTarget = "implausible_target"
    case periodFromTitle = "period_from_title"
    case periodFromName = "period_from_name"
    case periodMismatch = "period_mismatch"
    case missingIndustry = "missing_industry"
    case ignoredSheet = "ignored_sheet"

    /// Whether the problem rejects the file.
    public var isError: Bool {
        switch self {
        case .checkCharacter, .defaultUnit, .ytdMismatch, .monthJump, .subsetExceedsTotal, .totalsMismatch,
            .ignoredColumn, .cellsBeyondHeader, .periodFromTitle, .periodFromName, .periodMismatch, .missingIndustry,
            .futureDated, .noRows, .noFinalLineEnd, .implausibleTarget,
            .ignoredSheet:
            false
        default:
            true
        }
    }

    /// `error` or `warning`.
    public var severity: String { isError ? "error" : "warning" }

    /// 错误 or 警告: the `级别` column of errors.csv and warnings.csv.
    public var chineseSeverity: String { isError ? "错误" : "警告" }
}
