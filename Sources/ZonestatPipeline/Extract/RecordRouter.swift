import ZonestatCSV
import ZonestatCore

/// Hands a file's records, as the parser produces them, to the reader of the file's kind.
///
/// The kind and the columns are decided on the first ``LayoutDetector/headCount`` records
/// (title and unit lines, a header of up to three rows), which are kept until then; later
/// records go straight to the reader and are dropped, so a file is never held as records.
/// Targets and price index files, a few dozen rows, are read whole at the end.
struct RecordRouter {
    private let config: PipelineConfig
    private let matcher: HeaderMatcher
    private let file: String
    private let detector: LayoutDetector
    /// The first records, until the layout is decided.
    private var head: [CSVRecord] = []
    private var deciding = true
    private var wide: WideFileReader?
    private var long: LongFileReader?
    /// A targets or price index file's layout, and all its records.
    private var whole: FileLayout?
    /// The head held no header and only blank records: the first record that is not blank,
    /// which the unknown-layout message quotes.
    private var lookingForText = false
    private var firstText: CSVRecord?

    init(config: PipelineConfig, matcher: HeaderMatcher, file: String) {
        self.config = config
        self.matcher = matcher
        self.file = file
        detector = LayoutDetector(matcher: matcher)
    }

    /// Takes the next record.
    mutating func take(_ record: CSVRawRecord, into parsed: inout ParsedFile) {
        if wide != nil {
            wide?.read(record, into: &parsed)
        } else if long != nil {
            long?.read(record.record, into: &parsed)
        } else if deciding || whole != nil {
            head.append(record.record)
            if deciding, head.count == detector.headCount { decide(into: &parsed) }
        } else if lookingForText, firstText == nil, !record.isBlank {
            firstText = record.record
        }
    }

    /// Ends the file: decides a layout still undecided, and has the reader hand over.
    mutating func finish(into parsed: inout ParsedFile) {
        if deciding { decide(into: &parsed) }
        if lookingForText, case .failure(let problems) = detector.detect(head + [firstText].compactMap { $0 }, file: file) {
            parsed.problems += problems.items
        }
        wide?.finish(into: &parsed)
        long?.finish(into: &parsed)
        guard let whole else { return }
        switch whole.kind {
        case .targets:
            TargetFileReader(config: config, layout: whole, file: file, matcher: matcher).read(head, into: &parsed)
        case .priceIndex:
            PriceIndexFileReader(layout: whole, file: file).read(head, into: &parsed)
        case .wide, .long:
            break
        }
    }

    private mutating func decide(into parsed: inout ParsedFile) {
        deciding = false
        let layout: FileLayout
        switch detector.detect(head, file: file) {
        case .success(let found):
            layout = found
        case .failure(let problems):
            // Only a head of blank records can fail otherwise with more of the file: decided at
            // the end, on the head and the first record that is not blank.
            if head.allSatisfy(\.isBlank) {
                lookingForText = true
            } else {
                parsed.problems += problems.items
                head = []
            }
            return
        }
        parsed.kind = layout.kind
        let rows = head[layout.dataStart...]
        switch layout.kind {
        case .wide:
            let headerLine = layout.dataStart > 0 ? head[layout.dataStart - 1].line : 1
            var reader = WideFileReader(config: config, layout: layout, file: file, headerLine: headerLine, into: &parsed)
            for record in rows { record.withRawRecord { reader.read($0, into: &parsed) } }
            wide = reader
            head = []
        case .long:
            var reader = LongFileReader(config: config, layout: layout, file: file, matcher: matcher, into: &parsed)
            for record in rows { reader.read(record, into: &parsed) }
            long = reader
            head = []
        case .targets, .priceIndex:
            whole = layout
        }
    }
}
