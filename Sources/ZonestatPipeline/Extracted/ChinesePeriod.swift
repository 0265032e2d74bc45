import ZonestatCore

/// A period as analysts write it: `2023年5月` (`2023年1-5月` for a year to date).
enum ChinesePeriod {
    static func text(_ period: Period) -> String { "\(period.year)年\(period.month)月" }
}
