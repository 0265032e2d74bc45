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

    /// The text `--help` shows.
    static let help = """
        Exit codes: 0 the run completed (warnings and quarantined files are in the summary); \
        1 internal failure; 3 bad pipeline file; 4 workspace or warehouse I/O failure, or a warehouse that \
        lacks what archive/ and out/ hold (run `zonestat rebuild`); \
        5 another run holds the workspace lock; 6 with --strict, some file was quarantined; \
        64 bad command-line usage.
        """
}
