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

    /// Whether reading `bytes` as two halves (``FileParser/parseSplit(_:name:)``, forced
    /// whatever the size) gives anything but the one pass: the first field that differs, or nil.
    public static func splitViolation(_ bytes: [UInt8], name: String, config: PipelineConfig) -> String? {
        let whole = FileParser(config: config).parse(bytes, name: name)
        let split = FileParser(config: config, splitBytes: 1).parse(bytes, name: name)
        if split.kind != whole.kind || split.encoding != whole.encoding || split.delimiter != whole.delimiter {
            return "split: kind, encoding or delimiter differs"
        }
        if split.rows != whole.rows { return "split: row count differs" }
        if split.units != whole.units { return "split: units differ" }
        if split.facts != whole.facts { return "split: facts differ" }
        if split.problems != whole.problems { return "split: problems differ" }
        if split.footer != whole.footer { return "split: footer differs" }
        if split.periods != whole.periods || split.targets != whole.targets || split.priceIndices != whole.priceIndices {
            return "split: periods, targets or price indices differ"
        }
        return nil
    }
}
