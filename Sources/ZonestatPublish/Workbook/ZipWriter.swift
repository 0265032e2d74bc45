import CZonestatZlib
import Dispatch
import Synchronization

/// A ZIP archive written entry by entry into a ``FileOutput`` (memory, or the staged file),
/// each entry's bytes deflated as they are produced (a nation's unit sheet is never held
/// uncompressed, nor whole compressed): what an .xlsx container needs and no more. Same
/// entries, same bytes: every entry is dated 1980-01-01 00:00, has permissions 0644 and is
/// deflated at zlib's fastest level.
///
/// Entries and the archive stay below 4 GiB (no ZIP64): a larger one is an error.
struct ZipWriter {
    /// Where the local headers and compressed data go.
    private let output: any FileOutput
    private var directory: [UInt8] = []
    private var entries = 0
    /// Whether the output is the writer's own memory (``init()``), handed over by ``finish(file:)``.
    private var ownsOutput = false

    /// zlib's level: the fastest, a fifth larger than the default level and three times quicker.
    static let level: Int32 = 1
    /// MS-DOS date of 1980-01-01 (year 0 from 1980, month 1, day 1) at 00:00.
    static let dosDate: UInt16 = (1 << 5) | 1
    static let dosTime: UInt16 = 0
    /// Parts of a long entry deflated at once (one a core), then written in order before the
    /// next: what memory holds of it is their compressed bytes.
    static let partsAtOnce = 8

    /// Why an entry could not be written.
    enum Failure: Error, Equatable {
        case zlib(path: String, code: Int32)
        case tooLarge(path: String)
        case output(PublicationError)
    }

    init(into output: any FileOutput) {
        self.output = output
    }

    /// An archive written into memory (``finish(file:)`` returns it).
    init() {
        self.init(into: MemoryOutput())
        ownsOutput = true
    }

    /// Adds the entry `path`, whose bytes `produce` hands to the sink piece by piece.
    mutating func add(_ path: String, _ produce: (DeflateSink) throws(Failure) -> Void) throws(Failure) {
        let sink = try DeflateSink(path: path)
        try produce(sink)
        let data = try sink.finish(last: true)
        let name = Array(path.utf8)
        let offset = output.count
        guard let compressedSize = UInt32(exactly: data.count), let size = UInt32(exactly: sink.size) else {
            throw .tooLarge(path: path)
        }
        try write(localHeader(name: name, crc: sink.crc, compressed: compressedSize, size: size))
        try write(data)
        try record(path, name: name, crc: sink.crc, compressed: compressedSize, size: size, at: offset)
    }

    /// Adds the entry `path` made of `parts` pieces, `produce(part, sink)` writing each: the
    /// parts are deflated ``partsAtOnce`` at a time, one a core, each ending on a byte boundary
    /// (a sync flush) and the last ending the stream, and their CRCs combined: one valid
    /// deflate stream, the same bytes whatever the number of cores (pigz's way). The local
    /// header, known at the end, is written where its room was kept.
    mutating func add(
        _ path: String, parts: Int, _ produce: @Sendable (Int, DeflateSink) throws(Failure) -> Void
    ) throws(Failure) {
        let name = Array(path.utf8)
        let offset = output.count
        let header: Int
        do { header = try output.reserve(30 + name.count) } catch { throw .output(error) }
        var crc: UInt32 = 0
        var size = 0
        var compressed = 0
        for first in stride(from: 0, to: parts, by: ZipWriter.partsAtOnce) {
            let batch = first..<min(first + ZipWriter.partsAtOnce, parts)
            let results = Mutex<[Result<(crc: UInt32, size: Int, bytes: [UInt8]), Failure>?]>(
                Array(repeating: nil, count: batch.count))
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let part = batch.lowerBound + index
                let result = Result { () throws(Failure) -> (crc: UInt32, size: Int, bytes: [UInt8]) in
                    let sink = try DeflateSink(path: path)
                    try produce(part, sink)
                    let bytes = try sink.finish(last: part == parts - 1)
                    return (sink.crc, sink.size, bytes)
                }
                results.withLock { $0[index] = result }
            }
            for result in results.withLock({ $0 }) {
                guard let result else { throw .zlib(path: path, code: Z_STREAM_ERROR) }
                let part = try result.get()
                crc = UInt32(truncatingIfNeeded: crc32_combine(uLong(crc), uLong(part.crc), off_t(part.size)))
                size += part.size
                compressed += part.bytes.count
                try write(part.bytes)
            }
        }
        guard let compressedSize = UInt32(exactly: compressed), let size = UInt32(exactly: size) else {
            throw .tooLarge(path: path)
        }
        do {
            try output.patch(localHeader(name: name, crc: crc, compressed: compressedSize, size: size), at: header)
        } catch {
            throw .output(error)
        }
        try record(path, name: name, crc: crc, compressed: compressedSize, size: size, at: offset)
    }

    /// An entry's local header.
    private func localHeader(name: [UInt8], crc: UInt32, compressed: UInt32, size: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        append32(0x0403_4B50, to: &bytes)
        appendCommon(name: name, crc: crc, compressed: compressed, size: size, to: &bytes)
        append16(0, to: &bytes)  // extra field length
        return bytes + name
    }

    /// Checks that the entry starting at `offset`, just written, ends below 4 GiB, and adds
    /// its directory record.
    private mutating func record(
        _ path: String, name: [UInt8], crc: UInt32, compressed: UInt32, size: UInt32, at offset: Int
    ) throws(Failure) {
        guard let offset = UInt32(exactly: offset), UInt32(exactly: output.count) != nil else { throw .tooLarge(path: path) }
        append32(0x0201_4B50, to: &directory)
        append16(0x031E, to: &directory)  // made by: Unix, ZIP 3.0 (permissions in the external attributes)
        appendCommon(name: name, crc: crc, compressed: compressed, size: size, to: &directory)
        append16(0, to: &directory)  // extra field length
        append16(0, to: &directory)  // comment length
        append16(0, to: &directory)  // disk number
        append16(0, to: &directory)  // internal attributes
        append32(UInt32(0o100644) << 16, to: &directory)  // a regular file, rw-r--r--
        append32(offset, to: &directory)
        directory += name
        entries += 1
    }

    private func write(_ bytes: [UInt8]) throws(Failure) {
        do { try output.write(bytes) } catch { throw .output(error) }
    }

    /// Ends the archive: the entries' directory and its end record. Returns the archive when
    /// the writer holds it (``init()``; handed over: the writer is empty afterwards), else nothing.
    @discardableResult
    mutating func finish(file: String) throws(Failure) -> [UInt8] {
        guard let start = UInt32(exactly: output.count), let length = UInt32(exactly: directory.count),
            UInt32(exactly: output.count + directory.count + 22) != nil, let count = UInt16(exactly: entries)
        else { throw .tooLarge(path: file) }
        var end = directory
        directory = []
        append32(0x0605_4B50, to: &end)
        append16(0, to: &end)  // this disk
        append16(0, to: &end)  // the directory's disk
        append16(count, to: &end)
        append16(count, to: &end)
        append32(length, to: &end)
        append32(start, to: &end)
        append16(0, to: &end)  // comment length
        try write(end)
        return ownsOutput ? (output as? MemoryOutput)?.take() ?? [] : []
    }

    /// What a local header and a directory record share, from "version needed" to the name's length.
    private func appendCommon(name: [UInt8], crc: UInt32, compressed: UInt32, size: UInt32, to bytes: inout [UInt8]) {
        append16(20, to: &bytes)  // version needed: 2.0 (deflate)
        append16(0x0800, to: &bytes)  // flags: names are UTF-8
        append16(8, to: &bytes)  // deflate
        append16(ZipWriter.dosTime, to: &bytes)
        append16(ZipWriter.dosDate, to: &bytes)
        append32(crc, to: &bytes)
        append32(compressed, to: &bytes)
        append32(size, to: &bytes)
        append16(UInt16(truncatingIfNeeded: name.count), to: &bytes)
    }

    private func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

/// An entry's bytes on their way into the archive: deflated (raw, no zlib header) as they come,
/// their CRC-32 and length counted. A class: zlib's stream must stay at one address.
final class DeflateSink {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8] = []
    private let path: String
    private(set) var crc: UInt32 = 0
    private(set) var size = 0

    init(path: String) throws(ZipWriter.Failure) {
        self.path = path
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = deflateInit2_(
            stream, ZipWriter.level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else {
            stream.deallocate()
            throw .zlib(path: path, code: code)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Deflates `piece` (any size) into the entry.
    func append(_ piece: [UInt8]) throws(ZipWriter.Failure) {
        guard !piece.isEmpty else { return }
        size += piece.count
        crc = piece.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(uLong(crc), buffer.baseAddress, uInt(buffer.count)))
        }
        try deflate(piece, flush: Z_NO_FLUSH)
    }

    /// Deflates `text`'s UTF-8.
    func append(_ text: String) throws(ZipWriter.Failure) {
        try append(Array(text.utf8))
    }

    /// The compressed bytes: the stream ended when `last`, else flushed to a byte boundary
    /// (a sync flush) so that another part's stream can follow it.
    func finish(last: Bool) throws(ZipWriter.Failure) -> [UInt8] {
        try deflate([], flush: last ? Z_FINISH : Z_SYNC_FLUSH)
        return output
    }

    /// zlib's loop (zpipe.c): deflate while it fills the room given; all input is then taken,
    /// and when finishing the stream has ended.
    private func deflate(_ input: [UInt8], flush: Int32) throws(ZipWriter.Failure) {
        var input = input
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var code: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.pointee.next_in = inputBuffer.baseAddress
            stream.pointee.avail_in = uInt(inputBuffer.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { room -> Int in
                    stream.pointee.next_out = room.baseAddress
                    stream.pointee.avail_out = uInt(room.count)
                    code = CZonestatZlib.deflate(stream, flush)
                    return room.count - Int(stream.pointee.avail_out)
                }
                output += chunk[0..<produced]
            } while stream.pointee.avail_out == 0 && code != Z_STREAM_ERROR
            stream.pointee.next_in = nil
        }
        let done = flush == Z_FINISH ? code == Z_STREAM_END : code != Z_STREAM_ERROR && stream.pointee.avail_in == 0
        guard done else { throw .zlib(path: path, code: code) }
    }
}
