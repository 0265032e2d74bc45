/// The bytes of a file being rendered, written through a pointer into memory the writer owns.
///
/// Province-size tables have millions of cells. Appending each to a `[UInt8]` paid the array's
/// uniqueness and capacity bookkeeping per cell (and a `String` re-validated and re-counted
/// itself on every concatenation); here a cell is a bounds check and a copy. A table writes a
/// row at a time and moves it to the file's bytes with ``flush(into:)``.
public struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written since the start or the last ``flush(into:)``.
    public private(set) var count = 0

    /// An empty writer with room for `capacity` bytes before it grows.
    public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// A copy of what was written.
    public var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// What was written, without a copy: valid until the next write.
    public var written: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }

    /// Starts over, keeping the memory.
    public mutating func clear() {
        count = 0
    }

    /// Appends what was written to `file` and starts over.
    public mutating func flush(into file: inout [UInt8]) {
        file.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    public mutating func append(_ other: UnsafeBufferPointer<UInt8>) {
        guard let source = other.baseAddress else { return }
        if capacity - count < other.count { grow(toHold: other.count) }
        (base + count).update(from: source, count: other.count)
        count += other.count
    }

    public mutating func append(_ other: [UInt8]) {
        other.withUnsafeBufferPointer { append($0) }
    }

    public mutating func append(_ utf8: String.UTF8View) {
        let copied: Void? = utf8.withContiguousStorageIfAvailable { append($0) }
        if copied == nil {
            for byte in utf8 { append(byte) }
        }
    }

    public mutating func append(_ text: String) {
        append(text.utf8)
    }

    /// Room for `extra` more bytes: at least double the capacity, so that appends stay linear.
    private mutating func grow(toHold extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
