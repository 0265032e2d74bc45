/// One sheet of an .xlsx workbook: rows of typed cells, the first `frozenRows` held in view.
///
/// The rows are asked for one at a time while the sheet is written, so that a province's unit
/// sheet is never held as cells all at once.
struct WorkbookSheet: Sendable {
    /// The tab's name (at most 31 characters, none of `: \ / ? * [ ]`).
    var name: String
    /// Header rows frozen at the top.
    var frozenRows: Int
    var rowCount: Int
    /// The widest row's cells.
    var columnCount: Int
    /// The most rows a sheet can have and Excel still open it.
    static let maxRows = 1_048_576

    /// The cells of row `index` (0-based).
    let row: @Sendable (Int) -> [WorkbookCell]
    /// Writes the cells of row `index` (not the first) as ``row`` would give them, straight
    /// into XML, when the sheet can (its unit rows): nil to make each row's cells.
    var writeRow: (@Sendable (Int, inout WorkbookRowWriter) -> Void)?

    /// A sheet of rows already made.
    init(name: String, rows: [[WorkbookCell]], frozenRows: Int) {
        self.init(
            name: name, frozenRows: frozenRows, rowCount: rows.count, columnCount: rows.reduce(0) { max($0, $1.count) }
        ) { rows[$0] }
    }

    /// A sheet whose rows are made as they are written.
    init(name: String, frozenRows: Int, rowCount: Int, columnCount: Int, row: @escaping @Sendable (Int) -> [WorkbookCell]) {
        self.name = name
        self.frozenRows = frozenRows
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.row = row
    }
}

/// A cell of a ``WorkbookSheet``.
enum WorkbookCell: Sendable, Hashable {
    /// Text, kept as written: a code such as `06` or an 18-character credit code stays text.
    case text(String)
    /// A header cell (bold).
    case header(String)
    /// A decimal number as text (`-?digits[.digits]`), shown with `decimals` decimals.
    case number(String, decimals: Int)
    /// A number the report prints with its sign (`+36.3`), shown so.
    case signedNumber(String, decimals: Int)
    case empty

    /// A number cell from published text, shown with as many decimals as the text has; text
    /// that is not a plain decimal stays text.
    static func published(_ text: String) -> WorkbookCell {
        guard let decimals = decimalPlaces(text) else { return .text(text) }
        if text.hasPrefix("+") { return .signedNumber(String(text.dropFirst()), decimals: decimals) }
        return .number(text, decimals: decimals)
    }

    /// The decimals of `[+-]digits[.digits]`, or nil for any other text.
    static func decimalPlaces(_ text: String) -> Int? {
        var whole = 0, decimals = 0, point = false, first = true
        for byte in text.utf8 {
            defer { first = false }
            switch byte {
            case 0x2B where first, 0x2D where first: continue
            case 0x2E:
                if point { return nil }
                point = true
            case 0x30...0x39:
                if point { decimals += 1 } else { whole += 1 }
            default:
                return nil
            }
        }
        guard whole > 0, !point || decimals > 0 else { return nil }
        return decimals
    }

    /// The cell of a published table: numbers as numbers at their printed decimals, the rest text.
    init(_ cell: TableCell) {
        switch cell {
        case .text(let text): self = .text(text)
        case .number(let text): self = WorkbookCell.decimalPlaces(text).map { .number(text, decimals: $0) } ?? .text(text)
        case .empty: self = .empty
        }
    }
}
