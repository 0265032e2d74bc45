import ArgumentParser

/// The documented exit codes of every zonestat command (outputs.md, "Exit codes").
public enum ExitCodes {
    /// The run completed (warnings and quarantined files included: see the summary).
    public static let success: Int32 = 0
    /// An unexpected internal failure.
    public static let internalFailure: Int32 = 1
    /// The pipeline file is missing or invalid.
    public static let badPipeline: Int32 = 3
    /// The workspace or warehouse could not be read or written (disk, permissions), or the
    /// warehouse does not know what archive/ and out/ hold (run `zonestat rebuild`).
    public static let ioFailure: Int32 = 4
    /// Another run holds the workspace lock.
    public static let locked: Int32 = 5
    /// `--strict` was given and at least one file was quarantined.
    public static let quarantined: Int32 = 6
    /// Bad command-line usage (ArgumentParser's own code), and a unit or indicator `history` does not know.
    public static let usage: Int32 = 64

    /// What each code means, as `--help` says it.
    static let meanings: [(Int32, String)] = [
        (success, "the run completed (warnings and quarantined files are in the summary)"),
        (internalFailure, "internal failure"),
        (badPipeline, "bad or missing pipeline file"),
        (ioFailure, "a file, the workspace or the warehouse could not be read or written, or a warehouse that "
            + "lacks what archive/ and out/ hold (run `zonestat rebuild`)"),
        (locked, "another run holds the workspace lock"),
        (quarantined, "with --strict, some file was quarantined; with --check, some file would be"),
        (usage, "bad command-line usage"),
    ]

    /// The text `--help` shows: the codes `codes` a command can give, and only those.
    static func help(_ codes: [Int32], extra: [Int32: String] = [:]) -> String {
        "Exit codes: "
            + meanings.filter { codes.contains($0.0) }.map { code, meaning in
                "\(code) \(extra[code].map { meaning + "; " + $0 } ?? meaning)"
            }.joined(separator: "; ") + "."
    }

    /// Every code, for `zonestat` itself.
    static let all: [Int32] = meanings.map(\.0)
    /// A stage that writes the workspace (transform, load, rebuild): no quarantine code.
    static let stage: [Int32] = [success, internalFailure, badPipeline, ioFailure, locked, usage]
    /// Extract and run: the stage codes and --strict's.
    static let extract: [Int32] = [success, internalFailure, badPipeline, ioFailure, locked, quarantined, usage]
}
