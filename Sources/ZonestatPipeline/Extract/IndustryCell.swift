import ZonestatCore

/// What an industry cell holds, before any problem is reported (kept per distinct text, as
/// ``PeriodCell``).
enum IndustryCell {
    case empty
    case code(String)
    /// Not a code; the trimmed text.
    case invalid(String)

    init(_ text: String) {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty {
            self = .empty
        } else if let code = IndustryCode.normalize(trimmed) {
            self = .code(code.code)
        } else {
            self = .invalid(trimmed)
        }
    }
}
