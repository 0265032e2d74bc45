/// What extract did with one inbox file.
public enum FileOutcome: Sendable, Hashable {
    /// Stored in the warehouse and archived.
    case ingested(IngestCounts, warnings: Int)
    /// Rejected: moved to quarantine beside its errors report.
    case quarantined(errors: Int, report: String)
    /// The same content was ingested before (as `original`): archived, nothing stored again.
    case duplicate(original: String)
    /// A previous run stored it but stopped before moving it: only moved now.
    case repaired
}

/// One file's result, for the summary and the progress line.
public struct FileResult: Sendable, Hashable {
    public var name: String
    public var sha256: String
    public var bytes: Int
    public var rows: Int
    public var outcome: FileOutcome
    /// Where the file is now, relative to the workspace.
    public var storedAs: String
    /// Warnings and errors, to print.
    public var problems: [Problem]
    /// The form's footer lines, skipped (shown with `-v`).
    public var footer: [FooterLine] = []
}

/// What one extract run did.
public struct ExtractSummary: Sendable, Hashable {
    public var results: [FileResult] = []
    /// Files left in the inbox for a later run, with the reason.
    public var skipped: [String: SkipReason] = [:]
    /// Earlier quarantined files whose notices ended in this run (fixed version ingested, or deleted).
    public var settled: [SettledQuarantine] = []
    /// The system's reason for a file left because it could not be moved, by name.
    public var details: [String: String] = [:]
    public var seconds: Double = 0

    public var ingested: Int { results.filter { if case .ingested = $0.outcome { true } else { false } }.count }
    public var quarantined: Int { results.filter { if case .quarantined = $0.outcome { true } else { false } }.count }
    public var duplicates: Int { results.filter { if case .duplicate = $0.outcome { true } else { false } }.count }
    public var repaired: Int { results.filter { $0.outcome == .repaired }.count }
    /// Quarantined files held because they would change values already held (no correction).
    public var held: Int {
        results.filter {
            if case .quarantined = $0.outcome { $0.problems.contains { $0.code == .revisionConflict } } else { false }
        }.count
    }
    public var rows: Int { results.reduce(0) { $0 + $1.rows } }
    public var bytes: Int { results.reduce(0) { $0 + $1.bytes } }
    public var warnings: Int {
        results.reduce(0) { $0 + $1.problems.filter { !$0.isError }.count }
    }
    public var factsNew: Int {
        results.reduce(0) { if case .ingested(let c, _) = $1.outcome { $0 + c.factsNew } else { $0 } }
    }
    public var factsRevised: Int {
        results.reduce(0) { if case .ingested(let c, _) = $1.outcome { $0 + c.factsRevised } else { $0 } }
    }

    /// One line for logs and non-terminal output.
    public var line: String {
        var parts = [
            "extract: \(results.count) file(s) taken", "\(ingested) ingested", "\(rows) rows",
            "\(factsNew) new and \(factsRevised) revised values",
            "\(quarantined) quarantined" + (held > 0 ? " (\(held) held for revision conflicts)" : ""),
            "\(duplicates) duplicate(s)", "\(warnings) warning(s)",
        ]
        if repaired > 0 { parts.append("\(repaired) repaired") }
        if !skipped.isEmpty { parts.append("\(skipped.count) left for a later run") }
        let resolved = settled.count { $0.outcome == .resolved }, dismissed = settled.count - resolved
        if resolved > 0 { parts.append("\(resolved) earlier quarantined file(s) resolved by their fixed version") }
        if dismissed > 0 { parts.append("\(dismissed) earlier quarantined file(s) dismissed (deleted from quarantine/)") }
        return parts.joined(separator: ", ")
    }
}
