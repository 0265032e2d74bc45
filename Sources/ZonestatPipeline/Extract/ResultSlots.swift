import Foundation

/// A pre-sized buffer that `concurrentPerform` iterations fill, one slot each, merged serially after.
///
/// `@unchecked Sendable`: every write holds `lock`, and each index is written by one iteration only.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
