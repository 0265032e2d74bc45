import Foundation
import Testing

/// ZonestatPipeline's folders are layers (docs/design/layers.md): a folder uses the types of the
/// layers below its own and nothing of its own layer's other folders or of the layers above, so
/// that no two folders use each other.
@Suite("ZonestatPipeline's folders use only the layers below them")
struct LayerDirectionTests {
    /// Lowest first.
    static let pipeline = SourceLayers(layers: [
        // The configuration; the workspace (folders, lock, ledger log); the extracted file and its problems.
        ["Config", "Workspace", "Extracted"],
        // The warehouse: stores extracted files, their problems and the results.
        ["Warehouse"],
        // The extract stage (files into the warehouse) and the transform stage (the warehouse into results).
        ["Extract", "Transform"],
        // `zonestat history` (names a basis as extract's conflict report does); load (extract's run id).
        ["History", "Load"],
        // Rebuild: the warehouse made again from the archive by extract, transform and load.
        ["Rebuild"],
    ])

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/ZonestatPipeline")

    @Test func everyFolderUsesOnlyTheLayersBelowIt() throws {
        let files = try SourceLayers.files(under: Self.root)
        #expect(files.count > 50, "read \(files.count) files under \(Self.root.path)")
        for violation in Self.pipeline.violations(in: files) { Issue.record("\(violation)") }
    }

    @Test func everyLayerFolderExists() throws {
        let folders = Set(try SourceLayers.files(under: Self.root).map(\.folder))
        for folder in Self.pipeline.layers.joined() where !folders.contains(folder) {
            Issue.record("layer folder \(folder) holds no source file under \(Self.root.path)")
        }
    }

    /// The check itself: a use upward or sideways is named with file, line and type; a name in a
    /// comment or a string is no use, a name in an interpolation is.
    @Test func aUseOfAHigherOrSiblingFolderIsNamed() {
        let layers = SourceLayers(layers: [["Low", "Side"], ["High"]])
        let files = [
            SourceLayers.File(
                folder: "Low", path: "Low/Kept.swift",
                text: "public struct Kept: Sendable {\n    var n = 0\n}\n"),
            SourceLayers.File(
                folder: "Side", path: "Side/Other.swift", text: "enum Other {}\nprivate struct Mine {}\n"),
            SourceLayers.File(
                folder: "High", path: "High/Stage.swift",
                text:
                    "@available(macOS 15, *)\nfinal class Stage {\n    let kept = Kept()\n    let other: Other? = nil\n}\n"
            ),
            SourceLayers.File(
                folder: "Low", path: "Low/Uses.swift",
                text: """
                    /// Stage is only named here, /* and Stage here */
                    let a = "Stage \\(1) #Stage"
                    let b = #"Stage "\\(Stage.self)"# + "\\(String(describing: Stage.self))"
                    let c = Other.self
                    let d = x.Stage
                    struct Mine {}
                    """),
        ]
        let found = layers.violations(in: files)
        #expect(
            found.map { "\($0.path):\($0.line) \($0.type ?? "-")" } == [
                "Low/Uses.swift:3 Stage", "Low/Uses.swift:4 Other",
            ])
        #expect(
            found.first?.description.hasPrefix("Low/Uses.swift:3: uses Stage, declared in High/Stage.swift")
                == true)
        let stray = SourceLayers.File(folder: "Odd", path: "Odd/X.swift", text: "")
        #expect(layers.violations(in: [stray]).map(\.path) == ["Odd/X.swift"])
    }
}
