/// Text of cells read as bytes.
enum CellText {
    /// `String(decoding: cell, as: UTF8.self).trimmingWhitespace`, without walking the
    /// characters when the first and last are not spaces, as in almost every cell.
    static func trimmed(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: cell, as: UTF8.self)
        return startsWithSpace(cell) || endsWithSpace(cell) ? text.trimmingWhitespace : text
    }

    /// Whether the first character is one `trimmingWhitespace` removes: space, tab, CR, LF,
    /// U+00A0 (C2 A0) or U+3000 (E3 80 80). In well-formed UTF-8, C2 and E3 only lead.
    private static func startsWithSpace(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first else { return false }
        switch first {
        case 0x20, 0x09, 0x0D, 0x0A: return true
        case 0xC2: return cell.count >= 2 && cell[1] == 0xA0
        case 0xE3: return cell.count >= 3 && cell[1] == 0x80 && cell[2] == 0x80
        default: return false
        }
    }

    /// Whether the last character is one `trimmingWhitespace` removes.
    private static func endsWithSpace(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = cell.count
        guard let last = cell.last else { return false }
        switch last {
        case 0x20, 0x09, 0x0D, 0x0A: return true
        case 0xA0: return count >= 2 && cell[count - 2] == 0xC2
        case 0x80: return count >= 3 && cell[count - 3] == 0xE3 && cell[count - 2] == 0x80
        default: return false
        }
    }
}
