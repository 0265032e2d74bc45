import Logging
import ZonestatCore

/// A log handler that escapes control characters in every message and metadata value before
/// handing them on (a file name with a newline or a terminal escape cannot forge a log line
/// or rewrite the screen). The executables bootstrap it around swift-log's stream handler.
public struct EscapingLogHandler: LogHandler {
    private var inner: any LogHandler

    public init(wrapping inner: any LogHandler) { self.inner = inner }

    /// Standard error, escaped: what the executables use.
    public static func standardError(label: String) -> EscapingLogHandler {
        EscapingLogHandler(wrapping: StreamLogHandler.standardError(label: label))
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(EscapingLogHandler.escape(event.message.description))"
        event.metadata = event.metadata.map { $0.mapValues(EscapingLogHandler.escape) }
        inner.log(event: event)
    }

    static func escape(_ text: String) -> String { EscapedText.escaping(text) }

    static func escape(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(EscapedText.escaping(text))
        case .stringConvertible(let value): .string(EscapedText.escaping(value.description))
        case .array(let values): .array(values.map(escape))
        case .dictionary(let values): .dictionary(values.mapValues(escape))
        }
    }
}
