/// `report.html`: the written report with its tables and SVG charts in one self-contained
/// file: no script, no network reference, inline CSS, and a content security policy that
/// forbids both, so that the file prints and archives as it is.
public enum HTMLReport {
    /// The report of `context` as one HTML document.
    public static func render(_ context: ReportContext) throws(PublishError) -> String {
        render(try ReportBuilder.document(context))
    }

    static func render(_ document: ReportDocument) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(document.title))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(HTMLText.escape(document.title))</h1>
            <p class="subtitle">\(HTMLText.escape(document.subtitle))</p>
            </header>

            """
        for section in document.sections {
            html += section.pageBreakBefore ? "<section class=\"page-break\">\n" : "<section>\n"
            html += "<h2>\(HTMLText.escape(section.heading))</h2>\n"
            html += blocks(section.blocks)
            html += "</section>\n"
        }
        html += """
            <footer>本报告根据各单位报送数据自动生成；增速按同口径计算，“—”表示上年同期无基数，“估算”为估算增速。</footer>
            </main>
            </body>
            </html>

            """
        return html
    }

    /// The blocks of a section; consecutive growth charts share a two-column grid.
    private static func blocks(_ blocks: [ReportBlock]) -> String {
        var html = ""
        var gridOpen = false
        for block in blocks {
            let isGrowth: Bool
            if case .chart(.growth) = block { isGrowth = true } else { isGrowth = false }
            if isGrowth, !gridOpen { html += "<div class=\"charts\">\n"; gridOpen = true }
            if !isGrowth, gridOpen { html += "</div>\n"; gridOpen = false }
            html += self.block(block)
        }
        if gridOpen { html += "</div>\n" }
        return html
    }

    private static func block(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(HTMLText.escape(text))</p>\n"
        case .subheading(let text):
            return "<h3>\(HTMLText.escape(text))</h3>\n"
        case .bullets(let items):
            return "<ul class=\"warnings\">\n" + items.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
        case .table(let table):
            return self.table(table)
        case .chart(let chart):
            switch chart {
            case .growth(let growth): return figure(growth.title, growth.svg())
            case .targets(let targets): return figure(targets.title, targets.svg())
            case .pulls(let pulls): return figure(pulls.title, pulls.svg())
            }
        }
    }

    private static func figure(_ title: String, _ svg: String) -> String {
        "<figure>\n<figcaption>\(HTMLText.escape(title))</figcaption>\n\(svg)\n</figure>\n"
    }

    private static func table(_ table: ReportTable) -> String {
        var html = "<table>\n"
        if let caption = table.caption { html += "<caption>\(HTMLText.escape(caption))</caption>\n" }
        html += "<thead><tr>" + table.header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let numeric = table.numericColumns.contains(index)
                html += (numeric ? "<td class=\"num\">" : "<td>") + HTMLText.escape(cell) + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if let note = table.note { html += "<p class=\"note\">\(HTMLText.escape(note))</p>\n" }
        return html
    }
}
