/// How many bytes the CSV parser is handed at a time: by ``FileParser`` reading a file, and by
/// ``RecordCells`` reading a few of its cells again.
enum CSVChunk {
    static let size = 64 * 1024
}
