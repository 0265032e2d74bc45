/// `warnings.csv`: every warning raised by the data behind a period, extract problems and
/// compute warnings together.
///
/// The first nine columns are errors.csv's, in its order, so that an analyst reads both alike;
/// the four after them say where a warning comes from and what it concerns (outputs.md).
public enum WarningsTable {
    /// The columns, in order.
    public static let columns = [
        "文件", "行", "列", "原值", "统一社会信用代码", "企业名称", "代码", "级别", "说明", "来源", "报告期", "指标", "范围",
    ]

    /// The table of `warnings`, sorted (extract first, then by file and line) so that the file
    /// does not depend on the order they were raised in.
    public static func table(_ warnings: [PublishedWarning]) -> PublishedTable {
        let cells: [[TableCell]] = warnings.sorted(by: PublishedWarning.listedBefore).map { warning in
            [
                .optionalText(warning.file), .optionalInteger(warning.line), .optionalText(warning.column),
                .optionalText(warning.value), .optionalText(warning.creditCode), .optionalText(warning.unitName),
                .text(warning.code), .text("警告"), .text(warning.message), .text(warning.source.rawValue),
                .optionalText(warning.period?.description), .optionalText(warning.indicator),
                .optionalText(warning.scope),
            ]
        }
        return PublishedTable(columns: columns, rows: cells)
    }
}
