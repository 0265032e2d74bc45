/// The roster and breadth counts of one scope (zone or industry) for one period.
struct RosterCounts {
    var units = 0
    var newUnits = 0
    var exitedUnits = 0
    var growing = 0
    var declining = 0
    var unchanged = 0
    var noBase = 0

    /// Whether the scope has a row: a unit reporting now, or one that left since last year.
    var hasRow: Bool { units > 0 || exitedUnits > 0 }

    /// Counts the growth of one unit of the breadth indicator (statistics.md §5): units with
    /// no base (≤ 0) are counted apart and are in no share.
    @inline(__always)
    mutating func addBreadth(current: Int128, base: Int128) {
        if base <= 0 {
            noBase += 1
        } else if current > base {
            growing += 1
        } else if current < base {
            declining += 1
        } else {
            unchanged += 1
        }
    }

    func row(period: Period, scope: ScopeKind, id: String, name: String, indicator: String) -> RosterRow {
        let measured = Int128(growing + declining + unchanged)
        return RosterRow(
            period: period, scope: scope, scopeId: id, scopeName: name, units: units, newUnits: newUnits,
            exitedUnits: exitedUnits, netUnits: newUnits - exitedUnits, growingUnits: growing,
            decliningUnits: declining, unchangedUnits: unchanged, noBaseUnits: noBase,
            growingSharePercent: Ratio.percent(part: Int128(growing), whole: measured),
            decliningSharePercent: Ratio.percent(part: Int128(declining), whole: measured), indicator: indicator)
    }
}
