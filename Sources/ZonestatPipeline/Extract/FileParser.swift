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

    /// Parses and validates `bytes`, named `name` in every problem.
    public func parse(_ bytes: [UInt8], name: String) -> ParsedFile {
        var parsed = ParsedFile(name: name)
        let document: CSVDocument
        do {
            document = try CSVDocument.read(bytes: bytes)
        } catch let error as TextDecodingError {
            parsed.problems.append(Problem(
                file: name, line: error.line, code: .encoding,
                message: "\(error)"))
            return parsed
        } catch let error as CSVError {
            parsed.problems.append(Problem(
                file: name, line: error.line, code: .csvSyntax,
                message: "\(error)"))
            return parsed
        } catch {
            parsed.problems.append(Problem(file: name, code: .csvSyntax, message: "\(error)"))
            return parsed
        }
        parsed.encoding = document.encoding.label
        parsed.delimiter = DelimiterName.name(of: document.delimiter)
        let layout: FileLayout
        switch LayoutDetector(matcher: matcher).detect(document.records, file: name) {
        case .success(let found):
            layout = found
        case .failure(let problems):
            parsed.problems += problems.items
            return parsed
        }
        parsed.kind = layout.kind
        switch layout.kind {
        case .wide:
            WideFileReader(config: config, layout: layout, file: name).read(document.records, into: &parsed)
        case .long:
            LongFileReader(config: config, layout: layout, file: name, matcher: matcher)
                .read(document.records, into: &parsed)
        case .targets:
            TargetFileReader(config: config, layout: layout, file: name, matcher: matcher)
                .read(document.records, into: &parsed)
        case .priceIndex:
            PriceIndexFileReader(layout: layout, file: name).read(document.records, into: &parsed)
        }
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
