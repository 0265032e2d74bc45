/// Horizontal bars: each target's completion (red) against time progress (grey), with a
/// dashed line at 100% (the whole year's target).
extension TargetChart {
    func svg() -> String {
        let width = 700.0, nameWidth = 170.0, right = 60.0, top = 34.0, rowHeight = 46.0
        let height = top + rowHeight * Double(bars.count) + 26
        let plotLeft = nameWidth + 10, plotWidth = width - plotLeft - right
        let largest = bars.flatMap { [$0.completion, $0.timeProgress] }.max() ?? 100
        let scale = SVGCanvas.ticks(low: 0, high: max(100, largest), count: 5)
        let high = scale.last ?? 100
        func x(_ value: Double) -> Double { plotLeft + plotWidth * max(value, 0) / high }

        var parts = [SVGCanvas.open(width: width, height: height, label: title)]
        parts.append(SVGCanvas.rect(x: plotLeft, y: 8, width: 14, height: 10, fill: TargetChart.completionColor))
        parts.append(SVGCanvas.text("完成率", x: plotLeft + 19, y: 17, size: 12))
        parts.append(SVGCanvas.rect(x: plotLeft + 80, y: 8, width: 14, height: 10, fill: TargetChart.progressColor))
        parts.append(SVGCanvas.text("序时进度", x: plotLeft + 99, y: 17, size: 12))
        let bottom = top + rowHeight * Double(bars.count)
        for tick in scale {
            parts.append(SVGCanvas.line(x1: x(tick), y1: top - 4, x2: x(tick), y2: bottom, stroke: "#e2e2e2", width: 0.6))
            parts.append(SVGCanvas.text(SVGCanvas.tickLabel(tick), x: x(tick), y: bottom + 16, size: 11, anchor: "middle", fill: "#444"))
        }
        parts.append(SVGCanvas.line(x1: x(100), y1: top - 4, x2: x(100), y2: bottom, stroke: "#555", width: 1, dash: "4 3"))
        parts.append(SVGCanvas.text("全年目标", x: x(100), y: top - 8, size: 11, anchor: "middle", fill: "#555"))
        for (index, bar) in bars.enumerated() {
            let rowTop = top + rowHeight * Double(index) + 6
            parts.append(SVGCanvas.text(bar.name, x: nameWidth, y: rowTop + 21, size: 13, anchor: "end"))
            parts.append(SVGCanvas.rect(x: plotLeft, y: rowTop, width: x(bar.completion) - plotLeft, height: 15, fill: TargetChart.completionColor))
            parts.append(SVGCanvas.text(bar.completionLabel, x: x(bar.completion) + 5, y: rowTop + 12, size: 11.5, fill: TargetChart.completionColor, weight: "bold"))
            parts.append(SVGCanvas.rect(x: plotLeft, y: rowTop + 18, width: x(bar.timeProgress) - plotLeft, height: 12, fill: TargetChart.progressColor))
            parts.append(SVGCanvas.text(bar.timeProgressLabel, x: x(bar.timeProgress) + 5, y: rowTop + 28, size: 11, fill: "#555"))
        }
        parts.append(SVGCanvas.line(x1: plotLeft, y1: top - 4, x2: plotLeft, y2: bottom, stroke: "#333", width: 1))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static let completionColor = "#b22222"
    static let progressColor = "#a7b1bb"
}
