/// The report's style sheet: an A4 page in a Chinese serif, headings in a sans (as official
/// documents set them), bordered tables, charts that never split across pages.
enum HTMLStyle {
    static let css = """
        @page { size: A4; margin: 18mm 16mm 18mm 16mm; }
        html { background: #e8e8e4; }
        body { margin: 0; color: #111; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; font-size: 12pt; line-height: 1.75; }
        main { width: 210mm; box-sizing: border-box; margin: 8mm auto; padding: 18mm 16mm; background: #fff; box-shadow: 0 0 3mm rgba(0,0,0,.15); }
        header { text-align: center; border-bottom: 2px solid #b22222; padding-bottom: 6pt; margin-bottom: 14pt; }
        h1 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; font-size: 19pt; font-weight: 700; letter-spacing: .04em; margin: 0 0 6pt; color: #111; }
        .subtitle { font-size: 10.5pt; color: #444; margin: 0; text-indent: 0; text-align: center; }
        h2 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; font-size: 14pt; font-weight: 700; margin: 16pt 0 6pt; }
        h3 { font-size: 12.5pt; font-weight: 700; margin: 12pt 0 4pt; }
        p { margin: 0 0 6pt; text-indent: 2em; text-align: justify; }
        p.note { font-size: 9pt; color: #444; text-indent: 0; margin-top: 2pt; line-height: 1.5; }
        table { border-collapse: collapse; width: 100%; margin: 8pt 0 2pt; font-size: 9.5pt; line-height: 1.4; page-break-inside: avoid; break-inside: avoid; }
        caption { caption-side: top; font-weight: 700; font-size: 10.5pt; padding-bottom: 4pt; }
        th, td { border: 1px solid #444; padding: 3pt 5pt; vertical-align: middle; }
        td { white-space: nowrap; }
        th { background: #f1efe9; font-weight: 700; text-align: center; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        figure { margin: 10pt 0 6pt; page-break-inside: avoid; break-inside: avoid; }
        figcaption { text-align: center; font-size: 10pt; font-weight: 700; margin-bottom: 2pt; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; column-gap: 8mm; }
        svg { display: block; width: 100%; height: auto; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; }
        ul.warnings { margin: 4pt 0 8pt; padding-left: 2em; font-size: 10pt; line-height: 1.6; }
        ul.warnings li { margin-bottom: 2pt; overflow-wrap: anywhere; }
        section.page-break { break-before: page; page-break-before: always; }
        footer { margin-top: 18pt; padding-top: 6pt; border-top: 1px solid #999; font-size: 9pt; color: #555; text-align: center; }
        @media screen { section.page-break { border-top: 1px dashed #bbb; margin-top: 18pt; padding-top: 6pt; } }
        @media print { html { background: none; } main { width: auto; margin: 0; padding: 0; box-shadow: none; } }
        """
}
