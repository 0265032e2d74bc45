import ZonestatCore

/// What a period cell holds, before any problem is reported: the wide reader keeps one per
/// distinct cell text, since a file repeats its period on every row.
enum PeriodCell {
    case period(Period)
    case empty
    case invalid(PeriodProblem, text: String)

    init(_ text: String) {
        if text.trimmingWhitespace.isEmpty {
            self = .empty
            return
        }
        switch PeriodParser.parse(text) {
        case .success(let period): self = .period(period)
        case .failure(let problem): self = .invalid(problem, text: text)
        }
    }
}
