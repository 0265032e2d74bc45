import Dispatch
import Synchronization
import ZonestatPublish

/// Hashes a rendered period folder's small files, writes its manifest and stages it on a
/// second thread, while the caller reads and renders the next period (its units.csv and
/// workbook are already written and synced into the generation: ``PeriodFiles``).
///
/// At most one folder is in flight: ``stage(_:manifest:)`` waits for the previous one, so
/// memory holds two periods' small files at most. Staging them alongside still pays: a
/// province's cold load took 37.7–39.6 s staging each folder before rendering the next,
/// 33.3–33.9 s here (its units.csv and workbook written straight to disk either way). Leaving
/// the large files' fsync to this thread too did not pay (measured: 31–39 s against 29–36 s).
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
