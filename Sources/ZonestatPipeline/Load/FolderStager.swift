import Dispatch
import Synchronization
import ZonestatPublish

/// Hashes a rendered period folder, writes its manifest and stages it on a second thread,
/// while the caller reads and renders the next period.
///
/// At most one folder is in flight: ``stage(_:manifest:)`` waits for the previous one, so
/// memory holds two periods at most (the one being written, the one being rendered). Hashing
/// and writing a province folder take about as long as reading and rendering the next.
final class FolderStager: Sendable {
    private let publisher: Publisher
    private let queue = DispatchQueue(label: "zonestat.load.stage")
    private let group = DispatchGroup()
    /// Released when the folder in flight is staged.
    private let slot = DispatchSemaphore(value: 1)
    /// The first error a background stage threw; later folders are then skipped.
    private let failure = Mutex<(any Error)?>(nil)

    init(publisher: Publisher) {
        self.publisher = publisher
    }

    /// Stages `rendered` with its manifest in the background, once the previous folder is
    /// staged; throws what staging an earlier folder threw.
    func stage(_ rendered: RenderedPeriod, manifest: Manifest) throws {
        slot.wait()
        if let error = failure.withLock({ $0 }) {
            slot.signal()
            throw error
        }
        queue.async(group: group) { [self] in
            defer { slot.signal() }
            do {
                try publisher.stage(rendered.folder(manifest: manifest))
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
    }

    /// Waits for the folder in flight; throws what staging any folder threw.
    func finish() throws {
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Waits for the folder in flight, for a caller that is leaving on an error of its own.
    func drain() {
        group.wait()
    }
}
