/// A spreadsheet's column names: what Excel calls the 0-based column `index` (`A`, `Z`, `AA`).
/// Both the workbook reader (cell references in problems) and the workbook writer use it.
public enum SpreadsheetColumn {
    public static func letters(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}
