import Foundation
import Logging
import Synchronization
import Testing

@testable import ZonestatCommands
@testable import ZonestatPipeline

/// A log handler that keeps what reaches it.
private final class Recorder: LogHandler, @unchecked Sendable {
    // `@unchecked Sendable`: `lines` is guarded by `lock`.
    let lock = NSLock()
    var lines: [String] = []
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        lock.lock()
        defer { lock.unlock() }
        lines.append("\(event.message) \(event.metadata?["file"].map { "\($0)" } ?? "")")
    }
}

@Suite("A file name cannot forge a log line or drive the terminal")
struct EscapedOutputTests {
    @Test func theLogEscapesMessagesAndMetadata() {
        let recorder = Recorder()
        let logger = Logger(label: "t") { _ in EscapingLogHandler(wrapping: recorder) }
        logger.warning("quarantined", metadata: ["file": "x\n2026-12-03 INFO ingested\u{1B}[2J.csv"])
        #expect(recorder.lines == ["quarantined x\\n2026-12-03 INFO ingested\\e[2J.csv"])
    }

    @Test func printedLinesEscapeEverythingButTheirOwnLineEnds() {
        #expect(Terminal.safe("  quarantined \u{1B}]0;owned\u{07}.csv\nnext") == "  quarantined \\e]0;owned\\x07.csv\nnext")
    }

    @Test func problemsEscapeTheNameAndTheValue() {
        let problem = Problem(file: "a\nb.csv", line: 3, column: "名称", value: "\u{1B}[31m", code: .badNumber, message: "m")
        #expect(problem.description == "a\\nb.csv:3: column 名称: \"\\e[31m\": error[bad_number]: m")
    }
}
