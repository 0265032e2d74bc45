import ZonestatCSV
import ZonestatXLSX

/// A few cells of a file, read again from its bytes exactly as written: for the rare problem
/// found after parsing (a revision conflict found against the warehouse) that must quote the
/// cell as the analyst typed it, where the parsed file keeps only the converted amount.
enum RecordCells {
    /// A cell by its record's first physical line (1-based) and its column (0-based).
    struct Address: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    /// The text of each of `addresses` found in `bytes` (decoded and split as ``FileParser``
    /// does); an address past the file or its record is absent. For a workbook, the cells are
    /// those of worksheet `sheet` (the line is the row number), as ``FileParser`` shows them.
    static func text(of addresses: Set<Address>, in bytes: [UInt8], sheet: String? = nil) -> [Address: String] {
        guard !addresses.isEmpty else { return [:] }
        if Workbook.isZip(bytes) {
            guard let sheet, let found = (try? Workbook(bytes: bytes))?.sheets.first(where: { $0.name == sheet }) else {
                return [:]
            }
            var cells: [Address: String] = [:]
            for row in found.rows {
                for address in addresses where address.line == row.number && address.column < row.cells.count {
                    cells[address] = row.cells[address.column]
                }
            }
            return cells
        }
        let lines = Set(addresses.map(\.line))
        var found: [Address: String] = [:]
        do {
            let text = try EncodingDetector.decode(bytes)
            let parser = try CSVParser(delimiter: DelimiterSniffer.sniff(text.utf8))
            let take = { (record: CSVRawRecord) in
                guard lines.contains(record.line) else { return }
                for address in addresses where address.line == record.line && address.column < record.count {
                    found[address] = record.string(address.column)
                }
            }
            try text.utf8.withUnsafeBytes { raw in
                for start in stride(from: 0, to: raw.count, by: CSVChunk.size) {
                    let chunk = UnsafeRawBufferPointer(rebasing: raw[start..<min(start + CSVChunk.size, raw.count)])
                    try parser.parse(chunk, rows: take)
                }
            }
            try parser.finish(rows: take)
        } catch {
            // The file parsed once already; should a second reading fail, the caller quotes
            // the converted value instead.
        }
        return found
    }
}
