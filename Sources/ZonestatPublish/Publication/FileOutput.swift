/// Where a file's bytes go as it is rendered: into memory (``MemoryOutput``), or straight
/// into its staged file (``StagedFile``) when it is too large to hold (a nation period's
/// units.csv and workbook).
///
/// A range can be reserved and its bytes given later: a zip entry's header, known once its
/// data is written.
public protocol FileOutput: AnyObject {
    /// Bytes written so far.
    var count: Int { get }
    /// Appends `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(PublicationError)
    /// Appends `length` bytes to be given by ``patch(_:at:)``; returns where they start.
    func reserve(_ length: Int) throws(PublicationError) -> Int
    /// Gives the bytes of a range ``reserve(_:)`` returned.
    func patch(_ bytes: [UInt8], at offset: Int) throws(PublicationError)
}

extension FileOutput {
    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws(PublicationError) {
        let failure: PublicationError? = bytes.withUnsafeBytes { raw in
            do throws(PublicationError) {
                try write(raw)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }
}

/// A file rendered into memory, whole: the small files, and every file where nothing is staged
/// (tests, ``PeriodFiles/render(_:manifest:bom:)``).
public final class MemoryOutput: FileOutput {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        self.bytes.append(contentsOf: bytes)
    }

    public func reserve(_ length: Int) -> Int {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: length))
        return start
    }

    public func patch(_ bytes: [UInt8], at offset: Int) {
        self.bytes.replaceSubrange(offset..<offset + bytes.count, with: bytes)
    }

    /// The bytes written, handed over (the output is empty afterwards).
    public func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }
}
