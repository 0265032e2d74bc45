/// What must hold of any file the reader parses, whatever its bytes: checked by the fuzzer
/// (`make fuzz`, whose harness traps on a broken one) and by the tests of its saved findings.
public enum FuzzInvariants {
    /// The first invariant `parsed` breaks, or nil.
    public static func violation(_ parsed: ParsedFile) -> String? {
        if parsed.rows < 0 { return "negative row count" }
        // A workbook's problems may name the sheet too: `book.xlsx[表1]`.
        if parsed.problems.contains(where: { $0.file != parsed.name && !$0.file.hasPrefix(parsed.name + "[") }) {
            return "a problem names another file"
        }
        if parsed.problems.contains(where: { $0.message.isEmpty }) { return "a problem without a message" }
        if parsed.problems.contains(where: { ($0.line ?? 1) < 1 }) { return "a problem on line 0 or less" }
        // A rejected file is never stored: nothing of it may look ingestible without an error.
        if !parsed.isRejected, parsed.kind == nil { return "accepted without a kind" }
        if parsed.facts.contains(where: { Int($0.unit) >= parsed.units.count || $0.unit < 0 }) {
            return "a fact points at no unit"
        }
        return nil
    }
}
