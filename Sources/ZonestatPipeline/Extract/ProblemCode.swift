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
    case ignoredSheet = "ignored_sheet"

    /// Whether the problem rejects the file.
    public var isError: Bool {
        switch self {
        case .checkCharacter, .defaultUnit, .ytdMismatch, .monthJump, .subsetExceedsTotal, .totalsMismatch,
            .ignoredColumn, .cellsBeyondHeader, .ignoredSheet:
            false
        default:
            true
        }
    }

    /// `error` or `warning`.
    public var severity: String { isError ? "error" : "warning" }
}
