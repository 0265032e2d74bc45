import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a workspace, so two runs never ingest at once. Released on `release()` or
/// when the process ends (flock semantics), so a crashed run never leaves it stuck.
public final class WorkspaceLock {
    private var descriptor: Int32

    /// Takes the lock without waiting; throws `.locked` when another run holds it.
    public init(path: String) throws(WorkspaceError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .io(path: path, operation: "open the lock file", reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            descriptor = -1
            throw .locked(path: path)
        }
    }

    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
