/// Which figure of a unit's report a value is: this month, the year to date, or last year's
/// same-period figures as reported on this year's form (inputs.md, "Kind 1").
public enum Basis: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// This month (本月, 当月).
    case month = 0
    /// This year, month 1 through the period's month (1-本月, 本年累计).
    case ytd = 1
    /// The same month of last year, as reported this year (上年同月).
    case baseMonth = 2
    /// The same period of last year, as reported this year (上年同期累计).
    case baseYtd = 3

    /// The identifier used in files, configuration and the warehouse documentation.
    public var id: String {
        switch self {
        case .month: "month"
        case .ytd: "ytd"
        case .baseMonth: "base_month"
        case .baseYtd: "base_ytd"
        }
    }

    public var description: String { id }

    /// The basis with this identifier (`month`, `ytd`, `base_month`, `base_ytd`).
    public init?(id: String) {
        guard let basis = Basis.allCases.first(where: { $0.id == id }) else { return nil }
        self = basis
    }

    /// Whether this is last year's figure (a base) rather than this year's.
    public var isBase: Bool { self == .baseMonth || self == .baseYtd }
}
