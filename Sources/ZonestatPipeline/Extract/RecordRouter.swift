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
    /// The credit code column of a wide or long file (a line with a valid code is never a footer).
    private var codeColumn: Int?
    /// Footer-like records after the last data row so far: the footer, unless data follows them.
    private var pendingFooter: [CSVRecord] = []
    /// Whether `pendingFooter` holds an opening line (`注`, `填表人` …), below which numbered lines
    /// continue the footer.
    private var footerOpened = false
    /// The layout of a wide or long file, once decided.
    private var layout: FileLayout?
    /// The bytes of the file's text, to size what the reader collects once instead of growing
    /// it row by row; 0 when unknown.
    private let textBytes: Int

    init(config: PipelineConfig, matcher: HeaderMatcher, file: String, textBytes: Int = 0) {
        self.config = config
        self.matcher = matcher
        self.file = file
        self.textBytes = textBytes
        detector = LayoutDetector(matcher: matcher)
    }

    /// A router for a wide file's records from a record boundary after its head on, whose
    /// layout the file's head decided (``FileParser/parseSplit(_:name:)``): every record goes to a wide reader that
    /// does not repeat the header's warnings. ``absorb(_:parsed:into:)`` hands its findings to
    /// the router of the records before.
    init(
        config: PipelineConfig, matcher: HeaderMatcher, file: String, continuing layout: FileLayout,
        expectedRows: Int, into parsed: inout ParsedFile
    ) {
        self.init(config: config, matcher: matcher, file: file)
        deciding = false
        self.layout = layout
        codeColumn = layout.fields["credit_code"]
        wide = WideFileReader(
            config: config, layout: layout, file: file, headerLine: 1, expectedRows: expectedRows,
            announcesHeader: false, into: &parsed)
    }

    /// Takes over what `other` (``init(config:matcher:file:continuing:expectedRows:into:)``)
    /// found in the records after this router's, `otherParsed` holding its rows, facts and
    /// problems, as if this router had been handed those records too. False, changing
    /// nothing, when this is no wide file's router, when it holds back footer-like lines at
    /// the boundary (data after them makes them an error), or when the readers cannot be
    /// joined (``WideFileReader/absorb(_:facts:into:)``).
    mutating func absorb(_ other: RecordRouter, parsed otherParsed: ParsedFile, into parsed: inout ParsedFile) -> Bool {
        guard var reader = wide, let otherReader = other.wide, pendingFooter.isEmpty else { return false }
        wide = nil  // the reader's arrays are then changed in place, not copied
        let joined = reader.absorb(otherReader, facts: otherParsed.facts, into: &parsed)
        wide = reader
        guard joined else { return false }
        parsed.problems += otherParsed.problems
        parsed.rows += otherParsed.rows
        parsed.periods.formUnion(otherParsed.periods)
        pendingFooter = other.pendingFooter
        footerOpened = other.footerOpened
        return true
    }

    /// Whether the records so far were a wide file's, its layout decided.
    var readsWide: Bool { wide != nil }

    /// Takes the next record.
    mutating func take(_ record: CSVRawRecord, into parsed: inout ParsedFile) {
        if wide != nil || long != nil {
            readData(record, into: &parsed)
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
        parsed.footer += pendingFooter.map(FooterLine.init)
        pendingFooter = []
        if lookingForText, case .failure(let problems) = detector.detect(head + [firstText].compactMap { $0 }, file: file) {
            parsed.problems += problems.items
        }
        wide?.finish(into: &parsed)
        long?.finish(into: &parsed)
        if let layout { StatedPeriodCheck.compare(layout, file: file, into: &parsed) }
        guard let whole else { return }
        takeFooter(ofWhole: whole, into: &parsed)
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
        codeColumn = layout.fields["credit_code"]
        if layout.kind == .wide || layout.kind == .long {
            self.layout = layout
            StatedPeriodCheck.announce(layout, file: file, into: &parsed)
        }
        let rows = head[layout.dataStart...]
        switch layout.kind {
        case .wide:
            let headerLine = layout.dataStart > 0 ? head[layout.dataStart - 1].line : 1
            wide = WideFileReader(
                config: config, layout: layout, file: file, headerLine: headerLine,
                expectedRows: expectedRows(after: layout.dataStart), into: &parsed)
            for record in rows { record.withRawRecord { readData($0, into: &parsed) } }
            head = []
        case .long:
            long = LongFileReader(config: config, layout: layout, file: file, matcher: matcher, into: &parsed)
            for record in rows { record.withRawRecord { readData($0, into: &parsed) } }
            head = []
        case .targets, .priceIndex:
            whole = layout
        }
    }

    /// About how many data rows the file holds, from the bytes its first data rows take (a
    /// quarter more, as later rows may be shorter); 0 when the head has too few of them.
    private func expectedRows(after dataStart: Int) -> Int {
        let rows = head[dataStart...]
        guard rows.count >= 2, let first = rows.first, let last = rows.last, last.byteOffset > first.byteOffset else {
            return 0
        }
        let perRow = Double(last.byteOffset - first.byteOffset) / Double(rows.count - 1)
        let estimate = Double(textBytes - first.byteOffset) / perRow * 1.25
        return Int(min(max(estimate, 0), Double(textBytes / 16)))
    }

    /// Hands a record after the header to the reader, holding back footer-like lines until it is
    /// known whether data follows them: a footer-like line between data rows is an error.
    private mutating func readData(_ record: CSVRawRecord, into parsed: inout ParsedFile) {
        guard let first = FooterLine.firstFilled(record) else { return }
        let kind = FooterLine.kind(of: record[first])
        let footerLike =
            switch kind {
            case .opening: true
            case .numbered: footerOpened
            case .other: false
            }
        if footerLike, !holdsACode(record) {
            pendingFooter.append(record.record)
            if kind == .opening { footerOpened = true }
            return
        }
        if !pendingFooter.isEmpty {
            parsed.problems += pendingFooter.map(misplacedFooter)
            pendingFooter = []
            footerOpened = false
        }
        if wide != nil {
            wide?.read(record, into: &parsed)
        } else {
            long?.read(record.record, into: &parsed)
        }
    }

    /// Whether the record's credit code cell holds something other than footer text — a code,
    /// valid or mangled: a data row, whatever its first cell says (`注塑件厂`), so that a row is
    /// never skipped as a footer when it may be an enterprise's.
    private func holdsACode(_ record: CSVRawRecord) -> Bool {
        guard let codeColumn, !record.isCellEmpty(at: codeColumn) else { return false }
        return FooterLine.kind(of: record[codeColumn]) == .other
    }

    private func misplacedFooter(_ record: CSVRecord) -> Problem {
        let line = FooterLine(record)
        return Problem(
            file: file, line: line.line, value: String(line.text.prefix(200)), code: .footerBetweenRows,
            message: "这一行像表尾的注释或签名（注、说明、填表人、联系电话等），却夹在数据行之间：请把它移到最后一行数据之下，"
                + "或删除 / a footer line (notes, signatures) between data rows: move it below the last data row or delete it")
    }

    /// A targets or price index file, read whole: the footer-like lines after its last data row
    /// are its footer, taken off the records its reader gets.
    private mutating func takeFooter(ofWhole layout: FileLayout, into parsed: inout ParsedFile) {
        func kind(_ record: CSVRecord) -> FooterLine.Kind? {
            record.fields.first { !$0.trimmingWhitespace.isEmpty }.map(FooterLine.kind(of:))
        }
        // The trailing block of blank, opening and numbered lines; the footer starts at its first
        // opening line (numbered lines continue a note, they do not open one).
        var blockStart = head.count
        while blockStart > layout.dataStart, kind(head[blockStart - 1]) != .other { blockStart -= 1 }
        guard let start = head[blockStart...].firstIndex(where: { kind($0) == .opening }) else { return }
        guard start < head.count else { return }
        parsed.footer += head[start...].filter { !$0.isBlank }.map(FooterLine.init)
        head.removeSubrange(start...)
    }
}
