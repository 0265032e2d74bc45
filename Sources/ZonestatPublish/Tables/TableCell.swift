import ZonestatCore

/// One cell of a published table, typed so that the CSV and the JSON of a table say the same.
///
/// A number is kept as the exact decimal text it is published as (`12345.6789`, `51.0993`):
/// CSV writes the text, JSON writes it as a number literal, and binary floating point never
/// touches it (statistics.md §6).
public enum TableCell: Sendable, Hashable {
    /// Text: a CSV cell (quoted and neutralised as needed), a JSON string.
    case text(String)
    /// A decimal number as text, `-?digits[.digits]`: a plain CSV cell, a JSON number.
    case number(String)
    /// An undefined figure (base ≤ 0, no target): an empty CSV cell, JSON `null`.
    case empty

    /// A whole number, such as a count of units.
    public static func integer(_ value: Int) -> TableCell {
        .number(String(value))
    }

    /// An exact amount in `unit`, with as many decimals as it needs; empty when nil.
    public static func amount(_ sum: AmountSum?, in unit: MoneyUnit) -> TableCell {
        guard let sum else { return .empty }
        return .number(sum.decimalString(in: unit))
    }

    /// A percentage or percentage points, 4 decimals half away from zero; empty when undefined.
    public static func percent(_ ratio: Ratio?) -> TableCell {
        guard let ratio else { return .empty }
        return .number(ratio.rounded(decimals: 4).description)
    }

    /// A flag as outputs.md writes it: `1` or `0`.
    public static func flag(_ value: Bool) -> TableCell {
        .number(value ? "1" : "0")
    }

    /// Optional text: empty when nil.
    public static func optionalText(_ value: String?) -> TableCell {
        value.map(TableCell.text) ?? .empty
    }

    /// Optional whole number: empty when nil.
    public static func optionalInteger(_ value: Int?) -> TableCell {
        value.map(TableCell.integer) ?? .empty
    }

    /// The text a CSV cell holds (before quoting).
    var csvText: String {
        switch self {
        case .text(let text), .number(let text): text
        case .empty: ""
        }
    }

    /// The cell as a JSON value: a number only when its text is a valid JSON number.
    var jsonValue: JSONValue {
        switch self {
        case .text(let text): .string(text)
        case .number(let text): JSONValue.isNumberLiteral(text) ? .number(text) : .string(text)
        case .empty: .null
        }
    }
}
