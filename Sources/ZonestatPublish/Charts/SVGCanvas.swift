/// The small pieces every chart is drawn with: escaped text, coordinates written the same way
/// on every machine, text widths estimated without a font engine, and round axis ticks.
enum SVGCanvas {
    /// A coordinate to one decimal, `-0` written as `0`, never exponent notation; non-finite as
    /// `0`, and clamped to ±10⁹ (far outside any chart) so that it always fits an `Int`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((min(max(value, -1e9), 1e9) * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        return sign + (fraction == 0 ? "\(whole)" : "\(whole).\(fraction)")
    }

    /// The approximate advance of `text` at `size`: full-width characters one em, others
    /// about half an em (charts place labels by it, so it errs on the wide side).
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar.value < 0x2E80 ? 0.6 : 1.0) * size
        }
    }

    /// A `<text>` element; `anchor` is `start`, `middle` or `end`.
    static func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: String = "start", fill: String = "#222",
        weight: String? = nil
    ) -> String {
        var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(number(size))\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        attributes += " fill=\"\(fill)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        return "<text \(attributes)>\(HTMLText.escape(content))</text>"
    }

    /// A `<line>` element.
    static func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil
    ) -> String {
        var element = "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\""
        element += " stroke=\"\(stroke)\" stroke-width=\"\(number(width))\""
        if let dash { element += " stroke-dasharray=\"\(dash)\"" }
        return element + "/>"
    }

    /// A `<rect>` element.
    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(width, 0)))\" height=\"\(number(max(height, 0)))\" fill=\"\(fill)\"/>"
    }

    /// The opening `<svg>` tag of a chart `width` × `height` in its own units, with a title
    /// for screen readers.
    static func open(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
    }

    /// Round tick values covering `low…high` (about `count` of them): steps of 1, 2 or 5 × 10ⁿ.
    static func ticks(low: Double, high: Double, count: Int = 5) -> [Double] {
        var (low, high) = (min(low, high), max(low, high))
        if high - low < 1e-9 { (low, high) = (low - 1, high + 1) }
        let raw = (high - low) / Double(max(count, 1))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        let first = (low / step).rounded(.down) * step
        let last = (high / step).rounded(.up) * step
        var values: [Double] = []
        var value = first
        while value <= last + step / 2 {
            values.append(abs(value) < step / 1e6 ? 0 : value)
            value += step
        }
        return values
    }

    /// A tick value as text: no decimals when whole, else one.
    static func tickLabel(_ value: Double) -> String {
        number(value)
    }
}
