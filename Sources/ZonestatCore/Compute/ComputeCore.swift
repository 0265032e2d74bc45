/// The compute core: the official statistics of a zone from its current facts, exactly
/// (statistics.md). Pure: values in, values out, no files, no SQLite.
///
/// The result is the same for any number of threads and any order of the facts.
public enum ComputeCore {
    /// Every row of every selected period from `input.facts`: indicators, targets, roster and
    /// warnings, each list in its fixed order (period first).
    public static func compute(_ input: ComputeInput, options: ComputeOptions) -> ComputeResult {
        let reader = FactArrayReader(input: input)
        return ComputeRun(input: input, keys: reader.keys, readerWarnings: reader.warnings, options: options)
            .computeAll(reader: reader)
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
        let reader = FactArrayReader(input: input)
        return try ComputeRun(input: input, keys: reader.keys, readerWarnings: reader.warnings, options: options)
            .stream(reader: reader, eachPeriod)
    }

    /// The same, with the current values read from `values` a year at a time instead of
    /// `input.facts` (which is then ignored): only the years being computed are in memory, the
    /// columns of one indicator and year at a time as they are turned into series.
    /// `values.columns` is called on this thread only.
    public static func compute(
        _ input: ComputeInput, values: some CurrentValueReader, options: ComputeOptions,
        eachPeriod: (Period, ComputeResult) throws -> Void
    ) rethrows -> [ComputeWarning] {
        try ComputeRun(input: input, keys: values.keys, options: options).stream(reader: values, eachPeriod)
    }
}
