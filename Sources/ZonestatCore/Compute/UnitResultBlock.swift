/// The unit rows of one indicator in one period, typed and exact, as columns: what the
/// kernel computed for each reporting unit, in row order (by credit code).
///
/// Growth, increment, pull and share are not stored: ``row(at:code:name:)`` derives them
/// from the unit's figures and the zone's totals with the formulas of every other scope,
/// so a unit's published row is the same whether it is rendered now or after a round trip
/// through the warehouse.
public struct UnitResultBlock: Sendable, Hashable {
    public var period: Period
    /// The indicator's id.
    public var indicator: String
    /// Growths at comparable prices (value added deflated by PPI): ``real`` is the current figure.
    public var deflated: Bool
    /// The zone's totals over the same units: Σ ytd, Σ base, Σ real (0 unless deflated).
    public var zoneYtd: Int128
    public var zoneBase: Int128
    public var zoneReal: Int128
    /// Each unit's ``UnitInfo/id``, in row order.
    public var unitIds: [Int64]
    /// ytd(N), given or derived.
    public var ytd: [Int64]
    /// base(N), same caliber.
    public var base: [Int64]
    /// This month's figure (ytd(N) − ytd(N−1)).
    public var month: [Int128]
    /// This month's base.
    public var monthBase: [Int128]
    /// ytd at comparable prices in 1/``DeflationTable/scale`` raw steps; empty unless ``deflated``.
    public var real: [Int128]

    public init(
        period: Period, indicator: String, deflated: Bool, zoneYtd: Int128, zoneBase: Int128, zoneReal: Int128,
        unitIds: [Int64] = [], ytd: [Int64] = [], base: [Int64] = [], month: [Int128] = [], monthBase: [Int128] = [],
        real: [Int128] = []
    ) {
        self.period = period
        self.indicator = indicator
        self.deflated = deflated
        self.zoneYtd = zoneYtd
        self.zoneBase = zoneBase
        self.zoneReal = zoneReal
        self.unitIds = unitIds
        self.ytd = ytd
        self.base = base
        self.month = month
        self.monthBase = monthBase
        self.real = real
    }

    /// Units in the block.
    public var count: Int { unitIds.count }

    /// Whether every column has one value per unit (``real`` only when deflated): the pairing
    /// a reader checks before trusting offsets into the columns.
    public var isWellFormed: Bool {
        let count = unitIds.count
        return ytd.count == count && base.count == count && month.count == count && monthBase.count == count
            && real.count == (deflated ? count : 0)
    }

    /// Room for `count` units in every column.
    mutating func reserveCapacity(_ count: Int) {
        unitIds.reserveCapacity(count)
        ytd.reserveCapacity(count)
        base.reserveCapacity(count)
        month.reserveCapacity(count)
        monthBase.reserveCapacity(count)
        if deflated { real.reserveCapacity(count) }
    }

    /// Appends one unit's figures.
    mutating func append(unitId: Int64, _ figures: UnitFigures, real: Int128) {
        unitIds.append(unitId)
        ytd.append(figures.ytd)
        base.append(figures.base)
        month.append(figures.month)
        monthBase.append(figures.monthBase)
        if deflated { self.real.append(real) }
    }

    /// The row of the unit at `offset` (`0 ..< count`, well-formed block), exactly as the
    /// kernel builds every scope's row; `code` and `name` are the unit's.
    public func row(at offset: Int, code: String, name: String) -> IndicatorRow {
        var zone = ScopeTotals()
        zone.ytd = zoneYtd
        zone.base = zoneBase
        zone.real = zoneReal
        let builder = IndicatorRowBuilder(period: period, indicator: indicator, zone: zone, deflated: deflated)
        var unit = ScopeTotals()
        unit.units = 1
        unit.ytd = Int128(ytd[offset])
        unit.base = Int128(base[offset])
        unit.month = month[offset]
        unit.monthBase = monthBase[offset]
        unit.real = deflated ? real[offset] : 0
        return builder.row(scope: .unit, id: code, name: name, totals: unit)
    }

    /// Every unit's row, in block order, named from `units` (by ``UnitInfo/id``; a unit not
    /// there gets an empty code and name). Empty for a block that is not well-formed.
    public func rows(_ units: [Int64: UnitInfo]) -> [IndicatorRow] {
        guard isWellFormed else { return [] }
        return unitIds.indices.map { offset in
            let info = units[unitIds[offset]]
            return row(at: offset, code: info?.code ?? "", name: info?.name ?? "")
        }
    }
}
