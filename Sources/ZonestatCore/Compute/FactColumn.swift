/// Which current values exist for one (period, indicator, basis), and how many: what the core
/// plans its periods from before it reads any value (statistics.md §1: a month is an output
/// period when some unit has a ytd in it, given or summed from months).
public struct FactColumnKey: Sendable, Hashable {
    public var period: Period
    /// Index into `ComputeInput.indicators`.
    public var indicator: Int
    public var basis: Basis
    /// Values in the column; a key with none is as if absent.
    public var count: Int

    public init(period: Period, indicator: Int, basis: Basis, count: Int) {
        self.period = period
        self.indicator = indicator
        self.basis = basis
        self.count = count
    }
}

/// The current values of one (period, indicator, basis) as columns: the warehouse's current
/// block with its unit ids turned into positions in `ComputeInput.units`.
///
/// At most one value per unit (the warehouse's blocks guarantee it; ``FactArrayReader`` keeps
/// the largest of duplicates and says so). Units in any order.
public struct FactColumn: Sendable, Hashable {
    public var period: Period
    /// Index into `ComputeInput.indicators`.
    public var indicator: Int
    public var basis: Basis
    /// Index into `ComputeInput.units` of each value.
    public var units: [Int32]
    /// `Amount.raw` of each value, in the order of `units`.
    public var amounts: [Int64]

    public init(period: Period, indicator: Int, basis: Basis, units: [Int32], amounts: [Int64]) {
        self.period = period
        self.indicator = indicator
        self.basis = basis
        self.units = units
        self.amounts = amounts
    }
}

/// Where the compute core reads current values from, one indicator and year at a time, so that
/// only the years a period reads are ever in memory (issue 13: nation size within 1 GiB).
///
/// ``columns(indicator:year:)`` is called only on the thread that called
/// ``ComputeCore/compute(_:values:options:eachPeriod:)``, never concurrently: a reader may hold a
/// database connection bound to that thread.
public protocol CurrentValueReader {
    /// Every (period, indicator, basis) that holds values, in any order.
    var keys: [FactColumnKey] { get }
    /// The columns of `indicator` (index into `ComputeInput.indicators`) in `year`, in any order.
    func columns(indicator: Int, year: Int) -> [FactColumn]
}
