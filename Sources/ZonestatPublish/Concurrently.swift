import Dispatch
import Synchronization

/// Two independent renderings on two threads: the results do not depend on the scheduling.
enum Concurrently {
    /// `first()` and `second()`, run at the same time; the first error either throws (the
    /// first's, when both throw).
    static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () throws(PublishError) -> A, _ second: @Sendable () throws(PublishError) -> B
    ) throws(PublishError) -> (A, B) {
        let firstResult = Mutex<Result<A, PublishError>?>(nil)
        let secondResult = Mutex<Result<B, PublishError>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let result = Result { () throws(PublishError) -> A in try first() }
                firstResult.withLock { $0 = result }
            } else {
                let result = Result { () throws(PublishError) -> B in try second() }
                secondResult.withLock { $0 = result }
            }
        }
        // concurrentPerform returns after both iterations: both slots are set.
        guard let a = firstResult.withLock({ $0 }), let b = secondResult.withLock({ $0 }) else {
            preconditionFailure("concurrentPerform returned before its iterations finished")
        }
        return (try a.get(), try b.get())
    }
}
