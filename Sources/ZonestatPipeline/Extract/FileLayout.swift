import ZonestatCore

/// Where a file's header is, what kind it is, and what each column holds.
struct FileLayout: Sendable {
    var kind: FileKind
    /// Index (in the file's records) of the first data record.
    var dataStart: Int
    /// The header rows, flattened: one text per column.
    var headers: [String]
    /// Field name → column index.
    var fields: [String: Int]
    /// Amount columns of a wide file.
    var amounts: [AmountColumn]
    /// The columns up to the last one with a header text: a cell past them belongs to no
    /// column (`cells_beyond_header`).
    var width: Int
    /// The columns within `width` that nothing of the file's kind reads (`ignored_column`).
    var ignored: [IgnoredColumn]
    /// The unit a `单位:千元` line above the header states.
    var fileUnit: MoneyUnit?
    /// The record index of that unit line (for messages).
    var unitLine: Int?
    /// The period a title line above the header states (`报告期：2023年1-5月`).
    var titlePeriod: StatedPeriod?
    /// The period the file's name states (`202305.csv`).
    var namePeriod: StatedPeriod?

    /// The rows' period when the file has no period column: the title's, else the name's.
    var statedPeriod: StatedPeriod? { titlePeriod ?? namePeriod }

    struct AmountColumn: Sendable {
        var index: Int
        var header: String
        var indicator: String
        var basis: Basis
        /// The unit stated in the header's parentheses.
        var unit: MoneyUnit?
    }

    /// The column index of a field the file's kind reads.
    ///
    /// Asking for a field ``FileKind/readFields`` does not list is a programmer error (checked
    /// in debug builds): that list is what says which columns are `ignored_column`, so a reader
    /// and the list cannot drift apart unnoticed.
    func column(_ field: String) -> Int? {
        assert(kind.readFields.contains(field), "a \(kind) reader reads \(field), which FileKind.readFields does not list")
        return fields[field]
    }
}
