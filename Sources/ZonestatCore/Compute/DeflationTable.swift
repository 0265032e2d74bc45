/// The price indices of one period, by industry division: how value added at current prices
/// is turned into comparable prices (statistics.md §3).
///
/// A unit's real ytd is ytd / P with P = index / 100 of its division, else of all industry.
/// Each unit's real ytd is rounded half away from zero to 1/``scale`` of a raw step (10⁻¹² 元)
/// and every scope sums those, so the pulls of industries, areas and units still add up
/// exactly to the zone's real growth.
struct DeflationTable: Sendable {
    /// Raw steps are multiplied by this before dividing by P.
    static let scale: Int128 = 100_000_000

    /// ytd × 100 × scale × denominator / numerator of the index.
    struct Factor: Sendable, Hashable {
        let multiplier: Int128
        let divisor: Int128
    }

    /// By division number 0 (unknown: all industry) … 97; nil where no index applies.
    let factors: [Factor?]

    /// `byDivision` maps division numbers to indices; `allIndustry` applies where none is given.
    /// Indices must be in 1…10000 with a denominator ≤ 10⁶ (checked by ``PriceDeflator``), so no
    /// product overflows.
    init(allIndustry: Ratio?, byDivision: [Int: Ratio]) {
        factors = (0..<UnitCatalog.divisionSlots).map { division in
            guard let index = byDivision[division] ?? allIndustry else { return nil }
            return Factor(multiplier: 100 * DeflationTable.scale * index.denominator, divisor: index.numerator)
        }
    }

    /// Whether every unit of `series` reporting in `month` has an index; else the divisions
    /// that lack one, ascending.
    func missingDivisions(series: UnitYearSeries, month: Int, catalog: UnitCatalog) -> [Int] {
        var missing = Set<Int>()
        for slot in series.units.indices where series.hasYtd(slot: slot, month: month) {
            let division = Int(catalog.divisionOfUnit[Int(series.units[slot])])
            if factors[division] == nil { missing.insert(division) }
        }
        return missing.sorted()
    }

    /// The unit's ytd at comparable prices, in 1/``scale`` raw steps, rounded half away from zero.
    @inline(__always)
    func real(ytd: Int64, division: Int) -> Int128 {
        guard let factor = factors[division] else { return 0 }
        let (quotient, remainder) = (Int128(ytd) * factor.multiplier).quotientAndRemainder(dividingBy: factor.divisor)
        guard remainder.magnitude >= factor.divisor.magnitude - remainder.magnitude else { return quotient }
        return remainder < 0 ? quotient - 1 : quotient + 1
    }
}
