/// The fixed orders of the result's lists, so that the result never depends on the order of
/// the input facts or on threads.
struct ComputeOrdering: Sendable {
    /// Indicator ids in input order (for sorting warnings).
    private let indicatorRank: [String: Int]

    init(indicators: [IndicatorDefinition]) {
        var rank: [String: Int] = [:]
        for (offset, indicator) in indicators.enumerated() where rank[indicator.id] == nil {
            rank[indicator.id] = offset
        }
        rank[TargetPlan.newUnitsId] = rank[TargetPlan.newUnitsId] ?? indicators.count
        indicatorRank = rank
    }

    /// Target kinds in row order: level, rate, count.
    static func rank(_ kind: TargetKind) -> Int {
        switch kind {
        case .level: 0
        case .rate: 1
        case .count: 2
        }
    }

    /// Warnings by period (none first), code, indicator (none first, then input order, then
    /// unknown ids by name), scope, message.
    func sorted(_ warnings: [ComputeWarning]) -> [ComputeWarning] {
        warnings.sorted(by: listedBefore)
    }

    func listedBefore(_ lhs: ComputeWarning, _ rhs: ComputeWarning) -> Bool {
        if lhs.period != rhs.period {
            guard let left = lhs.period else { return true }
            guard let right = rhs.period else { return false }
            return left < right
        }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        if lhs.indicator != rhs.indicator {
            let left = indicatorKey(lhs.indicator)
            let right = indicatorKey(rhs.indicator)
            if left.rank != right.rank { return left.rank < right.rank }
            return left.name < right.name
        }
        if lhs.scope != rhs.scope { return lhs.scope < rhs.scope }
        return lhs.message < rhs.message
    }

    private func indicatorKey(_ id: String?) -> (rank: Int, name: String) {
        guard let id else { return (-1, "") }
        return (indicatorRank[id] ?? Int.max, id)
    }
}
