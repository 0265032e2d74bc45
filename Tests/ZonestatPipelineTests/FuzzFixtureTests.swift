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

    /// Every CSV fixture (fuzz findings, broken files, encodings) reads the same in two halves
    /// as in one pass.
    @Test func everyFixtureReadsTheSameInTwoHalves() throws {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap({ $0 as? String })
        else { return }
        let csv = files.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".txt") }
        #expect(csv.count >= 10)
        for path in csv {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
            let name = path.split(separator: "/").last.map(String.init) ?? path
            #expect(
                FuzzInvariants.splitViolation(bytes, name: name, config: PipelineConfig(zoneName: "fuzz", workspace: "/nonexistent"))
                    == nil, "\(path)")
        }
    }

    /// So does every CSV file of the sample inbox, real forms of a few hundred rows (title
    /// lines, footers, units across months), split near their middle.
    @Test func theSampleInboxReadsTheSameInTwoHalves() throws {
        let inbox = EndToEndTests.packageRoot.appendingPathComponent("sample-data/inbox")
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names.count >= 10)
        let config = PipelineConfig(zoneName: "z", workspace: "/nonexistent")
        var split = 0
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: inbox.appendingPathComponent(name)))
            #expect(FuzzInvariants.splitViolation(bytes, name: name, config: config) == nil, "\(name)")
            if FileParser(config: config, splitBytes: 1).parseSplit(bytes, name: name) != nil { split += 1 }
        }
        #expect(split > 0, "some sample files are read as two halves")
    }
}
