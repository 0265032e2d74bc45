import Dispatch
import Synchronization

/// Runs independent jobs on a fixed number of threads and returns their results in job order,
/// so that what the caller merges never depends on scheduling.
///
/// Each job writes only its own slot of a pre-sized buffer; the slots are read after
/// `concurrentPerform` returns (house style: slots merged serially).
enum ParallelJobs {
    /// `job(0) … job(count − 1)`, computed on up to `threads` threads, in index order.
    static func map<T: Sendable>(count: Int, threads: Int, _ job: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = min(max(1, threads), count)
        if workers == 1 {
            return (0..<count).map(job)
        }
        let slots = ResultSlots<T>(count: count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                slots.store(job(index), at: index)
            }
        }
        return slots.collect()
    }
}

/// Pre-sized storage for job results.
///
/// `@unchecked Sendable`: every index is written by exactly one job (the atomic counter hands
/// out each index once), and nothing reads before all jobs have finished.
private final class ResultSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<T?>.allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func store(_ value: T, at index: Int) {
        base[index] = value
    }

    /// The results in index order; every slot has been stored by then.
    func collect() -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        for index in 0..<count {
            if let value = base[index] { results.append(value) }
        }
        return results
    }
}
