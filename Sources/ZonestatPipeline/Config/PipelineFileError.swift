import Yams

/// A pipeline file's YAML or decoding error in plain words: the line, the key, what is wrong
/// (`line 3: key "zone" is missing: every pipeline file names its zone`), never Swift's
/// decoding text.
enum PipelineFileError {
    /// The reason for ``ConfigError/invalid(path:reason:)``.
    static func describe(_ error: any Error, yaml text: String) -> String {
        switch error {
        case let error as YamlError:
            return syntax(error)
        case let error as DecodingError:
            return decoding(error, yaml: text)
        default:
            return "\(error)"
        }
    }

    private static func syntax(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): the YAML cannot be read (\(problem)) — check the indentation, "
                + "the colon after each key, and quotes around text that holds a colon or #"
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return "the mapping that starts on line \(context.mark.line) gives the key \(keys) twice — keep one"
        default:
            return "the YAML cannot be read: \(error)"
        }
    }

    private static func decoding(_ error: DecodingError, yaml text: String) -> String {
        let root = try? Yams.compose(yaml: text)
        switch error {
        case .keyNotFound(let key, let context):
            let parent = keyPath(context.codingPath)
            let line = self.line(of: context.codingPath, in: root).map { "line \($0): " } ?? ""
            let place = parent.isEmpty ? "at the top of the file" : "under \"\(parent)\""
            return "\(line)the key \"\(key.stringValue)\" is missing \(place) — add it"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let line = self.line(of: context.codingPath, in: root).map { "line \($0): " } ?? ""
            let found = node(at: context.codingPath, in: root)?.scalar?.string
            return "\(line)key \"\(keyPath(context.codingPath))\" should be \(kind(type))"
                + (found.map { ", not \"\($0)\"" } ?? "")
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? YamlError { return syntax(underlying) }
            let line = self.line(of: context.codingPath, in: root).map { "line \($0): " } ?? ""
            if context.codingPath.isEmpty { return "the file holds no YAML mapping (zone:, workspace:, …)" }
            return "\(line)key \"\(keyPath(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// `input.settle_seconds`, `indicators[2].unit`.
    private static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func node(at path: [any CodingKey], in root: Node?) -> Node? {
        var node = root
        for key in path {
            if let index = key.intValue, let sequence = node?.sequence {
                node = sequence.indices.contains(index) ? sequence[index] : nil
            } else {
                node = node?[key.stringValue]
            }
        }
        return node
    }

    /// The line of the deepest node along `path` that the file has.
    private static func line(of path: [any CodingKey], in root: Node?) -> Int? {
        var depth = path.count
        while depth >= 0 {
            if let mark = node(at: Array(path.prefix(depth)), in: root)?.mark { return mark.line }
            depth -= 1
        }
        return nil
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            "\(type)".hasPrefix("Array") ? "a list (- item per line, or [a, b])"
                : "\(type)".hasPrefix("Dictionary") ? "a mapping (key: value lines)" : "a mapping (key: value lines)"
        }
    }
}
