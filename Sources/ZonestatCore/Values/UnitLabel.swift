/// Any unit a `unit` cell or a header's parentheses may name: money or count.
///
/// The long layout's `unit` column and target files mix both kinds (`万元` for an amount
/// target, `家` for new enterprises). Parse with ``init(label:)``, then switch on the kind:
/// an amount indicator needs ``money``, a count indicator ``count``.
public enum UnitLabel: Sendable, Hashable, CustomStringConvertible {
    /// A money unit: 元, 千元, 万元, 亿元.
    case money(MoneyUnit)
    /// A count unit: 家, 个.
    case count(CountUnit)

    /// Reads any label ``MoneyUnit/init(label:)`` or ``CountUnit/init(label:)`` accepts.
    public init?(label: String) {
        if let money = MoneyUnit(label: label) {
            self = .money(money)
        } else if let count = CountUnit(label: label) {
            self = .count(count)
        } else {
            return nil
        }
    }

    /// The money unit, or nil for a count unit.
    public var money: MoneyUnit? {
        if case .money(let unit) = self { return unit }
        return nil
    }

    /// The count unit, or nil for a money unit.
    public var count: CountUnit? {
        if case .count(let unit) = self { return unit }
        return nil
    }

    /// The Chinese label.
    public var label: String {
        switch self {
        case .money(let unit): unit.label
        case .count(let unit): unit.label
        }
    }

    /// The Chinese label.
    public var description: String { label }
}
