/// The unit a money column is stated in: 元, 千元, 万元 or 亿元.
///
/// Enterprise forms report in 千元, zone reports in 万元 and 亿元 (statistics.md §6). An
/// amount is stored exactly in 1/10,000 元 whatever unit it came in (see ``Amount``); the
/// unit only says how to read and how to write it. The raw value is the English token used
/// in pipeline files and data outputs.
public enum MoneyUnit: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 元.
    case yuan = "yuan"
    /// 千元, 10³ 元: the unit of the enterprise forms.
    case thousandYuan = "thousand_yuan"
    /// 万元, 10⁴ 元: the default input unit and the unit of most zone tables.
    case tenThousandYuan = "10k_yuan"
    /// 亿元, 10⁸ 元: headline figures.
    case hundredMillionYuan = "100m_yuan"

    /// Reads a unit label as analysts write it: `元`, `千元`, `万元`, `亿元` (surrounding
    /// spaces and full-width forms allowed), or an English token `yuan`, `thousand_yuan`,
    /// `10k_yuan`, `100m_yuan` (any case). Nil for anything else.
    public init?(label: String) {
        let text = TextNormalization.trimmedHalfWidth(label)
        switch text {
        case "元": self = .yuan
        case "千元": self = .thousandYuan
        case "万元", "萬元": self = .tenThousandYuan
        case "亿元", "億元": self = .hundredMillionYuan
        default:
            guard let unit = MoneyUnit(rawValue: text.lowercased()) else { return nil }
            self = unit
        }
    }

    /// The Chinese label used in reports and headers: `元`, `千元`, `万元`, `亿元`.
    public var label: String {
        switch self {
        case .yuan: "元"
        case .thousandYuan: "千元"
        case .tenThousandYuan: "万元"
        case .hundredMillionYuan: "亿元"
        }
    }

    /// n such that one of this unit is 10ⁿ 元: 0, 3, 4, 8.
    public var yuanExponent: Int {
        switch self {
        case .yuan: 0
        case .thousandYuan: 3
        case .tenThousandYuan: 4
        case .hundredMillionYuan: 8
        }
    }

    /// The Chinese label.
    public var description: String { label }
}
