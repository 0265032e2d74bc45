/// Why a parsed number could not become an exact ``Amount``.
public enum AmountConversionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The number has digits below 1/10,000 元, which would have to be rounded away.
    case tooPrecise
    /// The number is beyond ±9.2 × 10¹⁴ 元, the range of an amount.
    case outOfRange

    /// What is wrong and what to do, in Chinese and English.
    public var description: String {
        switch self {
        case .tooPrecise:
            "金额精度超过0.0001元，不能四舍五入 / the amount is more precise than 0.0001 元 and "
                + "would have to be rounded: check the column's unit (元/千元/万元/亿元) and remove the extra decimals"
        case .outOfRange:
            "金额超出范围（仓库最多存±9.2×10¹⁴元），请核对该列单位和数值，可能误把代码或日期粘贴进了金额列 / "
                + "out of range: the amount is beyond ±9.2×10¹⁴ 元, more than the warehouse holds: check the "
                + "column's unit and the value; a code or a date may have been pasted into an amount column"
        }
    }
}
