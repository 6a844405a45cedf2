/// Projected overall score per phase: a column for today's score (solid) then one per phase (hatched tint),
/// value labels on top, a 0–100 % axis and dashed threshold lines labelled on the right.
struct PhaseChart: Sendable {
    /// One column: its label ("Today", "Phase 1", …) and score 0…1 (nil: no column, "–").
    struct Column: Sendable { var label: String; var value: Double? }
    var columns: [Column]
    var partial: Double
    var compliant: Double
    var title: String
    var style = ChartStyle()

    static let plotLeft = 56.0, plotRight = ChartSVG.width - 56
    static let plotTop = 24.0, plotBottom = 220.0
    private static let lineHeight = 13.0

    func svg() -> String {
        guard !columns.isEmpty else { return ChartSVG.empty(kind: "phase", title: title, style: style) }
        let primary = style.primaryHex
        let plotHeight = Self.plotBottom - Self.plotTop
        func y(_ value: Double) -> Double { Self.plotBottom - ChartSVG.unit(value) * plotHeight }
        let left = ChartSVG.num(Self.plotLeft), right = ChartSVG.num(Self.plotRight)

        let slot = (Self.plotRight - Self.plotLeft) / Double(columns.count)
        let labels = columns.map { ChartText.wrap(ChartText.clean($0.label), maxWidth: slot - 8, fontSize: 11, maxLines: 3) }
        let lineCount = Double(labels.map(\.count).max() ?? 1)
        var out = [ChartSVG.open(kind: "phase", height: Self.plotBottom + 16 + (lineCount - 1) * Self.lineHeight + 8,
                                 title: title, style: style),
                   "<defs>",
                   "<pattern id=\"phase-projected\" patternUnits=\"userSpaceOnUse\" width=\"6.0\" height=\"6.0\" patternTransform=\"rotate(45)\">"
                       + "<rect width=\"6.0\" height=\"6.0\" fill=\"\(style.tint(0.6))\"/><rect width=\"2.0\" height=\"6.0\" fill=\"\(primary)\"/></pattern>",
                   "</defs>"]

        // Horizontal gridlines and the percentage axis.
        out.append("<g class=\"phase-grid\" stroke-width=\"1\">")
        for step in 0...5 {
            let gy = ChartSVG.num(y(Double(step) / 5))
            out.append("<line x1=\"\(left)\" y1=\"\(gy)\" x2=\"\(right)\" y2=\"\(gy)\" stroke=\"\(step == 0 ? "#666666" : "#E3E3E3")\"/>")
        }
        out.append("</g>")
        for step in 0...5 {
            out.append(ChartSVG.text(String(step * 20) + "%", x: Self.plotLeft - 6, y: y(Double(step) / 5) + 3.5,
                                     anchor: "end", size: 10, cls: "phase-tick"))
        }

        // Columns with the value on top and the label (up to three lines) below.
        let columnWidth = min(96, slot * 0.62)
        for (i, column) in columns.enumerated() {
            let centre = Self.plotLeft + (Double(i) + 0.5) * slot
            var top = Self.plotBottom
            if let value = column.value, value.isFinite {
                top = y(value)
                let fill = i == 0 ? primary : "url(#phase-projected)"
                out.append("<rect class=\"phase-column\" x=\"\(ChartSVG.num(centre - columnWidth / 2))\" y=\"\(ChartSVG.num(top))\""
                    + " width=\"\(ChartSVG.num(columnWidth))\" height=\"\(ChartSVG.num(Self.plotBottom - top))\""
                    + " fill=\"\(fill)\" stroke=\"\(primary)\" stroke-width=\"1.2\"/>")
            }
            out.append(ChartSVG.text(ChartSVG.percent(column.value), x: centre, y: top - 5, anchor: "middle", bold: true,
                                     cls: "phase-value", extra: ChartSVG.halo))
            let baselines = labels[i].indices.map { Self.plotBottom + 16 + Double($0) * Self.lineHeight }
            out.append(ChartSVG.lines(labels[i], x: centre, baselines: baselines, anchor: "middle", cls: "phase-label"))
        }

        // Threshold lines over the columns, labelled right of the plot.
        let p = ChartSVG.unit(partial), c = ChartSVG.unit(compliant)
        let (lp, lc) = ChartSVG.separate(y(p), y(c), gap: 12)
        for (value, labelY, tone, dash) in [(p, lp, ChartTone.partial, "6 4"), (c, lc, ChartTone.compliant, "2 3")] {
            let ty = ChartSVG.num(y(value))
            out.append("<line class=\"phase-threshold\" x1=\"\(left)\" y1=\"\(ty)\" x2=\"\(right)\" y2=\"\(ty)\""
                + " stroke=\"\(tone.color)\" stroke-width=\"1.5\" stroke-dasharray=\"\(dash)\"/>")
            out.append(ChartSVG.text(ChartSVG.thresholdLabel(value), x: Self.plotRight + 4, y: labelY + 3.5, size: 10,
                                     fill: tone.color, bold: true, cls: "phase-threshold-label"))
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
