import ZonestatCore
/// One worksheet of a workbook, as rows of cell texts (what Excel shows in each cell).
public struct Worksheet: Sendable, Equatable {
    /// The sheet's name on its tab.
    public var name: String
    /// The rows that hold at least one cell, in order.
    public var rows: [WorksheetRow]
    /// Formula cells saved without their value: nothing to read (`formula_without_value`).
    public var formulasWithoutValue: [CellAddress]

    public init(name: String, rows: [WorksheetRow] = [], formulasWithoutValue: [CellAddress] = []) {
        self.name = name
        self.rows = rows
        self.formulasWithoutValue = formulasWithoutValue
    }

    /// Whether no cell of the sheet has text.
    public var isBlank: Bool {
        rows.allSatisfy { $0.cells.allSatisfy(\.isEmpty) } && formulasWithoutValue.isEmpty
    }
}

/// One row of a worksheet.
public struct WorksheetRow: Sendable, Equatable {
    /// The row's number in the sheet (1-based, as Excel shows it).
    public var number: Int
    /// Each cell's text from column A on, empty for an empty cell.
    public var cells: [String]
    /// The 0-based columns whose cells hold a plain number (not a date, not text): a credit
    /// code among them was typed without the text format.
    public var numericColumns: [Int]

    public init(number: Int, cells: [String], numericColumns: [Int] = []) {
        self.number = number
        self.cells = cells
        self.numericColumns = numericColumns
    }
}

/// A cell's place: its row number and its 0-based column.
public struct CellAddress: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The column's letters as Excel shows them (`A`, `Z`, `AA`).
    public var columnLetters: String { CellAddress.letters(column) }

    /// Excel's name of the cell (`B7`).
    public var name: String { columnLetters + String(row) }

    /// The letters of 0-based column `column`.
    public static func letters(_ column: Int) -> String { SpreadsheetColumn.letters(column) }
}
