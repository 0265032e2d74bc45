import ZonestatCSV
import ZonestatCore

/// Turns one file's bytes into a validated `ParsedFile`: encoding, CSV, layout, every cell.
///
/// Pure: no file system and no warehouse, so files can be parsed concurrently.
public struct FileParser: Sendable {
    public let config: PipelineConfig
    let matcher: HeaderMatcher

    /// CSV files of at least this many bytes are read as two halves at once
    /// (``parseSplit(_:name:)``); `Int.max` reads every file in one pass. Splitting costs
    /// some CPU (the halves are joined), so it pays only where a core would otherwise idle:
    /// callers that read several files at once leave it off.
    public var splitBytes: Int

    /// The size from which a file is worth splitting when a core is free.
    public static let splitThreshold = 4 << 20
    /// From this size on, files are parsed one at a time (each split over the cores) rather than
    /// several at once: a nation's monthly file (≈ 57 MB) parses into ≈ 200 MB of facts and units.
    public static let largeFileBytes = 32 << 20

    public init(config: PipelineConfig, splitBytes: Int = .max) {
        self.config = config
        self.matcher = HeaderMatcher(config: config)
        self.splitBytes = splitBytes
    }

    /// How many bytes the CSV parser is handed at a time (``CSVChunk``).
    static let chunkSize = CSVChunk.size

    /// Parses and validates `bytes`, named `name` in every problem: a CSV file, or an Excel
    /// workbook (``parseWorkbook(_:name:)``); a legacy workbook or another binary format is
    /// one problem that says what to drop instead.
    ///
    /// Records are validated as the CSV parser produces them (``RecordRouter``), never held
    /// all at once; a CSV syntax error anywhere still leaves only that error, as a file that
    /// cannot be read has no other problems worth reading.
    public func parse(_ bytes: [UInt8], name: String) -> ParsedFile {
        switch FileSignature(bytes) {
        case .text:
            break
        case .zip:
            return parseWorkbook(bytes, name: name)
        case .ole2:
            return ParsedFile(name: name, problem: Problem(file: name, code: .legacyExcel, message: FileSignature.legacyExcelMessage))
        case .binary(let what):
            return ParsedFile(name: name, problem: Problem(file: name, code: .notATable, message: FileSignature.notATableMessage(what)))
        }
        if bytes.count >= splitBytes, let parsed = parseSplit(bytes, name: name) { return parsed }
        var parsed = ParsedFile(name: name)
        var router: RecordRouter
        do {
            let text = try EncodingDetector.decode(bytes)
            router = RecordRouter(
                config: config, matcher: matcher, file: name, textBytes: text.utf8.count)
            let delimiter = DelimiterSniffer.sniff(text.utf8)
            parsed.encoding = text.encoding.label
            parsed.delimiter = DelimiterName.name(of: delimiter)
            let parser = try CSVParser(delimiter: delimiter)
            try text.utf8.withUnsafeBytes { raw in
                for start in stride(from: 0, to: raw.count, by: FileParser.chunkSize) {
                    let chunk = UnsafeRawBufferPointer(rebasing: raw[start..<min(start + FileParser.chunkSize, raw.count)])
                    try parser.parse(chunk) { router.take($0, into: &parsed) }
                }
            }
            try parser.finish { router.take($0, into: &parsed) }
        } catch let error as TextDecodingError {
            return ParsedFile(name: name, problem: Problem(
                file: name, line: error.line, code: .encoding,
                message: "无法识别文件的文字编码，文件可能已损坏或不是CSV文本：请在Excel或WPS中“另存为”“CSV UTF-8(逗号分隔)”后重新放入收件箱 / \(error)"))
        } catch let error as CSVError {
            return ParsedFile(name: name, problem: Problem(
                file: name, line: error.line, code: .csvSyntax,
                message: "第\(error.line)行的引号不成对或引号后多了文字，无法按CSV读取：请在Excel或WPS中重新另存为CSV后放入收件箱 / \(error)"))
        } catch {
            return ParsedFile(name: name, problem: Problem(
                file: name, code: .csvSyntax, message: "无法按CSV读取此文件：请在Excel或WPS中重新另存为CSV后放入收件箱 / \(error)"))
        }
        router.finish(into: &parsed)
        FileParser.checkShape(bytes, into: &parsed)
        return parsed
    }

    /// The warnings about the file as a whole: a header without data rows, and a last line
    /// without the line end the others have (a copy cut short, a file still being written).
    static func checkShape(_ bytes: [UInt8], into parsed: inout ParsedFile) {
        guard !parsed.isRejected else { return }
        if parsed.rows == 0, parsed.kind != nil {
            parsed.problems.append(Problem(
                file: parsed.name, code: .noRows,
                message: "表头下没有数据行 — the file has a header but no data rows: nothing of it is stored; "
                    + "export the table again with its rows"))
        }
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        if let last = bytes.last, last != newline, last != carriageReturn, bytes.contains(newline) {
            let line = bytes.reduce(1) { $0 + ($1 == newline ? 1 : 0) }
            parsed.problems.append(Problem(
                file: parsed.name, line: line, code: .noFinalLineEnd,
                message: "最后一行没有换行符 — the last line has no line end, unlike the others: the file may have "
                    + "been cut short while it was copied; check that its last row is complete"))
        }
    }
}

/// The ledger's name for a delimiter byte.
enum DelimiterName {
    static func name(of delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: ";"): "semicolon"
        default: String(UnicodeScalar(delimiter))
        }
    }
}
