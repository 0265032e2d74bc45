/// Swift source with its comments and the text of its string literals blanked out, line by
/// line: what is left is code, whose names are uses. The code inside an interpolation
/// (`"\(Problem.self)"`) is kept; block comments nest; raw (`#"…"#`) and multi-line (`"""`)
/// strings end where Swift ends them.
enum SwiftCodeText {
    private struct Literal {
        var multiline: Bool
        var hashes: Int
        /// Parentheses open inside the interpolation that left this literal.
        var depth = 0
    }

    static func lines(of source: String) -> [String] {
        let bytes = Array(source.utf8)
        var code = bytes
        /// The literal being read; nil in code.
        var literal: Literal?
        /// The literals whose interpolation is being read, innermost last.
        var open: [Literal] = []
        var i = 0

        func blank(_ range: Range<Int>) {
            for k in range where k < code.count && code[k] != UInt8(ascii: "\n") {
                code[k] = UInt8(ascii: " ")
            }
        }
        func at(_ k: Int, _ text: String) -> Bool {
            let t = Array(text.utf8)
            return k + t.count <= bytes.count && Array(bytes[k..<(k + t.count)]) == t
        }
        func hashes(from k: Int) -> Int {
            var n = 0
            while k + n < bytes.count, bytes[k + n] == UInt8(ascii: "#") { n += 1 }
            return n
        }

        while i < bytes.count {
            if var current = literal {
                let closing =
                    (current.multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: current.hashes)
                let escape = "\\" + String(repeating: "#", count: current.hashes)
                if at(i, escape) {
                    let after = i + escape.utf8.count
                    if at(after, "(") {
                        blank(i..<after)
                        current.depth = 1
                        open.append(current)
                        literal = nil
                        i = after + 1
                    } else {
                        blank(i..<(after + 1))
                        i = after + 1
                    }
                } else if at(i, closing) {
                    literal = nil
                    i += closing.utf8.count
                } else {
                    blank(i..<(i + 1))
                    i += 1
                }
                continue
            }
            let byte = bytes[i]
            if at(i, "//") {
                var end = i
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                blank(i..<end)
                i = end
            } else if at(i, "/*") {
                var depth = 0, end = i
                repeat {
                    if at(end, "/*") {
                        depth += 1
                        end += 2
                    } else if at(end, "*/") {
                        depth -= 1
                        end += 2
                    } else {
                        end += 1
                    }
                } while depth > 0 && end < bytes.count
                blank(i..<end)
                i = end
            } else if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\"") {
                let count = hashes(from: i)
                guard at(i + count, "\"") else {
                    // `#if`, `#filePath`: not a literal.
                    i += max(count, 1)
                    continue
                }
                let multiline = at(i + count, "\"\"\"")
                literal = Literal(multiline: multiline, hashes: count)
                i += count + (multiline ? 3 : 1)
            } else if byte == UInt8(ascii: "("), !open.isEmpty {
                open[open.count - 1].depth += 1
                i += 1
            } else if byte == UInt8(ascii: ")"), !open.isEmpty {
                open[open.count - 1].depth -= 1
                if open[open.count - 1].depth == 0 { literal = open.removeLast() }
                i += 1
            } else {
                i += 1
            }
        }
        return String(decoding: code, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }
}
