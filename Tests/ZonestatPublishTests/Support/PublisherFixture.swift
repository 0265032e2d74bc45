import Foundation
import Synchronization
@testable import ZonestatPublish

/// A throwaway output root and two publications (the previous run's and this run's), with
/// checks of what a reader would see in between.
struct PublisherFixture {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "zonestat-publish-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    static func folder(_ name: String, _ version: String, extra: Bool = false) -> PublishedFolder {
        var files = ["indicators.csv": Array("\(name) \(version) indicators".utf8), "report.md": Array("\(name) \(version) report".utf8)]
        if extra { files["report.html"] = Array("\(name) \(version) html".utf8) }
        return PublishedFolder(name: name, files: files)
    }

    /// The previous run: March and April.
    static let previous = Publication(
        folders: [folder("2023-03", "old"), folder("2023-04", "old")], topLevelFiles: ["series.csv": Array("old series".utf8)])
    /// This run: April again (with one more file) and May.
    static let next = Publication(
        folders: [folder("2023-04", "new", extra: true), folder("2023-05", "new")],
        topLevelFiles: ["series.csv": Array("new series".utf8)])

    /// A folder's files, name → bytes; nil when it is missing.
    func contents(_ name: String) -> [String: [UInt8]]? {
        let path = root + "/" + name
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
        var files: [String: [UInt8]] = [:]
        for file in names {
            files[file] = FileManager.default.contents(atPath: path + "/" + file).map { [UInt8]($0) }
        }
        return files
    }

    /// Whether a reader sees one run whole: all of the previous publication (no May, April
    /// old, the old series, latest on April) or all of the next.
    func isWholeRun() -> Bool {
        let series = FileManager.default.contents(atPath: root + "/series.csv").map { [UInt8]($0) }
        let old = contents("2023-05") == nil && contents("2023-04") == Self.previous.folders[1].files
            && series == Array("old series".utf8) && contents("latest") == Self.previous.folders[1].files
        let new = contents("2023-05") == Self.next.folders[1].files && contents("2023-04") == Self.next.folders[0].files
            && series == Array("new series".utf8) && contents("latest") == Self.next.folders[1].files
        return (old || new) && contents("2023-03") == Self.previous.folders[0].files
    }

    /// The names under the root a reader looks at (the publisher's hidden ones left out).
    func visibleNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The hidden names: exactly the current link and one generation when nothing is left over.
    func isTidy() -> Bool {
        let hidden = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasPrefix(".") }.sorted()
        let generations = (try? FileManager.default.contentsOfDirectory(atPath: root + "/.generations")) ?? []
        return hidden == [".current", ".generations"] && generations.count == 1
    }

    /// Writes the older layout (real folders, a real series.csv, latest linked to a folder):
    /// what a version before generations published.
    func writeOlderLayout(_ publication: Publication) throws {
        for folder in publication.folders {
            try FileManager.default.createDirectory(atPath: root + "/" + folder.name, withIntermediateDirectories: true)
            for (name, bytes) in folder.files {
                try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + folder.name + "/" + name))
            }
        }
        for (name, bytes) in publication.topLevelFiles { try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + name)) }
        if let newest = publication.folders.map(\.name).max() {
            try FileManager.default.createSymbolicLink(atPath: root + "/latest", withDestinationPath: newest)
        }
    }

    /// Whether the root holds exactly this run's outputs and nothing left over.
    func isCompleteNext() -> Bool {
        return visibleNames() == ["2023-03", "2023-04", "2023-05", "latest", "series.csv"] && isTidy()
            && contents("2023-03") == Self.previous.folders[0].files
            && contents("2023-04") == Self.next.folders[0].files
            && contents("2023-05") == Self.next.folders[1].files
            && contents("latest") == Self.next.folders[1].files
            && FileManager.default.contents(atPath: root + "/series.csv") == Data("new series".utf8)
    }
}

/// A simulated crash.
struct Crash: Error, Equatable {}

/// Throws ``Crash`` at the n-th step (0-based) and records the steps seen.
final class CrashAtStep: Sendable {
    let crashAt: Int
    let seen = Mutex<[PublishStep]>([])

    init(_ crashAt: Int) {
        self.crashAt = crashAt
    }

    var hook: @Sendable (PublishStep) throws -> Void {
        { step in
            let count = self.seen.withLock { steps in
                steps.append(step)
                return steps.count
            }
            if count - 1 == self.crashAt { throw Crash() }
        }
    }

    var steps: [PublishStep] { seen.withLock { $0 } }
}
