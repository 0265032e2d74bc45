/// A column of a file's header that no field or indicator of the file's kind uses: reported
/// once (`ignored_column`) if any of its cells holds something, so that nothing is dropped
/// without a word.
struct IgnoredColumn: Sendable, Hashable {
    /// Why nothing reads the column.
    enum Reason: Sendable, Hashable {
        /// The header names no field or indicator (备注, 序号, a misspelt indicator …).
        case unmatched
        /// A growth rate or share, which zonestat computes itself.
        case derived
        /// The header cell is empty.
        case noHeader
        /// A field the file's kind does not read (a 单位 column in a wide file).
        case fieldNotRead(String)
        /// An indicator column (工业总产值本月) in a kind that takes amounts from a value column.
        case amountNotRead
    }

    /// The column's index in the record.
    var index: Int
    var reason: Reason

    /// What the analyst reads: that the column is not read, and what to do, Chinese first.
    func message(kind: FileKind) -> String {
        switch reason {
        case .unmatched:
            "此列未读取：列名不是任何字段或指标的名称或别名。如需读取，请改用规定的列名或在流水线文件中添加别名；"
                + "备注、序号等列可保留 / this column is not read: its header names no field or indicator — rename it "
                + "or add an alias to the pipeline file if it should be read; a column such as 备注 or 序号 may stay"
        case .derived:
            "此列未读取：增速、比重等由zonestat根据金额自行计算，无需填报 / this column is not read: growth rates and "
                + "shares are computed by zonestat from the amounts — compare them with the published figures, or "
                + "delete the column"
        case .noHeader:
            "此列没有列名，未读取。如需读取，请补上列名；否则请删除这些单元格 / this column has no header and is not "
                + "read — give it a header if it should be read, or delete its cells"
        case .fieldNotRead("unit") where kind == .wide:
            "\(kind.chineseName)不读取“单位”列：请在列名中注明单位，如“工业总产值本月(万元)”，或在表头上方加一行“单位:万元” / "
                + "a wide file does not read a unit column — state the unit in the column's header, e.g. "
                + "工业总产值本月(万元), or in a line 单位:万元 above the header"
        case .fieldNotRead(let field):
            "\(kind.chineseName)不读取此列（\(field)），请删除此列或改用读取该字段的表式 / a \(kind.rawValue) file "
                + "does not read a \(field) column — delete it, or use the kind of file that reads it (inputs.md)"
        case .amountNotRead:
            kind == .targets
                ? "\(kind.chineseName)不读取指标列，目标请填在“目标值”列 / a targets file does not read indicator "
                    + "columns — put each target in the 目标值 column, one row per indicator"
                : "\(kind.chineseName)不读取指标列，金额请填在“数值”列、每行一个 / a \(kind.rawValue) file does not "
                    + "read indicator columns — put each value in the 数值 column, one row per value"
        }
    }
}
