import ZonestatCSV

/// Finds the cells of a file's data rows that no reader takes, so that nothing is dropped
/// without a word: a column nothing reads gets `ignored_column` once, on its first non-empty
/// cell; cells past the header's width get `cells_beyond_header` on each line that has them.
///
/// Cells are tested on what the reader already holds (a raw record's bytes, or a record's
/// texts), and a column is watched only until its first non-empty cell, so a file without
/// such cells costs each row one empty test per unread column and one width comparison.
struct UnreadCells: Sendable {
    private let kind: FileKind
    private let width: Int
    /// The ignored columns none of whose cells held anything yet.
    private var watched: [IgnoredColumn]

    init(layout: FileLayout) {
        kind = layout.kind
        width = layout.width
        watched = layout.ignored
    }

    /// Checks one data record, as the wide reader holds it.
    @inline(__always)
    mutating func check(_ record: CSVRawRecord, period: Int?, cells: inout CellReader) {
        guard !watched.isEmpty || record.count > width else { return }
        report(
            line: record.line, count: record.count, period: period, isEmpty: { record.isCellEmpty(at: $0) },
            text: { record.string($0) }, cells: &cells)
    }

    /// Checks one data record, as the long, targets and price index readers hold it.
    mutating func check(_ record: CSVRecord, period: Int?, cells: inout CellReader) {
        guard !watched.isEmpty || record.fields.count > width else { return }
        report(
            line: record.line, count: record.fields.count, period: period, isEmpty: { record.isCellEmpty(at: $0) },
            text: { record.fields[$0] }, cells: &cells)
    }

    private mutating func report(
        line: Int, count: Int, period: Int?, isEmpty: (Int) -> Bool, text: (Int) -> String, cells: inout CellReader
    ) {
        var position = 0
        while position < watched.count {
            let column = watched[position]
            if isEmpty(column.index) {
                position += 1
                continue
            }
            // A column is the file's, not the row's: no period, so every period of the file lists it.
            cells.report(
                .ignoredColumn, line: line, column: column.index, value: text(column.index),
                column.message(kind: kind))
            watched.remove(at: position)
        }
        guard count > width else { return }
        let filled = (width..<count).filter { !isEmpty($0) }
        guard let first = filled.first else { return }
        cells.report(
            .cellsBeyondHeader, line: line, column: first, value: text(first), period: period,
            "此行在表头最后一列之后还有\(filled.count)个非空单元格，未读取：可能某个值右移了（如名称中多了逗号），"
                + "请核对此行，或为这些列补上列名 / \(filled.count) non-empty cell(s) past the header's last column, "
                + "not read — a value may have shifted right (a comma in a name?): check the row, or give the "
                + "column a header")
    }
}
