/// A line of the form's footer, below the last data row: notes (`注：1.本表…`), their numbered
/// continuations (`2.…`, `（2）…`) and the signature line (`单位负责人：王五  填表人：张三  报出日期：…`).
/// Skipped, counted in the ledger and listed with `-v` (inputs.md, "Footers").
public struct FooterLine: Sendable, Hashable {
    /// 1-based physical line.
    public var line: Int
    /// The line's filled cells, trimmed and joined by two spaces.
    public var text: String

    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}
