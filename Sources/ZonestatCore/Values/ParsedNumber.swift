/// What a number cell holds, as ``NumberParser`` read it.
public enum ParsedNumber: Sendable, Hashable {
    /// The cell is empty or holds a null marker (`—`, `--`, `-`, `…`, `/`): the unit did not
    /// report this figure. This is not zero, and never erases an earlier value.
    case notReported
    /// A plain number, exactly as written (`1,234.5` → 12345 × 10⁻¹).
    case number(ExactDecimal)
    /// A number followed by `%` where a percentage is expected: the number before the sign
    /// (`12.5%` → 12.5).
    case percent(ExactDecimal)
    /// Not a number; the problem says why and what to do.
    case invalid(NumberProblem)
}
