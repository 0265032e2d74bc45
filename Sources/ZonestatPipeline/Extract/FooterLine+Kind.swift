import ZonestatCSV

/// Telling a footer line from a data row, as a file is read (inputs.md, "Footers").
extension FooterLine {
    /// The words a footer line starts with (its first filled cell), longest first so that
    /// `单位负责人` is not taken for something shorter.
    static let openingWords = [
        "单位负责人", "统计负责人", "报出日期", "联系电话", "填报人", "填表人", "审核人", "负责人", "制表", "说明", "备注",
        "电话", "日期", "注",
    ]

    /// ``openingWords`` in UTF-8, for the byte path of ``kind(of:)-(UnsafeBufferPointer<UInt8>)``.
    static let openingBytes = openingWords.map { Array($0.utf8) }

    /// What a record after the header is, as far as footers go.
    enum Kind: Equatable {
        /// Starts with one of ``openingWords``.
        case opening
        /// A numbered line (`2.…`, `2、…`, `（2）…`, `(2)…`): a footer only below an opening line.
        case numbered
        /// Anything else.
        case other
    }

    /// The kind of a record's first filled cell, decided on its bytes: a data row's first cell is
    /// usually ASCII (a period, a code) and is decided on its first byte.
    static func kind(of cell: UnsafeBufferPointer<UInt8>) -> Kind {
        guard let first = cell.first else { return .other }
        if (0x30...0x39).contains(first) {
            // `2023-04`, `202304`, `45046`: more than two digits, or a digit then `-` or `/`.
            let digits = cell.prefix(3).prefix { (0x30...0x39).contains($0) }.count
            if digits > 2 || digits == cell.count { return .other }
            let mark = cell[digits]
            if mark < 0x80, mark != UInt8(ascii: ".") { return .other }
        } else if first < 0x80, first != UInt8(ascii: "("), first != 0x20, first != 0x09 {
            return .other
        } else if first >= 0x80 {
            // A name or a label: decided on the bytes unless it may start with a space or a
            // full-width bracket (U+3000 E3 80 80, U+00A0 C2 A0, （ EF BC 88), which the text path reads.
            if openingBytes.contains(where: { cell.starts(with: $0) }) { return .opening }
            if first != 0xE3, first != 0xC2, first != 0xEF { return .other }
        }
        return kind(of: String(decoding: cell, as: UTF8.self))
    }

    /// The kind of a first filled cell's text.
    static func kind(of cell: String) -> Kind {
        let text = cell.trimmingWhitespace
        if openingWords.contains(where: { text.hasPrefix($0) }) { return .opening }
        return isNumbered(text) ? .numbered : .other
    }

    /// `2.…`, `2．…`, `2、…`, `（2）…`, `(2)…`: one or two digits, then a mark, then text that is
    /// not a digit (so `2023.04` and `2.5` are not numbered lines).
    static func isNumbered(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        var bracketed = false
        if let open = scalars.first, open == "（" || open == "(" {
            bracketed = true
            scalars = scalars.dropFirst()
        }
        let digits = scalars.prefix { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
        guard (1...2).contains(digits.count) else { return false }
        scalars = scalars.dropFirst(digits.count)
        guard let mark = scalars.first else { return false }
        if bracketed {
            guard mark == "）" || mark == ")" else { return false }
        } else {
            guard mark == "." || mark == "．" || mark == "、" else { return false }
        }
        guard let next = scalars.dropFirst().first else { return false }
        return !("0"..."9").contains(next)
    }

    /// The index of a record's first cell that is not blank.
    static func firstFilled(_ record: CSVRawRecord) -> Int? {
        (0..<record.count).first { !record.isCellEmpty(at: $0) }
    }

    /// The record as a footer line.
    init(_ record: CSVRecord) {
        self.init(
            line: record.line,
            text: record.fields.map(\.trimmingWhitespace).filter { !$0.isEmpty }.joined(separator: "  "))
    }
}
