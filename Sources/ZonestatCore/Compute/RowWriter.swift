/// Where one job writes its indicator rows: its own range of a pre-sized buffer that no
/// other job touches (house style: each iteration writes its own slot, merged serially).
///
/// `@unchecked Sendable`: a writer owns `base ..< base + capacity` exclusively while its job
/// runs; the buffer's owner reads the range only after every job has finished.
struct RowWriter: @unchecked Sendable {
    private let base: UnsafeMutablePointer<IndicatorRow>?
    let capacity: Int
    /// Rows initialized so far, from `base` on.
    private(set) var written = 0
    /// Rows beyond `capacity` that could not be written (never, unless the count was wrong).
    private(set) var dropped = 0

    init(base: UnsafeMutablePointer<IndicatorRow>?, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    @inline(__always)
    mutating func append(_ row: IndicatorRow) {
        guard written < capacity, let base else {
            dropped += 1
            return
        }
        (base + written).initialize(to: row)
        written += 1
    }
}

/// The address of a buffer of rows, to hand to jobs (see ``RowWriter``).
///
/// `@unchecked Sendable`: jobs derive disjoint ranges from it; see ``RowWriter``.
struct RowBufferAddress: @unchecked Sendable {
    let base: UnsafeMutablePointer<IndicatorRow>?

    /// The writer of `count` rows from `offset` on.
    func writer(offset: Int, count: Int) -> RowWriter {
        RowWriter(base: base.map { $0 + offset }, capacity: count)
    }
}
