/// Turns a header of one to three rows, exported from Excel with merged cells left empty,
/// into one label per column.
public enum HeaderFlattener {
    /// One label per column of the header `rows` (top row first).
    ///
    /// The rule, applied to cells trimmed of surrounding whitespace, with short rows padded
    /// with empty cells to the widest row:
    ///
    /// 1. A column whose cells are empty in every row is an unused (usually trailing) column:
    ///    its label is empty, and it separates the columns on either side of it.
    /// 2. Rows are filled top to bottom. Each row is cut into *groups* of adjacent columns: the
    ///    top row's parent is a single group spanning the whole header; in a row below, a new
    ///    group starts at every column where a group of the row above starts, where the cell
    ///    has text, and where an empty cell stays empty.
    /// 3. An empty cell takes the text the cell to its left ends up with, provided that text
    ///    is not empty and the two columns are in the same group of the row above. Otherwise it
    ///    stays empty. So an empty cell never takes text across a place where a row above
    ///    starts a new cell, or from under a different merged cell of the row above.
    /// 4. A column's label is its filled texts joined top to bottom, without separator.
    ///
    /// With the rows `企业名称, 统一社会信用代码, 工业总产值, , , `;
    /// `, , 本年, , 上年同期, `; `, , 本月, 1-本月, 本月, 1-本月` the labels are `企业名称`,
    /// `统一社会信用代码`, `工业总产值本年本月`, `工业总产值本年1-本月`, `工业总产值上年同期本月` and
    /// `工业总产值上年同期1-本月`: the empty cells under the identity columns stay empty, since
    /// each identity column is its own group of the top row. A one-row header comes back
    /// trimmed, with nothing filled.
    public static func flatten(_ rows: [[String]]) -> [String] {
        let width = rows.map(\.count).max() ?? 0
        let cells = rows.map { row in
            (0..<width).map { $0 < row.count ? trimmed(row[$0]) : "" }
        }
        let used = (0..<width).map { column in cells.contains { !$0[column].isEmpty } }
        // startsGroup[c]: column c starts a group of the row above (rule 2).
        var startsGroup = (0..<width).map { $0 == 0 || !used[$0] || !used[$0 - 1] }
        var labels = [String](repeating: "", count: width)
        for row in cells {
            var filled = [String](repeating: "", count: width)
            var rowStartsGroup = startsGroup
            for column in 0..<width where used[column] {
                if !row[column].isEmpty {
                    filled[column] = row[column]
                    rowStartsGroup[column] = true
                } else if !startsGroup[column], !filled[column - 1].isEmpty {
                    filled[column] = filled[column - 1]
                } else {
                    rowStartsGroup[column] = true
                }
                labels[column] += filled[column]
            }
            startsGroup = rowStartsGroup
        }
        return labels
    }

    private static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}
