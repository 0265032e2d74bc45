/// The warnings the compute core raises (statistics.md §8), each pointing at where it came from.
extension ComputeWarning {
    static func duplicateFact(
        period: Period, indicator: IndicatorDefinition, code: String, basis: Basis, count: Int, lowest: Amount,
        highest: Amount
    ) -> ComputeWarning {
        ComputeWarning(
            period: period, indicator: indicator.id, code: "duplicate_fact", scope: code,
            message: "\(count) \(basis.id) values of \(indicator.id) for \(period), from "
                + "\(lowest.decimalString(in: indicator.unit)) to \(highest.decimalString(in: indicator.unit)) "
                + "\(indicator.unit.label): the largest is used — keep one current value per unit, period and basis")
    }

    static func amountOverflow(period: Period, indicator: String, code: String, what: String) -> ComputeWarning {
        ComputeWarning(
            period: period, indicator: indicator, code: "amount_overflow", scope: code,
            message: "the \(what) of \(indicator) summed from monthly values is too large from \(period) on: "
                + "those months are left out — check the amounts and their unit")
    }

    static func factOutOfRange(_ fact: Fact, units: Int, indicators: [IndicatorDefinition]) -> ComputeWarning {
        let indicator = Int(fact.indicator)
        return ComputeWarning(
            period: fact.period, indicator: indicators.indices.contains(indicator) ? indicators[indicator].id : nil,
            code: "fact_out_of_range", scope: "",
            message: "a fact refers to unit #\(fact.unit) of \(units) and indicator #\(fact.indicator) of "
                + "\(indicators.count): it is ignored")
    }

    static func subsetExceedsTotal(
        period: Period, subset: IndicatorDefinition, total: IndicatorDefinition, scope: String, part: Int128,
        whole: Int128
    ) -> ComputeWarning {
        ComputeWarning(
            period: period, indicator: subset.id, code: "subset_exceeds_total", scope: scope,
            message: "\(subset.id) ytd \(AmountSum(raw: part).decimalString(in: subset.unit)) \(subset.unit.label) "
                + "exceeds its total \(total.id) ytd \(AmountSum(raw: whole).decimalString(in: total.unit)) "
                + "\(total.unit.label) — a part cannot exceed its whole: check both figures")
    }

    static func ytdFell(
        period: Period, indicator: IndicatorDefinition, code: String, previous: Int64, current: Int64
    ) -> ComputeWarning {
        ComputeWarning(
            period: period, indicator: indicator.id, code: "ytd_fell", scope: code,
            message: "ytd fell from \(Amount(raw: previous).decimalString(in: indicator.unit)) to "
                + "\(Amount(raw: current).decimalString(in: indicator.unit)) \(indicator.unit.label) since last month: "
                + "a cumulative figure should not fall within a year — check both reports")
    }

    static func pullsDoNotAddUp(zone: IndicatorRow, scope: ScopeKind) -> ComputeWarning {
        ComputeWarning(
            period: zone.period, indicator: zone.indicator, code: "pulls_do_not_add_up", scope: scope.rawValue,
            message: "the pulls of the \(scope.rawValue) rows do not add up to the zone growth "
                + "\(zone.ytdYoYPercent.map { $0.rounded(decimals: 4).description } ?? "—") — a defect of the compute core")
    }

    static func sharesDoNotAddUp(zone: IndicatorRow, scope: ScopeKind) -> ComputeWarning {
        ComputeWarning(
            period: zone.period, indicator: zone.indicator, code: "shares_do_not_add_up", scope: scope.rawValue,
            message: "the shares of growth of the \(scope.rawValue) rows do not add up to 100 — a defect of the compute core")
    }

    static func targetConflict(period: Period?, year: Int, indicator: String, kind: TargetKind, listing: String)
        -> ComputeWarning
    {
        ComputeWarning(
            period: period, indicator: indicator, code: "target_conflict", scope: "zone",
            message: "\(year) \(indicator) has conflicting \(kind.rawValue) targets: \(listing) — none is used "
                + "(status n/a); keep one target per indicator, year and kind")
    }

    static func targetIgnored(_ target: TargetDefinition, code: String, reason: String) -> ComputeWarning {
        ComputeWarning(
            period: nil, indicator: target.indicator, code: code, scope: "zone",
            message: "\(target.year) target of \(target.indicator) from \(target.source): \(reason)")
    }

    static func priceIndexInvalid(_ entry: PriceIndex, reason: String) -> ComputeWarning {
        ComputeWarning(
            period: entry.period, indicator: PriceDeflator.indicatorId, code: "price_index_invalid", scope: "zone",
            message: "price index \(entry.index.rounded(decimals: 4)) for division \(entry.division ?? "all industry") "
                + "is ignored: \(reason)")
    }

    static func priceIndexConflict(period: Period, divisions: [Int]) -> ComputeWarning {
        ComputeWarning(
            period: period, indicator: PriceDeflator.indicatorId, code: "price_index_conflict", scope: "zone",
            message: "different price indices for \(divisionList(divisions)): value added is not deflated for "
                + "\(period) — keep one index per period and division")
    }

    static func priceIndexMissing(period: Period, divisions: [Int]) -> ComputeWarning {
        ComputeWarning(
            period: period, indicator: PriceDeflator.indicatorId, code: "price_index_missing", scope: "zone",
            message: "no price index for \(divisionList(divisions)) and no all-industry index: value added is "
                + "not deflated for \(period) — supply the missing indices")
    }

    private static func divisionList(_ divisions: [Int]) -> String {
        divisions.map { $0 == 0 ? "all industry / unknown" : "division " + UnitCatalog.divisionId($0) }
            .joined(separator: ", ")
    }
}
