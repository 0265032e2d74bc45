/// The workbook's parts zipped into the .xlsx container, byte for byte the same for the same
/// sheets: fixed entry order, every entry dated 1980-01-01 00:00, permissions 0644, deflated
/// at zlib's fastest level as the sheets are written (``ZipWriter``), a long sheet in parts on
/// every core.
enum WorkbookZip {
    /// Rows of a long sheet deflated as one part (``ZipWriter/add(_:parts:_:)``): fixed, so
    /// that the bytes do not depend on the cores.
    static let rowsPerPart = 16_384

    /// The workbook of `sheets`, in memory.
    static func xlsx(_ sheets: [WorkbookSheet], file: String) throws(PublishError) -> [UInt8] {
        let output = MemoryOutput()
        try xlsx(sheets, file: file, into: output)
        return output.take()
    }

    /// Writes the workbook of `sheets` into `output`.
    static func xlsx(_ sheets: [WorkbookSheet], file: String, into output: any FileOutput) throws(PublishError) {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", WorkbookXML.contentTypes(sheets: sheets.count)),
            ("_rels/.rels", WorkbookXML.rootRelationships),
            ("xl/workbook.xml", WorkbookXML.workbook(names: sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", WorkbookXML.workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", WorkbookXML.styles),
        ]
        var zip = ZipWriter(into: output)
        do throws(ZipWriter.Failure) {
            for (path, text) in parts {
                try zip.add(path) { sink throws(ZipWriter.Failure) in try sink.append(text) }
            }
            for (index, sheet) in sheets.enumerated() {
                let path = "xl/worksheets/sheet\(index + 1).xml"
                let parts = (sheet.rowCount + rowsPerPart - 1) / rowsPerPart
                guard parts > 1 else {
                    try zip.add(path) { sink throws(ZipWriter.Failure) in
                        try WorkbookXML.worksheet(sheet) { piece throws(ZipWriter.Failure) in try sink.append(piece) }
                    }
                    continue
                }
                // A long sheet (the units') in parts of fixed rows, deflated on every core.
                try zip.add(path, parts: parts) { part, sink throws(ZipWriter.Failure) in
                    let start = part * rowsPerPart
                    try WorkbookXML.worksheetPart(
                        sheet, rows: start..<min(start + rowsPerPart, sheet.rowCount), head: part == 0, tail: part == parts - 1
                    ) { piece throws(ZipWriter.Failure) in try sink.append(piece) }
                }
            }
            try zip.finish(file: file)
        } catch {
            switch error {
            case .zlib(let path, let code): throw .workbook(file: file, reason: "zlib failed on \(path) (code \(code))")
            case .tooLarge(let path): throw .workbook(file: file, reason: "\(path) passes the 4 GiB a zip entry can hold")
            case .output(let error): throw .output(file: file, error)
            }
        }
    }
}
