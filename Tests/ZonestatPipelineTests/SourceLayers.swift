import Foundation

/// The folders of a target's sources as layers, lowest first: a folder may use the top-level
/// types of the folders in the layers below its own, and no other folder's.
struct SourceLayers {
    /// One source file: its folder (the first component of `path`), its path from the target's
    /// root and its text.
    struct File {
        var folder: String
        var path: String
        var text: String
    }

    /// A use of a type that the layers forbid, or a file in a folder they do not name.
    struct Violation: Equatable, CustomStringConvertible {
        var path: String
        var line: Int
        /// The type used; nil for a file in a folder no layer names.
        var type: String?
        var message: String
        var description: String { "\(path):\(line): \(message)" }
    }

    var layers: [[String]]

    /// The layer of each folder (0 the lowest); nil for a folder the layers do not name.
    func layer(of folder: String) -> Int? { layers.firstIndex { $0.contains(folder) } }

    /// The files of the target at `root`: every `.swift` file below it, sorted by path.
    static func files(under root: URL) throws -> [File] {
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            let folder = path.contains("/") ? String(path.prefix { $0 != "/" }) : ""
            return File(
                folder: folder, path: path,
                text: try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
    }

    /// The names a file declares at top level (struct, enum, class, protocol, actor,
    /// typealias), by line; `isPrivate` for a private or fileprivate one (the file's own).
    static func declarations(in lines: [String]) -> [(line: Int, name: String, isPrivate: Bool)] {
        let kinds: Set<String> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
        let modifiers: Set<String> = [
            "public", "internal", "package", "open", "final", "indirect", "nonisolated",
        ]
        var found: [(line: Int, name: String, isPrivate: Bool)] = []
        for (index, text) in lines.enumerated() {
            guard let first = text.first, !first.isWhitespace else { continue }
            var words = text.split(whereSeparator: \.isWhitespace)[...]
            // Attributes (`@MainActor`, `@available(macOS 15, *)`) come first.
            while let word = words.first, word.hasPrefix("@") {
                words = words.dropFirst()
                if word.contains("("), !word.contains(")") {
                    while let next = words.first, !next.contains(")") { words = words.dropFirst() }
                    words = words.dropFirst()
                }
            }
            var isPrivate = false
            while let word = words.first,
                modifiers.contains(String(word)) || word == "private" || word == "fileprivate"
            {
                isPrivate = isPrivate || word == "private" || word == "fileprivate"
                words = words.dropFirst()
            }
            guard let kind = words.first, kinds.contains(String(kind)), let named = words.dropFirst().first
            else { continue }
            let name = String(named.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            if !name.isEmpty { found.append((index + 1, name, isPrivate)) }
        }
        return found
    }

    /// The names a line uses: identifiers that are not a member (`x.Name`) of something else.
    static func names(in line: String) -> Set<String> {
        var names: Set<String> = []
        var current = ""
        var previous: Character = " "
        var afterDot = false
        for character in line + " " {
            if character.isLetter || character == "_" || (character.isNumber && !current.isEmpty) {
                if current.isEmpty { afterDot = previous == "." }
                current.append(character)
            } else {
                if !current.isEmpty, !afterDot { names.insert(current) }
                current = ""
            }
            previous = character
        }
        return names
    }

    /// Every use in `files` of a type declared in a folder of the same layer or above, once a
    /// line and type; and a violation for each file in a folder the layers do not name.
    func violations(in files: [File]) -> [Violation] {
        var owner: [String: (folder: String, path: String)] = [:]
        var code: [String: [String]] = [:]
        /// The names each file declares for itself alone: there, they name its own type.
        var own: [String: Set<String>] = [:]
        for file in files {
            let lines = SwiftCodeText.lines(of: file.text)
            code[file.path] = lines
            for declaration in Self.declarations(in: lines) {
                if declaration.isPrivate {
                    own[file.path, default: []].insert(declaration.name)
                } else {
                    owner[declaration.name] = (file.folder, file.path)
                }
            }
        }
        var found: [Violation] = []
        for file in files {
            guard let mine = layer(of: file.folder) else {
                found.append(
                    Violation(
                        path: file.path, line: 1, type: nil,
                        message: "folder '\(file.folder)' is in no layer: give it one in the list of layers"))
                continue
            }
            for (index, line) in (code[file.path] ?? []).enumerated() {
                for name in Self.names(in: line).sorted() {
                    guard let declared = owner[name], declared.folder != file.folder,
                        own[file.path]?.contains(name) != true
                    else {
                        continue
                    }
                    let theirs = layer(of: declared.folder)
                    if let theirs, theirs < mine { continue }
                    let message =
                        "uses \(name), declared in \(declared.path) (layer \(theirs.map(String.init) ?? "none")):"
                        + " \(file.folder) is layer \(mine) and may use only the layers below it"
                    found.append(Violation(path: file.path, line: index + 1, type: name, message: message))
                }
            }
        }
        return found
    }
}
