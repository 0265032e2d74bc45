import CZonestatZlib
import Dispatch
import Synchronization

/// A ZIP archive written in memory, entry by entry, each entry's bytes deflated as they are
/// produced (a province's unit sheet is never held uncompressed): what an .xlsx container needs
/// and no more. Same entries, same bytes: every entry is dated 1980-01-01 00:00, has
/// permissions 0644 and is deflated at zlib's fastest level.
///
/// Entries and the archive stay below 4 GiB (no ZIP64): a larger one is an error.
struct ZipWriter {
    /// What the archive holds so far: local headers and compressed data.
    private(set) var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var entries = 0

    /// zlib's level: the fastest, a fifth larger than the default level and three times quicker.
    static let level: Int32 = 1
    /// MS-DOS date of 1980-01-01 (year 0 from 1980, month 1, day 1) at 00:00.
    static let dosDate: UInt16 = (1 << 5) | 1
    static let dosTime: UInt16 = 0

    /// Why an entry could not be written.
    enum Failure: Error, Equatable {
        case zlib(path: String, code: Int32)
        case tooLarge(path: String)
    }

    /// Adds the entry `path`, whose bytes `produce` hands to the sink piece by piece.
    mutating func add(_ path: String, _ produce: (DeflateSink) throws(Failure) -> Void) throws(Failure) {
        let sink = try DeflateSink(path: path)
        try produce(sink)
        try append(path, crc: sink.crc, size: sink.size, pieces: [try sink.finish(last: true)])
    }

    /// Adds the entry `path` made of `parts` pieces, `produce(part, sink)` writing each: the
    /// parts are deflated at the same time, one a core, each ending on a byte boundary (a sync
    /// flush) and the last ending the stream, and their CRCs combined: one valid deflate stream,
    /// the same bytes whatever the number of cores (pigz's way).
    mutating func add(
        _ path: String, parts: Int, _ produce: @Sendable (Int, DeflateSink) throws(Failure) -> Void
    ) throws(Failure) {
        let results = Mutex<[Result<(crc: UInt32, size: Int, bytes: [UInt8]), Failure>?]>(Array(repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let result = Result { () throws(Failure) -> (crc: UInt32, size: Int, bytes: [UInt8]) in
                let sink = try DeflateSink(path: path)
                try produce(part, sink)
                let bytes = try sink.finish(last: part == parts - 1)
                return (sink.crc, sink.size, bytes)
            }
            results.withLock { $0[part] = result }
        }
        var crc: UInt32 = 0
        var size = 0
        var pieces: [[UInt8]] = []
        for result in results.withLock({ $0 }) {
            guard let result else { throw .zlib(path: path, code: Z_STREAM_ERROR) }
            let part = try result.get()
            crc = UInt32(truncatingIfNeeded: crc32_combine(uLong(crc), uLong(part.crc), off_t(part.size)))
            size += part.size
            pieces.append(part.bytes)
        }
        try append(path, crc: crc, size: size, pieces: pieces)
    }

    /// Writes an entry's local header and its data (the compressed `pieces` in order, copied
    /// once: a nation period's unit sheet is hundreds of megabytes), and its directory record.
    private mutating func append(_ path: String, crc: UInt32, size: Int, pieces: [[UInt8]]) throws(Failure) {
        let length = pieces.reduce(0) { $0 + $1.count }
        guard let offset = UInt32(exactly: bytes.count), let compressedSize = UInt32(exactly: length),
            let size = UInt32(exactly: size), UInt32(exactly: bytes.count + length + 30 + path.utf8.count) != nil
        else { throw .tooLarge(path: path) }
        let name = Array(path.utf8)
        // Local file header.
        append32(0x0403_4B50, to: &bytes)
        appendCommon(name: name, crc: crc, compressed: compressedSize, size: size, to: &bytes)
        append16(0, to: &bytes)  // extra field length
        bytes += name
        for piece in pieces { bytes += piece }
        // Its central directory record.
        append32(0x0201_4B50, to: &directory)
        append16(0x031E, to: &directory)  // made by: Unix, ZIP 3.0 (permissions in the external attributes)
        appendCommon(name: name, crc: crc, compressed: compressedSize, size: size, to: &directory)
        append16(0, to: &directory)  // extra field length
        append16(0, to: &directory)  // comment length
        append16(0, to: &directory)  // disk number
        append16(0, to: &directory)  // internal attributes
        append32(UInt32(0o100644) << 16, to: &directory)  // a regular file, rw-r--r--
        append32(offset, to: &directory)
        directory += name
        entries += 1
    }

    /// The archive: the entries, their directory and its end record (the entries' bytes are
    /// handed over, not copied: the writer is empty afterwards).
    mutating func finish(file: String) throws(Failure) -> [UInt8] {
        guard let start = UInt32(exactly: bytes.count), let length = UInt32(exactly: directory.count),
            UInt32(exactly: bytes.count + directory.count + 22) != nil, let count = UInt16(exactly: entries)
        else { throw .tooLarge(path: file) }
        var archive = bytes
        bytes = []
        archive += directory
        append32(0x0605_4B50, to: &archive)
        append16(0, to: &archive)  // this disk
        append16(0, to: &archive)  // the directory's disk
        append16(count, to: &archive)
        append16(count, to: &archive)
        append32(length, to: &archive)
        append32(start, to: &archive)
        append16(0, to: &archive)  // comment length
        return archive
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
