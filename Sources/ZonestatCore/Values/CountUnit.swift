/// The unit a count column is stated in: 家 (units, enterprises, projects) or 个 (items).
///
/// Counts are plain integers (new above-scale enterprises, signed projects); the unit is
/// kept so that reports can write `16家` or `18个` as the source did. The raw value is the
/// English token used in pipeline files.
public enum CountUnit: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 家: enterprises and other reporting units.
    case enterprises = "enterprises"
    /// 个: projects and other items.
    case items = "items"

    /// Reads `家` or `个` (surrounding spaces and full-width forms allowed), or the English
    /// token `enterprises` / `items` (any case). Nil for anything else.
    public init?(label: String) {
        let text = TextNormalization.trimmedHalfWidth(label)
        switch text {
        case "家": self = .enterprises
        case "个", "個": self = .items
        default:
            guard let unit = CountUnit(rawValue: text.lowercased()) else { return nil }
            self = unit
        }
    }

    /// The Chinese label: `家` or `个`.
    public var label: String {
        switch self {
        case .enterprises: "家"
        case .items: "个"
        }
    }

    /// The Chinese label.
    public var description: String { label }
}
