import Foundation
import Testing

@testable import ZonestatPipeline

@Suite("Loading files ahead of the writes")
struct LoadAheadTests {
    /// Counts loads begun and items taken, to see how far ahead loading runs.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var loaded = 0
        private(set) var taken = 0
        private(set) var furthestAhead = 0

        func load() {
            lock.lock()
            loaded += 1
            furthestAhead = max(furthestAhead, loaded - taken)
            lock.unlock()
        }

        func take() {
            lock.lock()
            taken += 1
            lock.unlock()
        }
    }

    @Test(arguments: [(1, 1), (2, 2), (3, 5)])
    func itemsComeInOrderAndLoadingStaysWithinItsLead(parallel: Int, ahead: Int) {
        let counter = Counter()
        let loading = LoadAhead(count: 40, parallel: parallel, ahead: ahead) { index in
            counter.load()
            return index * 3
        }
        for index in 0..<40 {
            #expect(loading.take(index) == index * 3)
            counter.take()
            Thread.sleep(forTimeInterval: 0.001)  // the writer is slower than the loader
        }
        #expect(counter.loaded == 40)
        #expect(counter.furthestAhead <= max(parallel, ahead) + 1)
    }

    @Test func cancellingStopsLoadingTheRest() {
        let counter = Counter()
        let loading = LoadAhead(count: 1000, parallel: 2, ahead: 2) { index in
            counter.load()
            return index
        }
        #expect(loading.take(0) == 0)
        #expect(loading.take(1) == 1)
        loading.cancel()
        Thread.sleep(forTimeInterval: 0.05)
        #expect(counter.loaded < 10)
    }
}
