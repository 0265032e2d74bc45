import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fault-injection counter: every write, rename, fsync and removal zonestat makes in its
/// workspace (and every warehouse commit) first calls ``reached(_:)``. With
/// `ZONESTAT_FAULT_AT=N` in the environment the process kills itself with SIGKILL at the N-th
/// call, as a power cut would stop it there; `make faults` runs the real executables once
/// per point and checks that a rerun ends where an uninterrupted run does. Without the
/// variable it only counts.
public enum FaultPoint {
    /// The point to die at, from `ZONESTAT_FAULT_AT`; nil in production.
    private static let target: Int? = ProcessInfo.processInfo.environment["ZONESTAT_FAULT_AT"].flatMap { Int($0) }
    /// Whether to print each point to standard error (`ZONESTAT_FAULT_TRACE=1`), to count them.
    private static let trace = ProcessInfo.processInfo.environment["ZONESTAT_FAULT_TRACE"] == "1"
    private static let counter = Counter()

    /// Counts a point about to change the disk; dies here when it is the one asked for.
    public static func reached(_ what: @autoclosure () -> String) {
        guard target != nil || trace else { return }
        let number = counter.next()
        if trace { FileHandle.standardError.write(Data("fault point \(number): \(what())\n".utf8)) }
        if number == target { kill(getpid(), SIGKILL) }
    }

    /// A thread-safe count; `@unchecked Sendable`: guarded by `lock`.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
