/// A JSON value with members in a fixed order, so that the text it renders is deterministic.
///
/// `JSONSerialization` neither keeps key order nor writes an exact decimal as a number; the
/// published JSON needs both (outputs.md: two runs over the same inputs give the same bytes).
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    /// A number literal, written as is: `12345.6789`, `-3.5`, `0`.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in the order given.
    case object([JSONMember])

    /// Whether `text` is a JSON number literal: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, no exponent.
    public static func isNumberLiteral(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integer = bytes.prefix { isDigit($0) }
        guard let first = integer.first else { return false }
        if first == UInt8(ascii: "0"), integer.count > 1 { return false }
        bytes = bytes.dropFirst(integer.count)
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: "."), bytes.count > 1 else { return false }
        return bytes.dropFirst().allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// One member of a JSON object: a key and its value.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
