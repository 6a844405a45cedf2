/// Horizontal bars, one per top-level clause, with a 0–100 % axis, dashed threshold lines and a tone legend.
///
/// Bar fill by tone: compliant solid, partial hatched, gap cross-hatched, none an empty dashed outline.
struct BarChart: Sendable {
    /// One clause: its label, score 0…1 (nil = not assessed: no bar, "–") and tone.
    struct Bar: Sendable { var label: String; var value: Double?; var tone: ChartTone }
    var bars: [Bar]
    var partial: Double
    var compliant: Double
    var legend: [(tone: ChartTone, label: String)]
    var title: String
    var style = ChartStyle()

    private static let rowHeight = 24.0, barHeight = 14.0
    private static let labelFont = 11.0
    /// Widest a clause label may be before it is truncated.
    private static let maxLabelWidth = 270.0
    /// Right end of the plot; room is left after it for a "100%" value label.
    static let plotRight = ChartSVG.width - 46

    func svg() -> String {
        guard !bars.isEmpty else { return ChartSVG.empty(kind: "bar", title: title, style: style) }
        let labels = bars.map {
            ChartText.truncate(ChartText.clean($0.label), maxWidth: Self.maxLabelWidth, fontSize: Self.labelFont)
        }
        let longest = labels.map { ChartText.width($0, fontSize: Self.labelFont) }.max() ?? 0
        let x0 = max(90, 8 + longest + 12), x1 = Self.plotRight, plotWidth = x1 - x0
        func x(_ value: Double) -> Double { x0 + ChartSVG.unit(value) * plotWidth }

        let (legendSVG, legendBottom) = legendElements()
        let top = legendBottom + 22
        let bottom = top + Double(bars.count) * Self.rowHeight
        var out = [ChartSVG.open(kind: "bar", height: bottom + 24, title: title, style: style),
                   "<defs>", ChartTone.patterns(prefix: "bar"), "</defs>"]
        out += legendSVG

        // Grid and axis with ticks every 20 %.
        out.append("<g class=\"bar-grid\" stroke-width=\"1\">")
        for step in 0...5 {
            let gx = ChartSVG.num(x(Double(step) / 5))
            let colour = step == 0 ? "#666666" : "#E3E3E3"
            out.append("<line x1=\"\(gx)\" y1=\"\(ChartSVG.num(top - 4))\" x2=\"\(gx)\" y2=\"\(ChartSVG.num(bottom))\" stroke=\"\(colour)\"/>")
            out.append("<line x1=\"\(gx)\" y1=\"\(ChartSVG.num(bottom))\" x2=\"\(gx)\" y2=\"\(ChartSVG.num(bottom + 4))\" stroke=\"#666666\"/>")
        }
        out.append("<line x1=\"\(ChartSVG.num(x0))\" y1=\"\(ChartSVG.num(bottom))\" x2=\"\(ChartSVG.num(x1))\" y2=\"\(ChartSVG.num(bottom))\" stroke=\"#666666\"/>")
        out.append("</g>")
        for step in 0...5 {
            out.append(ChartSVG.text(String(step * 20) + "%", x: x(Double(step) / 5), y: bottom + 15,
                                     anchor: "middle", size: 10, cls: "bar-tick"))
        }

        // One row per clause: label, bar, value at the bar end.
        for (i, bar) in bars.enumerated() {
            let rowTop = top + Double(i) * Self.rowHeight
            let middle = rowTop + Self.rowHeight / 2
            out.append(ChartSVG.text(labels[i], x: 8, y: middle + 4, cls: "bar-label", extra: " xml:space=\"preserve\""))
            var end = x0
            if let value = bar.value, value.isFinite {
                let width = ChartSVG.unit(value) * plotWidth
                end = x0 + width
                out.append("<rect class=\"bar-value\" x=\"\(ChartSVG.num(x0))\" y=\"\(ChartSVG.num(middle - Self.barHeight / 2))\""
                    + " width=\"\(ChartSVG.num(width))\" height=\"\(ChartSVG.num(Self.barHeight))\" \(bar.tone.shapeAttributes(prefix: "bar"))/>")
            }
            out.append(ChartSVG.text(ChartSVG.percent(bar.value), x: end + 5, y: middle + 4, bold: true, cls: "bar-value-label"))
        }

        // Threshold lines over the bars, labels above the plot.
        let p = ChartSVG.unit(partial), c = ChartSVG.unit(compliant)
        let (lp, lc) = ChartSVG.separate(x(p), x(c), gap: 34)
        for (value, labelX, tone, dash) in [(p, lp, ChartTone.partial, "6 4"), (c, lc, ChartTone.compliant, "2 3")] {
            let tx = ChartSVG.num(x(value))
            out.append("<line class=\"bar-threshold\" x1=\"\(tx)\" y1=\"\(ChartSVG.num(top - 6))\" x2=\"\(tx)\" y2=\"\(ChartSVG.num(bottom))\""
                + " stroke=\"\(tone.color)\" stroke-width=\"1.5\" stroke-dasharray=\"\(dash)\"/>")
            out.append(ChartSVG.text(ChartSVG.thresholdLabel(value), x: labelX, y: top - 9, anchor: "middle", size: 10,
                                     fill: tone.color, bold: true, cls: "bar-threshold-label"))
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The legend's swatches and labels, flowing left to right over as many lines as needed, and its bottom y.
    private func legendElements() -> ([String], Double) {
        var out: [String] = []
        var x = 8.0, y = 6.0
        for item in legend {
            let label = ChartText.truncate(ChartText.clean(item.label), maxWidth: 220, fontSize: 10)
            let itemWidth = 17 + ChartText.width(label, fontSize: 10) + 18
            if x > 8, x + itemWidth > ChartSVG.width - 8 {
                x = 8
                y += 18
            }
            out.append("<rect class=\"bar-legend-swatch\" x=\"\(ChartSVG.num(x))\" y=\"\(ChartSVG.num(y))\" width=\"12.0\" height=\"12.0\""
                + " \(item.tone.shapeAttributes(prefix: "bar"))/>")
            out.append(ChartSVG.text(label, x: x + 17, y: y + 10, size: 10, cls: "bar-legend"))
            x += itemWidth
        }
        return (out, legend.isEmpty ? y : y + 14)
    }
}
