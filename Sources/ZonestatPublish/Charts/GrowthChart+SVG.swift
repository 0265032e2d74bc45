/// The line chart of year-to-date growth by month: this year in red, last year dashed grey,
/// both labelled in a legend; this year's points carry their values.
extension GrowthChart {
    func svg() -> String {
        let width = 360.0, height = 230.0
        let left = 40.0, right = 12.0, top = 30.0, bottom = 30.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        var values: [Double] = [0]
        for line in series { values += line.points.map(\.value) }
        let ticks = SVGCanvas.ticks(low: values.min() ?? 0, high: values.max() ?? 0)
        let low: Double = ticks.first ?? 0, high: Double = ticks.last ?? 1
        let span = max(lastMonth - firstMonth, 1)
        // Inset so that the first and last labels clear the axis and the edge.
        func x(_ month: Int) -> Double { left + 12 + (plotWidth - 24) * Double(month - firstMonth) / Double(span) }
        func y(_ value: Double) -> Double { top + plotHeight * (high - value) / max(high - low, 1e-9) }

        var parts = [SVGCanvas.open(width: width, height: height, label: title)]
        for tick in ticks {
            let isZero = tick == 0
            parts.append(SVGCanvas.line(
                x1: left, y1: y(tick), x2: width - right, y2: y(tick), stroke: isZero ? "#555" : "#ddd",
                width: isZero ? 1 : 0.6))
            parts.append(SVGCanvas.text(SVGCanvas.tickLabel(tick), x: left - 5, y: y(tick) + 4, size: 11, anchor: "end", fill: "#444"))
        }
        for month in firstMonth...lastMonth {
            let label = month == firstMonth && firstMonth == 2 ? "1-2" : "\(month)"
            parts.append(SVGCanvas.text(label, x: x(month), y: height - bottom + 15, size: 11, anchor: "middle", fill: "#444"))
        }
        parts.append(SVGCanvas.text("（月）", x: width - right, y: height - 3, size: 10, anchor: "end", fill: "#666"))
        parts.append(SVGCanvas.text("%", x: left - 5, y: top - 8, size: 10, anchor: "end", fill: "#666"))

        var legendX = left + 6
        // A legend entry only for a line that is drawn.
        for line in series where !line.points.isEmpty {
            let style = GrowthChart.style(line.emphasised)
            parts.append(SVGCanvas.line(
                x1: legendX, y1: 14, x2: legendX + 22, y2: 14, stroke: style.color, width: style.width, dash: style.dash))
            parts.append(SVGCanvas.text(line.label, x: legendX + 27, y: 18, size: 11, fill: "#222"))
            legendX += 27 + SVGCanvas.textWidth(line.label, size: 11) + 18
        }
        for line in series where !line.points.isEmpty {
            let style = GrowthChart.style(line.emphasised)
            let coordinates = line.points.map { "\(SVGCanvas.number(x($0.position))),\(SVGCanvas.number(y($0.value)))" }
            var path = "<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"\(style.color)\""
            path += " stroke-width=\"\(SVGCanvas.number(style.width))\""
            if let dash = style.dash { path += " stroke-dasharray=\"\(dash)\"" }
            parts.append(path + "/>")
            for point in line.points {
                parts.append("<circle cx=\"\(SVGCanvas.number(x(point.position)))\" cy=\"\(SVGCanvas.number(y(point.value)))\" r=\"\(line.emphasised ? "3" : "2.2")\" fill=\"\(style.color)\"/>")
                if line.emphasised {
                    let above = point.value >= 0
                    parts.append(SVGCanvas.text(
                        point.label, x: x(point.position), y: y(point.value) + (above ? -7 : 15), size: 10.5,
                        anchor: "middle", fill: style.color, weight: "bold"))
                }
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func style(_ emphasised: Bool) -> (color: String, width: Double, dash: String?) {
        emphasised ? ("#b22222", 2, nil) : ("#7f8c99", 1.4, "5 3")
    }
}
