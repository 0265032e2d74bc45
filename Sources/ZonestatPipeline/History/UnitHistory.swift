import ZonestatCore
import ZonestatPublish

/// `zonestat history`: every vintage of one unit's values — what each file said, from which
/// line, in which run — and which one is current (outputs.md, "zonestat history").
public struct UnitHistory: Sendable, Hashable {
    public var unit: StoredUnit
    public var vintages: [FactVintage]

    public init(unit: StoredUnit, vintages: [FactVintage]) {
        self.unit = unit
        self.vintages = vintages
    }

    /// The unit's history, optionally of one period and one indicator; nil when no file ever
    /// named the unit.
    public static func read(
        _ warehouse: Warehouse, creditCode: String, period: Period? = nil, indicator: String? = nil
    ) throws(WarehouseError) -> UnitHistory? {
        guard let unit = try warehouse.unit(creditCode: creditCode) else { return nil }
        return UnitHistory(
            unit: unit, vintages: try warehouse.factHistory(creditCode: creditCode, period: period, indicator: indicator))
    }

    /// The CSV columns, in order.
    public static let columns = [
        "credit_code", "unit_name", "period", "indicator", "indicator_name", "basis", "amount", "unit", "file", "line",
        "run_id", "recorded_at", "current", "superseded_by",
    ]

    /// The history as a table for tools: amounts in each indicator's published unit, written as
    /// indicators.csv writes them.
    public func table(indicators: [IndicatorSpec]) -> PublishedTable {
        PublishedTable(
            columns: UnitHistory.columns,
            rows: vintages.map { vintage in
                let spec = indicators.first { $0.id == vintage.indicator }
                let unit = spec?.unit ?? .tenThousandYuan
                return [
                    .text(self.unit.creditCode), .text(self.unit.name), .text(vintage.period.description),
                    .text(vintage.indicator), .text(spec?.name ?? vintage.indicator), .text(vintage.basis.id),
                    .amount(AmountSum(vintage.amount), in: unit), .text(unit.label), .text(vintage.fileName),
                    .integer(vintage.line), .text(vintage.runId), .text(vintage.recordedAt), .flag(vintage.isCurrent),
                    .optionalText(vintage.supersededBy),
                ]
            })
    }

    /// The history for people: a heading, then aligned columns with Chinese heads.
    public func text(indicators: [IndicatorSpec]) -> String {
        var heading = "\(unit.name)（\(unit.creditCode)）"
        guard !vintages.isEmpty else {
            return heading + "：没有符合条件的数据（no values for this unit with these filters）\n"
        }
        let current = vintages.count { $0.isCurrent }
        heading += "：\(vintages.count) 个版本，其中现行 \(current) 个\n"
        let heads = ["期别", "指标", "口径", "数值", "单位", "来源文件", "行", "运行", "记录时间", "状态"]
        let rows: [[String]] = vintages.map { vintage in
            let spec = indicators.first { $0.id == vintage.indicator }
            let unit = spec?.unit ?? .tenThousandYuan
            return [
                vintage.period.description, spec?.name ?? vintage.indicator, RevisionConflictReport.basisName(vintage.basis),
                // As TableCell.amount writes it into indicators.csv.
                AmountSum(vintage.amount).decimalString(in: unit), unit.label, vintage.fileName, String(vintage.line),
                vintage.runId, vintage.recordedAt, vintage.supersededBy.map { "已被 \($0) 修订" } ?? "现行",
            ]
        }
        return heading + TextTable.render(heads: heads, rows: rows, rightAligned: [3, 6])
    }
}
