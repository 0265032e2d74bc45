import ZonestatCore

/// A subset indicator above its total on the same row (tech investment above fixed investment).
enum SubsetCheck {
    static func check(
        _ values: [(indicator: String, basis: Basis, amount: Amount)], parents: [String: String], line: Int,
        period: Int, unitCode: String, cells: inout CellReader
    ) {
        guard !parents.isEmpty else { return }
        for value in values {
            guard let parent = parents[value.indicator],
                let total = values.first(where: { $0.indicator == parent && $0.basis == value.basis }),
                value.amount > total.amount
            else { continue }
            report(
                value.indicator, value.basis, value.amount, exceeds: parent, total.amount, line: line, period: period,
                unitCode: unitCode, cells: &cells)
        }
    }

    /// Reports `indicator` (on `basis`) above its `parent`'s `total`.
    static func report(
        _ indicator: String, _ basis: Basis, _ amount: Amount, exceeds parent: String, _ total: Amount, line: Int,
        period: Int, unitCode: String, cells: inout CellReader
    ) {
        cells.report(
            .subsetExceedsTotal, line: line, column: nil, value: unitCode, period: period,
            "分项“\(indicator)”（\(amount.decimalString(in: .tenThousandYuan))万元）大于其总量“\(parent)”"
                + "（\(total.decimalString(in: .tenThousandYuan))万元）：请核对这两个数 / "
                + "\(indicator) \(basis.id) (\(amount.decimalString(in: .tenThousandYuan)) 万元) exceeds "
                + "\(parent) (\(total.decimalString(in: .tenThousandYuan)) 万元), of which it is a part — check both cells")
    }
}
