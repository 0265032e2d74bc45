import ZonestatCSV
import ZonestatCore

/// Writes one row's cells as worksheet XML straight into bytes, each cell exactly as
/// ``WorkbookXML/worksheetPart(_:rows:head:tail:flush:)`` writes the ``WorkbookCell`` it would
/// be (text as an inline string, a number with the style of its decimals), without making the
/// cell: a province's unit sheet has millions of them.
struct WorkbookRowWriter: ~Copyable {
    /// The row's XML so far.
    var xml = ByteWriter(capacity: 4096)
    /// A number's digits, before its style (its decimals) is known.
    private var digits = ByteWriter(capacity: 64)
    /// `r="…"`'s row number.
    private var rowNumber: [UInt8] = []
    private let letters: [[UInt8]]

    init(columns: Int) {
        letters = (0..<columns).map { Array(WorkbookXML.columnName($0).utf8) }
    }

    /// Starts row `number` (1-based), dropping what was written.
    mutating func start(row number: Int) {
        xml.clear()
        rowNumber = Array(String(number).utf8)
    }

    /// A text cell (``WorkbookCell/text(_:)``); nothing for nil (``WorkbookCell/empty``).
    mutating func text(_ column: Int, _ value: String?) {
        guard let value else { return }
        open(column, style: "2")
        xml.append("\" t=\"inlineStr\"><is>")
        let utf8 = value.utf8
        let padded = utf8.first == 0x20 || utf8.last == 0x20 || utf8.contains(0x0A)
        xml.append(padded ? "<t xml:space=\"preserve\">" : "<t>")
        if WorkbookXML.needsEscaping(utf8) { xml.append(WorkbookXML.escape(value)) } else { xml.append(utf8) }
        xml.append("</t></is></c>")
    }

    /// A number cell written by `write` (``WorkbookCell/number(_:decimals:)`` of its text).
    mutating func number(_ column: Int, _ write: (inout ByteWriter) -> Void) {
        digits.clear()
        write(&digits)
        var decimals = 0
        var point = false
        for byte in digits.written {
            if point { decimals += 1 } else if byte == UInt8(ascii: ".") { point = true }
        }
        open(column, style: String(3 + min(decimals, WorkbookXML.maxDecimals)))
        xml.append("\"><v>")
        xml.append(digits.written)
        xml.append("</v></c>")
    }

    private mutating func open(_ column: Int, style: String) {
        xml.append("<c r=\"")
        xml.append(letters[column])
        xml.append(rowNumber)
        xml.append("\" s=\"")
        xml.append(style)
    }
}
