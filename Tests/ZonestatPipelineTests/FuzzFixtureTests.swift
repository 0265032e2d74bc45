import Foundation
import Testing

@testable import ZonestatPipeline

/// The inputs the fuzzer found (and hand-made hostile ones): each is parsed without a crash
/// and keeps the reader's invariants. `make fuzz` saves new findings under fuzz/crashers/;
/// copy each here, fix the reader, and this test keeps it fixed.
@Suite("Fuzz findings stay fixed")
struct FuzzFixtureTests {
    static let names: [String] = {
        guard let folder = Bundle.module.url(forResource: "Fixtures/fuzz", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.sorted()
    }()

    @Test func thereAreFindingsToCheck() {
        #expect(Self.names.count >= 6)
    }

    /// The workbooks ZIPFoundation's reader trapped on (found by `make fuzz`, kept by content
    /// under `xlsx-…`) are damaged workbooks now, with one problem that says so.
    @Test func theTrappingWorkbooksAreDamagedWorkbooks() throws {
        let workbooks = Self.names.filter { $0.hasPrefix("xlsx-") }
        #expect(workbooks.count >= 3)
        for name in workbooks {
            let url = try #require(Bundle.module.url(forResource: "Fixtures/fuzz/" + name, withExtension: nil))
            let parsed = FileParser(config: PipelineConfig(zoneName: "fuzz", workspace: "/nonexistent"))
                .parse([UInt8](try Data(contentsOf: url)), name: name)
            #expect(parsed.isRejected, "\(name)")
            #expect(parsed.problems.allSatisfy { [.damagedWorkbook, .notATable].contains($0.code) }, "\(name): \(parsed.problems)")
        }
    }

    @Test(arguments: names)
    func parsesAndKeepsTheInvariants(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/fuzz/" + name, withExtension: nil))
        let parsed = FileParser(config: PipelineConfig(zoneName: "fuzz", workspace: "/nonexistent"))
            .parse([UInt8](try Data(contentsOf: url)), name: "fuzz.csv")
        #expect(FuzzInvariants.violation(parsed) == nil)
    }
}
