/// A reporting period: a year and its end month, the year to date through that month.
///
/// `2023-04` means 1-4月 (statistics.md §1); January and February merge into `YYYY-02` for
/// most indicators, but the type itself allows every month. Periods order by time and
/// encode as their text, `"2023-04"`.
public struct Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year, 1…9999.
    public let year: Int
    /// The end month, 1…12.
    public let month: Int

    /// The period ending in `month` of `year`; nil unless month is 1…12 and year 1…9999.
    /// (Parsing cells is stricter about the year: see ``PeriodParser``.)
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// `year × 100 + month` (`202304`): a compact, ordered key for storage and lookups.
    public var key: Int { year * 100 + month }

    /// The period of a ``key``, or nil when it is not one.
    /// A year and month taken from a period already made (a ``Fact``'s), not checked again.
    init(checkedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public init?(key: Int) {
        self.init(year: key / 100, month: key % 100)
    }

    /// The period one month earlier in the same year, or nil for January: year-to-date
    /// figures restart each year, so month(N) = ytd(N) − ytd(N−1) only within a year.
    public var previous: Period? {
        Period(year: year, month: month - 1)
    }

    /// The period one month later in the same year, or nil for December.
    public var next: Period? {
        Period(year: year, month: month + 1)
    }

    /// The same end month one year earlier: where the base of a growth rate comes from.
    public var sameMonthLastYear: Period? {
        Period(year: year - 1, month: month)
    }

    /// `2023-04`.
    public var description: String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(monthText)"
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        lhs.key < rhs.key
    }

    /// Decodes the text `"2023-04"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]),
            let period = Period(year: year, month: month)
        else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a period: expected YYYY-MM, such as 2023-04")
        }
        self = period
    }

    /// Encodes the text `"2023-04"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
