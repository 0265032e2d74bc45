import Dispatch
import Foundation
import ZonestatCSV
import ZonestatCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileParser {
    /// A large wide CSV file read as two halves at once, on two cores, split at a record
    /// boundary near its middle: the first half as ``parse(_:name:)`` reads a file, the second
    /// by a reader of the layout the file's head decides, its findings then taken over by the
    /// first (``RecordRouter/absorb(_:parsed:into:)``), so that the result is the one pass's.
    ///
    /// Nil wherever the halves could not give exactly that — a text that does not decode, no
    /// boundary, a head that is no wide file's or reaches past the boundary, a CSV error in
    /// either half, halves the readers cannot join — and the caller then reads the file in
    /// one pass.
    func parseSplit(_ bytes: [UInt8], name: String) -> ParsedFile? {
        guard let text = try? EncodingDetector.decode(bytes) else { return nil }
        let utf8 = text.utf8
        let delimiter = DelimiterSniffer.sniff(utf8)
        guard let boundary = FileParser.recordBoundary(in: utf8, near: utf8.count / 2) else { return nil }
        guard let (layout, rowBytes) = utf8.withUnsafeBytes({ headLayout(UnsafeRawBufferPointer(rebasing: $0[..<boundary]), delimiter: delimiter, name: name) })
        else { return nil }
        let halves = Halves()
        utf8.withUnsafeBytes { raw in
            halves.before = UnsafeRawBufferPointer(rebasing: raw[..<boundary])
            halves.after = UnsafeRawBufferPointer(rebasing: raw[boundary...])
            // The second half on a thread of its own (a nested concurrentPerform, inside the
            // files read in parallel, would run it on this one), the first on this one.
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                var parsed = ParsedFile(name: name)
                let router = secondHalf(
                    halves.after, layout: layout, line: 1 + FileParser.newlines(in: halves.before),
                    offset: boundary, rowBytes: rowBytes, delimiter: delimiter, name: name, into: &parsed)
                halves.second = router.map { ($0, parsed) }
                done.signal()
            }
            thread.start()
            var parsed = ParsedFile(name: name)
            parsed.encoding = text.encoding.label
            parsed.delimiter = DelimiterName.name(of: delimiter)
            // Sized for the whole file: the second half's facts and units are appended.
            var router = RecordRouter(config: config, matcher: matcher, file: name, textBytes: utf8.count)
            let read = FileParser.read(halves.before, delimiter: delimiter, line: 1, offset: 0) {
                router.take($0, into: &parsed)
            }
            halves.first = read ? (router, parsed) : nil
            done.wait()
        }
        guard var (firstRouter, first) = halves.first, let (secondRouter, second) = halves.second else { return nil }
        halves.first = nil  // so that the first half's arrays are changed in place below
        halves.second = nil
        guard firstRouter.readsWide, firstRouter.absorb(secondRouter, parsed: second, into: &first) else { return nil }
        firstRouter.finish(into: &first)
        FileParser.checkShape(bytes, into: &first)
        return first
    }

    /// What the two halves read, each half changing only its own: shared by the two threads
    /// of ``parseSplit(_:name:)``, which reads it only once both are done (the semaphore
    /// orders the second half's writes before the read).
    private final class Halves: @unchecked Sendable {
        var before = UnsafeRawBufferPointer(start: nil, count: 0)
        var after = UnsafeRawBufferPointer(start: nil, count: 0)
        /// The first half's router and findings; nil on a CSV error.
        var first: (RecordRouter, ParsedFile)?
        /// The second half's; nil when it could not be read on its own.
        var second: (RecordRouter, ParsedFile)?
    }

    /// The layout the head of `before` (the text up to the boundary) decides, and about how
    /// many bytes a line takes there; nil when the head is no wide file's or is not all before the boundary.
    private func headLayout(_ before: UnsafeRawBufferPointer, delimiter: UInt8, name: String) -> (FileLayout, Int)? {
        let detector = LayoutDetector(matcher: matcher)
        var head: [CSVRecord] = []
        guard let parser = try? CSVParser(delimiter: delimiter) else { return nil }
        // The head, a few kilobytes at a time until it is complete.
        var start = 0
        let step = 16 * 1024
        while head.count < detector.headCount, start < before.count {
            let chunk = UnsafeRawBufferPointer(rebasing: before[start..<min(start + step, before.count)])
            guard (try? parser.parse(chunk, rows: { if head.count < detector.headCount { head.append($0.record) } }))
                != nil
            else { return nil }
            start += step
        }
        guard head.count == detector.headCount, let last = head.last, case .success(let layout) = detector.detect(head, file: name),
            layout.kind == .wide
        else { return nil }
        return (layout, max(1, last.byteOffset / max(1, last.line - 1)))
    }

    /// Reads the records of `after`, which starts at a record boundary at physical `line` and
    /// byte `offset`, by a router continuing `layout`; nil on a CSV error.
    private func secondHalf(
        _ after: UnsafeRawBufferPointer, layout: FileLayout, line: Int, offset: Int, rowBytes: Int,
        delimiter: UInt8, name: String, into parsed: inout ParsedFile
    ) -> RecordRouter? {
        var router = RecordRouter(
            config: config, matcher: matcher, file: name, continuing: layout,
            expectedRows: after.count / max(1, rowBytes) * 5 / 4, into: &parsed)
        guard FileParser.read(after, delimiter: delimiter, line: line, offset: offset, { router.take($0, into: &parsed) })
        else { return nil }
        return router
    }

    /// Parses `text`, which starts at a record boundary at physical `line` and byte `offset`
    /// of the file, handing every record to `take`; false on a CSV error.
    private static func read(
        _ text: UnsafeRawBufferPointer, delimiter: UInt8, line: Int, offset: Int, _ take: (CSVRawRecord) -> Void
    ) -> Bool {
        do {
            let parser = try CSVParser(delimiter: delimiter)
            parser.start(atLine: line, offset: offset)
            for start in stride(from: 0, to: text.count, by: FileParser.chunkSize) {
                try parser.parse(UnsafeRawBufferPointer(rebasing: text[start..<min(start + FileParser.chunkSize, text.count)]), rows: take)
            }
            try parser.finish(rows: take)
            return true
        } catch {
            return false
        }
    }

    /// The offset just after the first `\n` from `target` on that is outside quotes, if any
    /// before the end: a record boundary. In text that parses (strict: quotes only enclose
    /// whole cells, doubled inside them), a byte is inside quotes exactly when an odd number
    /// of quotes precede it.
    static func recordBoundary(in text: [UInt8], near target: Int) -> Int? {
        text.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, target < raw.count else { return nil }
            let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
            var quotes = 0
            var cursor = base
            let end = base + target
            while cursor < end, let found = memchr(cursor, Int32(quote), end - cursor) {
                quotes += 1
                cursor = UnsafeRawPointer(found) + 1
            }
            var index = target
            while index < raw.count {
                let byte = raw[index]
                if byte == quote {
                    quotes += 1
                } else if byte == newline, quotes % 2 == 0 {
                    return index + 1 < raw.count ? index + 1 : nil
                }
                index += 1
            }
            return nil
        }
    }

    /// The `\n` bytes in `text`.
    private static func newlines(in text: UnsafeRawBufferPointer) -> Int {
        guard var cursor = text.baseAddress else { return 0 }
        let end = cursor + text.count
        var count = 0
        while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
            count += 1
            cursor = UnsafeRawPointer(found) + 1
        }
        return count
    }
}
