/// Horizontal bars of pull by industry around a zero line: positive to the right in red,
/// negative to the left in blue, each with its value.
extension PullChart {
    func svg() -> String {
        let width = 700.0, nameWidth = 230.0, labelRoom = 44.0, top = 12.0, rowHeight = 22.0
        let height = top + rowHeight * Double(bars.count) + 28
        let plotLeft = nameWidth + 10 + labelRoom, plotRight = width - labelRoom
        let values = bars.map(\.value) + [0]
        let ticks = SVGCanvas.ticks(low: values.min() ?? 0, high: values.max() ?? 0, count: 6)
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        func x(_ value: Double) -> Double { plotLeft + (plotRight - plotLeft) * (value - low) / max(high - low, 1e-9) }
        let bottom = top + rowHeight * Double(bars.count)

        var parts = [SVGCanvas.open(width: width, height: height, label: title)]
        for tick in ticks {
            parts.append(SVGCanvas.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: "#e2e2e2", width: 0.6))
            parts.append(SVGCanvas.text(SVGCanvas.tickLabel(tick), x: x(tick), y: bottom + 15, size: 11, anchor: "middle", fill: "#444"))
        }
        for (index, bar) in bars.enumerated() {
            let rowTop = top + rowHeight * Double(index)
            let barTop = rowTop + 4, barHeight = rowHeight - 8
            parts.append(SVGCanvas.text(bar.name, x: nameWidth, y: rowTop + 15.5, size: 12, anchor: "end"))
            let start = x(min(bar.value, 0)), end = x(max(bar.value, 0))
            let negative = bar.value < 0
            let color = negative ? PullChart.negativeColor : PullChart.positiveColor
            parts.append(SVGCanvas.rect(x: start, y: barTop, width: end - start, height: barHeight, fill: color))
            parts.append(SVGCanvas.text(
                bar.label, x: negative ? start - 4 : end + 4, y: rowTop + 15, size: 11, anchor: negative ? "end" : "start",
                fill: color))
        }
        parts.append(SVGCanvas.line(x1: x(0), y1: top - 2, x2: x(0), y2: bottom, stroke: "#333", width: 1))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static let positiveColor = "#b22222"
    static let negativeColor = "#2f5f98"
}
