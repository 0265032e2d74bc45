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

    @Test(arguments: names)
    func parsesAndKeepsTheInvariants(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/fuzz/" + name, withExtension: nil))
        let parsed = FileParser(config: PipelineConfig(zoneName: "fuzz", workspace: "/nonexistent"))
            .parse([UInt8](try Data(contentsOf: url)), name: "fuzz.csv")
        #expect(FuzzInvariants.violation(parsed) == nil)
    }
}
