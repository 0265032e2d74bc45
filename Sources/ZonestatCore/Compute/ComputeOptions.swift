/// How to run the compute core: how many threads, which periods to produce, and which
/// indicator breadth (增长面/下降面) is measured on.
///
/// The result never depends on `threads`; `periods` only selects which rows are produced, so
/// an incremental run gets exactly the rows a full run would have for those periods.
public struct ComputeOptions: Sendable, Hashable {
    /// Worker threads; values below 1 count as 1.
    public var threads: Int
    /// Produce rows for these periods only (an incremental transform); nil for every period.
    public var periods: Set<Period>?
    /// The indicator breadth is measured on; the first indicator when absent from the input.
    public var breadthIndicator: String

    public init(threads: Int = 1, periods: Set<Period>? = nil, breadthIndicator: String = "output_value") {
        self.threads = threads
        self.periods = periods
        self.breadthIndicator = breadthIndicator
    }

    /// `threads`, at least 1.
    var workerCount: Int { max(1, threads) }

    /// Whether rows of `period` are wanted.
    func includes(_ period: Period) -> Bool {
        periods?.contains(period) ?? true
    }
}
