import ZonestatCSV
import ZonestatCore

/// Turns one file's bytes into a validated `ParsedFile`: encoding, CSV, layout, every cell.
///
/// Pure: no file system and no warehouse, so files can be parsed concurrently.
public struct FileParser: Sendable {
    public let config: PipelineConfig
    let matcher: HeaderMatcher

    public init(config: PipelineConfig) {
        self.config = config
        self.matcher = HeaderMatcher(config: config)
    }

    /// How many bytes the CSV parser is handed at a time.
    static let chunkSize = 64 * 1024

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
        var parsed = ParsedFile(name: name)
        var router = RecordRouter(config: config, matcher: matcher, file: name)
        do {
            let text = try EncodingDetector.decode(bytes)
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
            return ParsedFile(name: name, problem: Problem(file: name, line: error.line, code: .encoding, message: "\(error)"))
        } catch let error as CSVError {
            return ParsedFile(name: name, problem: Problem(file: name, line: error.line, code: .csvSyntax, message: "\(error)"))
        } catch {
            return ParsedFile(name: name, problem: Problem(file: name, code: .csvSyntax, message: "\(error)"))
        }
        router.finish(into: &parsed)
        return parsed
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
