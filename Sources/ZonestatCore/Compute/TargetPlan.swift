/// The annual targets split into one entry per kind (statistics.md §4), with conflicts found.
///
/// A definition with both a level and a growth rate is two entries. Entries of the same year,
/// indicator and kind with different values conflict: each is still reported, with status
/// `n/a` and a `target_conflict` warning naming every source — never a silent choice.
struct TargetPlan: Sendable {
    /// The indicator id of the count target of new above-scale units.
    static let newUnitsId = "new_units"

    /// One target of one kind.
    struct Entry: Sendable, Hashable {
        var year: Int
        var indicator: String
        /// Index into `ComputeInput.indicators`, nil for `new_units`.
        var indicatorIndex: Int?
        var kind: TargetKind
        var amount: Amount?
        var count: Int?
        var growth: Ratio?
        var source: String
        /// The conflict this entry is part of (index into ``conflicts``).
        var conflict: Int?
    }

    /// Targets of one year, indicator and kind that disagree.
    struct Conflict: Sendable {
        var year: Int
        var indicator: String
        var kind: TargetKind
        /// `value (source)`, for the warning.
        var listing: String
    }

    /// Entries in row order: indicator (input order, `new_units` last), kind, source, value.
    let entries: [Entry]
    let conflicts: [Conflict]
    /// Targets that could not be used (unknown indicator, a kind the indicator cannot have).
    let warnings: [ComputeWarning]

    init(targets: [TargetDefinition], indicators: [IndicatorDefinition]) {
        var position: [String: Int] = [:]
        for (offset, indicator) in indicators.enumerated() where position[indicator.id] == nil {
            position[indicator.id] = offset
        }
        var entries = Set<Entry>()
        var warnings: [ComputeWarning] = []
        for target in targets {
            let (made, problems) = TargetPlan.entries(of: target, indicatorIndex: position[target.indicator])
            entries.formUnion(made)
            warnings += problems
        }
        var sorted = entries.sorted { TargetPlan.ordered($0, $1, indicatorCount: indicators.count) }
        var conflicts: [Conflict] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, TargetPlan.sameGroup(sorted[start], sorted[end]) { end += 1 }
            let values = Set(sorted[start..<end].map(TargetPlan.valueKey))
            if values.count > 1 {
                for offset in start..<end { sorted[offset].conflict = conflicts.count }
                let first = sorted[start]
                conflicts.append(
                    Conflict(
                        year: first.year, indicator: first.indicator, kind: first.kind,
                        listing: sorted[start..<end].map { "\(TargetPlan.valueText($0)) (\($0.source))" }
                            .joined(separator: ", ")))
            }
            start = end
        }
        self.entries = sorted
        self.conflicts = conflicts
        self.warnings = warnings
    }

    /// The entries of one definition, and why parts of it were not used.
    private static func entries(of target: TargetDefinition, indicatorIndex: Int?) -> ([Entry], [ComputeWarning]) {
        func entry(_ kind: TargetKind) -> Entry {
            Entry(
                year: target.year, indicator: target.indicator, indicatorIndex: indicatorIndex, kind: kind,
                amount: kind == .level ? target.amount : nil, count: kind == .count ? target.count : nil,
                growth: kind == .rate ? target.growthPercent : nil, source: target.source, conflict: nil)
        }
        if target.indicator == newUnitsId {
            var warnings: [ComputeWarning] = []
            if target.amount != nil || target.growthPercent != nil {
                warnings.append(.targetIgnored(target, code: "target_unsupported", reason: "new_units takes a count only"))
            }
            guard target.count != nil else {
                if warnings.isEmpty {
                    warnings.append(.targetIgnored(target, code: "target_unsupported", reason: "no count given"))
                }
                return ([], warnings)
            }
            return ([entry(.count)], warnings)
        }
        guard indicatorIndex != nil else {
            return ([], [.targetIgnored(target, code: "target_unknown_indicator", reason: "no such indicator in the pipeline")])
        }
        var made: [Entry] = []
        var warnings: [ComputeWarning] = []
        if target.amount != nil { made.append(entry(.level)) }
        if target.growthPercent != nil { made.append(entry(.rate)) }
        if target.count != nil {
            warnings.append(.targetIgnored(target, code: "target_unsupported", reason: "a count target needs new_units"))
        } else if made.isEmpty {
            warnings.append(.targetIgnored(target, code: "target_unsupported", reason: "neither a level nor a growth rate"))
        }
        return (made, warnings)
    }

    private static func sameGroup(_ lhs: Entry, _ rhs: Entry) -> Bool {
        lhs.year == rhs.year && lhs.indicator == rhs.indicator && lhs.kind == rhs.kind
    }

    /// The exact target value as text, for finding conflicts.
    private static func valueKey(_ entry: Entry) -> String {
        switch entry.kind {
        case .level: entry.amount.map { String($0.raw) } ?? "—"
        case .count: entry.count.map(String.init) ?? "—"
        case .rate: entry.growth.map(\.description) ?? "—"
        }
    }

    /// The target value as text, for the conflict warning.
    private static func valueText(_ entry: Entry) -> String {
        switch entry.kind {
        case .level: entry.amount.map { $0.description } ?? "—"
        case .count: entry.count.map(String.init) ?? "—"
        case .rate: entry.growth.map { "+" + $0.rounded(decimals: 4).description + "%" } ?? "—"
        }
    }

    /// Row order: year, indicator (input order, then `new_units`), kind, source, value.
    static func ordered(_ lhs: Entry, _ rhs: Entry, indicatorCount: Int) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        let left = lhs.indicatorIndex ?? indicatorCount
        let right = rhs.indicatorIndex ?? indicatorCount
        if left != right { return left < right }
        if lhs.kind != rhs.kind { return ComputeOrdering.rank(lhs.kind) < ComputeOrdering.rank(rhs.kind) }
        if lhs.source != rhs.source { return lhs.source < rhs.source }
        if lhs.amount != rhs.amount { return (lhs.amount?.raw ?? .min) < (rhs.amount?.raw ?? .min) }
        if lhs.count != rhs.count { return (lhs.count ?? .min) < (rhs.count ?? .min) }
        return (lhs.growth ?? Ratio(Int128.min)) < (rhs.growth ?? Ratio(Int128.min))
    }
}
