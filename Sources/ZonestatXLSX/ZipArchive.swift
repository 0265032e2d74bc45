import CZonestatZlib

/// A zip archive read within its own bytes: the central directory, and an entry's data —
/// stored, or deflated (zlib's raw inflate) — bounded by the sizes the directory gives and
/// checked against its CRC-32.
///
/// Written for workbooks an analyst drops, whatever their state: a truncated or corrupted
/// deflate stream, sizes that point past the end, a declared size that the data exceeds (a zip
/// bomb) are each an error, never a loop or an allocation without bound. (ZIPFoundation's
/// reader loops forever on a deflate stream cut short, as the fuzzer found; it still writes
/// tables.xlsx.) Zip64 archives — parts past 4 GiB, no workbook an office saves — are refused.
struct ZipArchive: Sendable {
    struct Entry: Sendable {
        var path: String
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Why an archive or an entry cannot be read.
    enum Failure: Error, Equatable, Sendable {
        /// No end-of-central-directory record, or a directory that is not where it says.
        case noDirectory
        case damaged(String)
    }

    /// A part larger than this (uncompressed) is refused: a worksheet of a million rows is
    /// well under it.
    static let largestPart = 1 << 30

    let bytes: [UInt8]
    let entries: [Entry]

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        entries = try ZipArchive.directory(bytes)
    }

    /// The entry at `path`, or one whose path differs only in case (some writers vary `xl/`).
    func entry(_ path: String) -> Entry? {
        entries.first { $0.path == path } ?? entries.first { $0.path.lowercased() == path.lowercased() }
    }

    /// The entry's uncompressed bytes.
    func data(of entry: Entry) throws(Failure) -> [UInt8] {
        let header = entry.localHeaderOffset
        guard header >= 0, header + 30 <= bytes.count, ZipArchive.uint32(bytes, header) == 0x0403_4B50 else {
            throw .damaged("\(entry.path): no local header where the directory says")
        }
        let start = header + 30 + Int(ZipArchive.uint16(bytes, header + 26)) + Int(ZipArchive.uint16(bytes, header + 28))
        guard entry.compressedSize >= 0, start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw .damaged("\(entry.path): its data runs past the end of the file")
        }
        // Deflate compresses at most about 1,032 to 1: a larger declared size is a lie (or a bomb).
        guard entry.uncompressedSize <= ZipArchive.largestPart,
            entry.uncompressedSize <= max(entry.compressedSize, 1) * 1_100
        else {
            throw .damaged("\(entry.path): \(entry.uncompressedSize) bytes uncompressed, more than a workbook part holds")
        }
        let data: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .damaged("\(entry.path): stored, but its two sizes differ")
            }
            data = Array(bytes[start..<start + entry.compressedSize])
        case 8:
            data = try ZipArchive.inflate(bytes[start..<start + entry.compressedSize], size: entry.uncompressedSize, path: entry.path)
        default:
            throw .damaged("\(entry.path): compression method \(entry.method) is not one Excel uses")
        }
        let crc = data.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard crc == entry.crc32 else { throw .damaged("\(entry.path): its checksum does not match (a damaged copy)") }
        return data
    }

    /// Raw deflate data inflated into exactly `size` bytes; anything else is an error.
    static func inflate(_ input: ArraySlice<UInt8>, size: Int, path: String) throws(Failure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("\(path): zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var input = Array(input)
        let result: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                // All the input and all the room at once: one call ends the stream, or says why not.
                return CZonestatZlib.inflate(&stream, Z_FINISH)
            }
        }
        switch result {
        case Z_STREAM_END:
            guard Int(stream.total_out) == size else {
                throw .damaged("\(path): \(stream.total_out) bytes where the directory says \(size)")
            }
            return size == 0 ? [] : output
        case Z_OK, Z_BUF_ERROR:
            // The room filled before the stream ended, or the input ended before it did.
            throw stream.avail_out == 0 && size > 0
                ? .damaged("\(path): more data than the directory says (\(size) bytes)")
                : .damaged("\(path): the compressed data ends too soon (a copy cut short?)")
        default:
            throw .damaged("\(path): the compressed data is corrupt")
        }
    }

    /// The central directory's entries.
    static func directory(_ bytes: [UInt8]) throws(Failure) -> [Entry] {
        // The end record: 22 bytes, then a comment of up to 65,535 bytes.
        guard bytes.count >= 22 else { throw .noDirectory }
        var end = -1
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while position >= lowest {
            if uint32(bytes, position) == 0x0605_4B50, position + 22 + Int(uint16(bytes, position + 20)) == bytes.count {
                end = position
                break
            }
            position -= 1
        }
        guard end >= 0 else { throw .noDirectory }
        let count = Int(uint16(bytes, end + 10))
        let size = Int(uint32(bytes, end + 12)), offset = Int(uint32(bytes, end + 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else { throw .damaged("a Zip64 archive") }
        guard offset <= end, size <= end - offset else { throw .noDirectory }
        var entries: [Entry] = []
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= offset + size, uint32(bytes, at) == 0x0201_4B50 else {
                throw .damaged("the directory lists \(count) entries but holds \(entries.count)")
            }
            let nameLength = Int(uint16(bytes, at + 28)), extraLength = Int(uint16(bytes, at + 30))
            let commentLength = Int(uint16(bytes, at + 32))
            guard at + 46 + nameLength <= offset + size else { throw .damaged("a name runs past the directory") }
            let compressed = uint32(bytes, at + 20), uncompressed = uint32(bytes, at + 24), local = uint32(bytes, at + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw .damaged("a Zip64 entry")
            }
            entries.append(Entry(
                path: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                method: uint16(bytes, at + 10), crc32: uint32(bytes, at + 16), compressedSize: Int(compressed),
                uncompressedSize: Int(uncompressed), localHeaderOffset: Int(local)))
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
