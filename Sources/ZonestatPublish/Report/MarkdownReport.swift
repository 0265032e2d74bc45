/// `report.md`: the written report as Markdown, headings and tables, charts left to the HTML.
public enum MarkdownReport {
    /// The report of `context` as Markdown text (UTF-8 when written, LF line ends).
    public static func render(_ context: ReportContext) throws(PublishError) -> String {
        render(try ReportBuilder.document(context))
    }

    static func render(_ document: ReportDocument) -> String {
        var lines = ["# " + escape(document.title), "", escape(document.subtitle), ""]
        for section in document.sections {
            lines.append("## " + escape(section.heading))
            lines.append("")
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    lines.append(escape(text))
                case .subheading(let text):
                    lines.append("### " + escape(text))
                case .bullets(let items):
                    lines.append(contentsOf: items.map { "- " + escape($0) })
                case .table(let table):
                    lines.append(contentsOf: tableLines(table))
                case .chart:
                    continue
                }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func tableLines(_ table: ReportTable) -> [String] {
        var lines: [String] = []
        if let caption = table.caption { lines.append("**" + escape(caption) + "**"); lines.append("") }
        lines.append("| " + table.header.map(cell).joined(separator: " | ") + " |")
        let rule = table.header.indices.map { table.numericColumns.contains($0) ? "---:" : "---" }
        lines.append("| " + rule.joined(separator: " | ") + " |")
        for row in table.rows {
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        if let note = table.note { lines.append(""); lines.append(escape(note)) }
        return lines
    }

    /// A table cell: escaped, on one line.
    private static func cell(_ text: String) -> String {
        escape(text).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Text from the data made inert: Markdown's punctuation (and `<`, so that a name such as
    /// `<script>` is never raw HTML) backslash-escaped, line breaks folded into spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            // Every character escaped or folded is one ASCII byte, or CR LF: a character of more
            // bytes (Chinese text, or `*` with a combining mark) is never one of them, and is
            // told apart by its length instead of a comparison per pattern.
            let utf8 = character.utf8
            guard utf8.count <= 2, let first = utf8.first else {
                result.append(character)
                continue
            }
            if utf8.count == 2 {
                result.append(character == "\r\n" ? " " : character)
                continue
            }
            switch first {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"),
                UInt8(ascii: "&"), UInt8(ascii: "!"):
                result.append("\\")
                result.append(character)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }
}
