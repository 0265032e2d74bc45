/// The bytes of a file being rendered, in one buffer reserved up front.
///
/// Province-size tables have millions of cells: appending each one's UTF-8 to a `[UInt8]` is a
/// copy, where growing a `String` by concatenation re-validated and re-counted it every time.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    /// An empty buffer with room for about `capacity` bytes.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String) {
        append(text.utf8)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func append(_ other: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: other)
    }

    mutating func append(_ utf8: String.UTF8View) {
        bytes.append(contentsOf: utf8)
    }
}
