import Foundation
import ZonestatCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command's words go: results to standard output, progress and errors to standard error.
enum Terminal {
    /// Whether standard error is a terminal (progress is shown only there).
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// Prints `text` and a line end; control characters in it other than line ends are escaped
    /// (a file name or cell value cannot move the cursor, recolour, or forge a line).
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((safe(text) + "\n").utf8))
    }

    /// Bytes as they are (a CSV file, a table that ends its own lines).
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("zonestat: error: " + safe(text) + "\n").utf8))
    }

    /// `text` with every control character escaped but the line ends the caller wrote.
    static func safe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { EscapedText.escaping(String($0)) }
            .joined(separator: "\n")
    }

    /// Rewrites the current terminal line.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + EscapedText.escaping(text)).utf8))
    }

    static func endProgress() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
