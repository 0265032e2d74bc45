import Dispatch
import Synchronization
import ZonestatPublish

/// Hashes a rendered period folder, writes its manifest and stages it on a second thread,
/// while the caller reads and renders the next period.
///
/// At most one folder is in flight: ``stage(_:manifest:)`` waits for the previous one, so
/// memory holds two periods at most (the one being written, the one being rendered). Hashing
/// and writing a province folder take about as long as reading and rendering the next. A
/// folder larger than ``overlapBytes`` (a nation's period: about a gigabyte) is staged before
/// the next is read, so that memory holds one such folder, not two.
final class FolderStager: Sendable {
    private let publisher: Publisher
    private let queue = DispatchQueue(label: "zonestat.load.stage")
    private let group = DispatchGroup()
    /// Released when the folder in flight is staged.
    private let slot = DispatchSemaphore(value: 1)
    /// The first error a background stage threw; later folders are then skipped.
    private let failure = Mutex<(any Error)?>(nil)

    /// Folder size above which staging does not overlap the next period's rendering.
    private let overlapBytes: Int

    init(publisher: Publisher, overlapBytes: Int = FolderStager.overlapBytes) {
        self.publisher = publisher
        self.overlapBytes = overlapBytes
    }

    /// Stages `rendered` with its manifest in the background, once the previous folder is
    /// staged; throws what staging an earlier folder threw.
    func stage(_ rendered: RenderedPeriod, manifest: Manifest) throws {
        slot.wait()
        if let error = failure.withLock({ $0 }) {
            slot.signal()
            throw error
        }
        let large = rendered.files.values.reduce(0) { $0 + $1.count } > overlapBytes
        queue.async(group: group) { [self] in
            defer { slot.signal() }
            do {
                try publisher.stage(rendered.folder(manifest: manifest))
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if large {
            // Held (the caller's copy goes when it returns) until this one is written.
            slot.wait()
            slot.signal()
        }
    }

    /// The size above which a folder is staged before the next is rendered: 256 MiB.
    static let overlapBytes = 256 << 20

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
