/// Columns aligned for a terminal, Chinese characters counted two columns wide.
enum TextTable {
    /// `heads` and `rows` in columns two spaces apart; the columns in `rightAligned` (numbers)
    /// are aligned right.
    static func render(heads: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var widths = heads.map(width)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], width(cell)) }
        }
        var text = ""
        for row in [heads] + rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - width(cell)))
                if index > 0 { line += "  " }
                line += rightAligned.contains(index) ? padding + cell : cell + padding
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }

    /// The columns a terminal gives `text`: two for East Asian wide and full-width characters.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                total + 2
            default:
                total + 1
            }
        }
    }
}
