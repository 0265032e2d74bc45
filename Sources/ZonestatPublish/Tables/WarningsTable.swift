/// `warnings.csv`: every warning raised by the data behind a period, extract problems and
/// compute warnings together.
public enum WarningsTable {
    /// The columns, in order.
    public static let columns = [
        "source", "file", "line", "column", "value", "code", "period", "indicator", "scope", "message",
    ]

    /// The table of `warnings`, sorted (extract first, then by file and line) so that the file
    /// does not depend on the order they were raised in.
    public static func table(_ warnings: [PublishedWarning]) -> PublishedTable {
        let cells: [[TableCell]] = warnings.sorted(by: PublishedWarning.listedBefore).map { warning in
            [
                .text(warning.source.rawValue), .optionalText(warning.file), .optionalInteger(warning.line),
                .optionalText(warning.column), .optionalText(warning.value), .text(warning.code),
                .optionalText(warning.period?.description), .optionalText(warning.indicator),
                .optionalText(warning.scope), .text(warning.message),
            ]
        }
        return PublishedTable(columns: columns, rows: cells)
    }
}
