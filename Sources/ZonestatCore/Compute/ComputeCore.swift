/// The compute core: the official statistics of a zone from its current facts, exactly
/// (statistics.md). Pure: values in, values out, no files, no SQLite.
///
/// The result is the same for any number of threads and any order of the facts.
public enum ComputeCore {
    /// Every row of every selected period: indicators, targets, roster and warnings, each
    /// list in its fixed order (period first).
    ///
    /// With every unit reporting every month the unit rows dominate memory (one
    /// ``IndicatorRow`` per unit, indicator and period); ``compute(_:options:eachPeriod:)``
    /// keeps only one period in memory at a time.
    public static func compute(_ input: ComputeInput, options: ComputeOptions) -> ComputeResult {
        ComputeRun(input: input, options: options).computeAll()
    }

    /// The same figures period by period: `eachPeriod` gets each selected period's rows and
    /// warnings in ascending period order, as soon as they are computed, so a caller can write
    /// them out and let them go. Returns the warnings tied to no computed period (target
    /// conflicts of a year without data, facts of a month that is no output period, …).
    ///
    /// Concatenating the periods' lists and adding the returned warnings (sorted as
    /// ``compute(_:options:)`` sorts them) gives exactly ``compute(_:options:)``.
    public static func compute(
        _ input: ComputeInput, options: ComputeOptions, eachPeriod: (Period, ComputeResult) throws -> Void
    ) rethrows -> [ComputeWarning] {
        try ComputeRun(input: input, options: options).stream(eachPeriod)
    }
}
