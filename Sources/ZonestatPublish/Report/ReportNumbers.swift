import ZonestatCore

/// How the written report states figures: levels in each indicator's display unit at its
/// display precision, rates to one decimal, all rounded half away from zero from exact
/// values (statistics.md §6), and undefined figures as `—`.
enum ReportNumbers {
    /// The mark for an undefined figure.
    static let undefined = "—"
    /// The mark for an estimated growth rate.
    static let estimateMark = "（估算）"

    /// `1月份`, `1-2月份`, `1-4月份`.
    static func periodPhrase(_ period: Period) -> String {
        period.month == 1 ? "1月份" : "1-\(period.month)月份"
    }

    /// `1月`, `1-4月`: the column heading form.
    static func periodLabel(_ period: Period) -> String {
        period.month == 1 ? "1月" : "1-\(period.month)月"
    }

    /// The level in the definition's display unit at its display precision, without the unit.
    static func level(_ sum: AmountSum, _ definition: IndicatorDefinition) -> FixedDecimal {
        sum.exactDecimal(in: definition.displayUnit).rounded(decimals: min(max(definition.displayPrecision, 0), 8))
    }

    /// `2.26亿元`.
    static func levelText(_ sum: AmountSum, _ definition: IndicatorDefinition) -> String {
        level(sum, definition).description + definition.displayUnit.label
    }

    /// An amount stated with as many decimals as it needs in the display unit (targets: `52亿元`).
    static func plainLevelText(_ sum: AmountSum, _ definition: IndicatorDefinition) -> String {
        sum.decimalString(in: definition.displayUnit) + definition.displayUnit.label
    }

    /// A rate to one decimal.
    static func rate(_ ratio: Ratio) -> FixedDecimal {
        ratio.rounded(decimals: 1)
    }

    /// A rate to one decimal as text, `—` when undefined.
    static func rateText(_ ratio: Ratio?) -> String {
        ratio.map { rate($0).description } ?? undefined
    }

    /// The magnitude of a displayed number: `-10.8` → `10.8`.
    static func magnitude(_ value: FixedDecimal) -> FixedDecimal {
        value.value < 0 ? -value : value
    }

    /// Whether a displayed number is zero.
    static func isZero(_ value: FixedDecimal) -> Bool {
        value.value == 0
    }

    /// A growth target as the source document writes it: `+30%`, `+12.5%`, `-5%`.
    static func signedTarget(_ percent: Ratio) -> String {
        let shown = trimmed(rate(percent))
        return percent.isNegative ? "\(shown)%" : "+\(shown)%"
    }

    /// A displayed number without trailing zeros after the point: `30.0` → `30`, `12.50` → `12.5`.
    static func trimmed(_ value: FixedDecimal) -> String {
        var text = value.description
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The year-over-year phrase: `同比增长51.1%`, `同比下降3.2%`, `同比增长1.5倍` (growth of
    /// 100% or more, X = ratio − 1), `同比持平`, or `同比增速—（上年同期无基数）`; with
    /// `（估算）` after an estimate.
    static func growthPhrase(_ percent: Ratio?, estimate: Bool) -> String {
        guard let percent else { return "同比增速\(undefined)（上年同期无基数）" }
        let mark = estimate ? estimateMark : ""
        if percent >= Ratio(100), let times = percent.divided(by: Ratio(100)) {
            return "同比增长\(times.rounded(decimals: 1))倍" + mark
        }
        let shown = rate(percent)
        if isZero(shown) { return "同比持平" + mark }
        if shown.value < 0 { return "同比下降\(magnitude(shown))%" + mark }
        return "同比增长\(shown)%" + mark
    }

    /// A rate for a table cell: `51.1`, `—`, `19.2（估算）`.
    static func rateCell(_ percent: Ratio?, estimate: Bool = false) -> String {
        guard let percent else { return undefined }
        return rate(percent).description + (estimate ? estimateMark : "")
    }
}
