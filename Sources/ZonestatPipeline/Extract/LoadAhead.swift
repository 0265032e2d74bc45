import Dispatch
import Foundation

/// Loads items in the background, a few at a time and at most `ahead` past the ones the caller
/// has taken, so that reading and parsing the next files overlaps the warehouse writes of this
/// one (the writes are serial; parsing is not).
final class LoadAhead<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: Value] = [:]
    private var taken = 0
    private var cancelled = false

    /// Starts loading items `0..<count` with `load`, `parallel` at once, in index order.
    init(count: Int, parallel: Int, ahead: Int, load: @escaping @Sendable (Int) -> Value) {
        let parallel = max(1, parallel), ahead = max(parallel, ahead)
        guard count > 0 else { return }
        DispatchQueue.global().async { [self] in
            for start in stride(from: 0, to: count, by: parallel) {
                let end = min(start + parallel, count)
                // Room for the whole batch: its last item at most `ahead` past the next to take.
                condition.lock()
                while !cancelled, end > taken + ahead { condition.wait() }
                let stop = cancelled
                condition.unlock()
                if stop { return }
                DispatchQueue.concurrentPerform(iterations: end - start) { offset in
                    let value = load(start + offset)
                    condition.lock()
                    if !cancelled { ready[start + offset] = value }
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
    }

    /// Item `index`, waiting for it; items must be taken in order, each once.
    func take(_ index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = ready.removeValue(forKey: index) {
                taken = index + 1
                condition.broadcast()
                return value
            }
            condition.wait()
        }
    }

    /// Stops loading (the caller takes no more); loads under way finish and are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
