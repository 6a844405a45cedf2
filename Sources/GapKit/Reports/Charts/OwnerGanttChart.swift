/// The remediation plan as a Gantt chart with one lane per owner and month labels: who is busy
/// when. Bars are filled by phase (solid, lines, dots, hatching, as in `GanttChart`), milestones
/// are diamonds in their own lane. Bars of one lane that overlap in time are stacked in sub-rows.
struct OwnerGanttChart: Sendable {
    struct Bar: Sendable { var start: Double; var end: Double; var phaseIndex: Int; var milestone: Bool }
    struct Lane: Sendable { var label: String; var bars: [Bar] }
    /// A month boundary: where it falls, in weeks from the plan's start, and its label.
    struct Month: Sendable { var week: Double; var label: String }

    var lanes: [Lane]
    var months: [Month]
    var totalWeeks: Double
    var phaseLabels: [String]
    var title: String
    var style = ChartStyle()

    static let plotLeft = 190.0, plotRight = ChartSVG.width - 12
    static let top = 30.0, subRow = 13.0, lanePadding = 5.0, font = 10.0

    /// Bars placed in sub-rows so none overlaps another: (sub-row, bar).
    static func pack(_ bars: [Bar]) -> [(row: Int, bar: Bar)] {
        var ends: [Double] = []
        return bars.sorted { $0.start < $1.start }.map { bar in
            if let row = ends.firstIndex(where: { $0 <= bar.start + 1e-9 }) {
                ends[row] = max(bar.end, bar.start + 0.01)
                return (row, bar)
            }
            ends.append(max(bar.end, bar.start + 0.01))
            return (ends.count - 1, bar)
        }
    }

    func svg() -> String {
        guard !lanes.isEmpty, totalWeeks > 0 else { return ChartSVG.empty(kind: "gantt", title: title, style: style) }
        let weeks = min(totalWeeks, Double(GanttChart.maxWeeks))
        let unit = (Self.plotRight - Self.plotLeft) / weeks
        func x(_ week: Double) -> Double { Self.plotLeft + min(max(week, 0), weeks) * unit }
        let packed = lanes.map { Self.pack($0.bars) }
        let labels = lanes.map { ChartText.wrap(ChartText.clean($0.label), maxWidth: Self.plotLeft - 14, fontSize: Self.font, maxLines: 3) }
        let heights = zip(packed, labels).map { bars, lines in
            max(Double((bars.map(\.row).max() ?? 0) + 1) * Self.subRow, Double(lines.count) * (Self.font + 2)) + 2 * Self.lanePadding
        }
        let plotBottom = Self.top + heights.reduce(0, +)
        let legendY = plotBottom + 18
        var out = [ChartSVG.open(kind: "gantt", height: legendY + 12, title: title, style: style),
                   "<defs>", GanttChart.phasePatterns(style), "</defs>"]
        // Lanes, banded.
        var y = Self.top
        var laneTops: [Double] = []
        for (index, height) in heights.enumerated() {
            laneTops.append(y)
            if index % 2 == 0 {
                out.append("<rect class=\"gantt-band\" x=\"4.0\" y=\"\(ChartSVG.num(y))\" width=\"\(ChartSVG.num(ChartSVG.width - 8))\""
                    + " height=\"\(ChartSVG.num(height))\" fill=\"\(style.tint(0.92))\"/>")
            }
            y += height
        }
        out.append("<rect class=\"gantt-plot\" x=\"\(ChartSVG.num(Self.plotLeft))\" y=\"\(ChartSVG.num(Self.top))\""
            + " width=\"\(ChartSVG.num(Self.plotRight - Self.plotLeft))\" height=\"\(ChartSVG.num(plotBottom - Self.top))\""
            + " fill=\"none\" stroke=\"#BBBBBB\" stroke-width=\"1\"/>")
        // Month boundaries and labels; a label is left out where it would run into the previous one.
        var lastLabelEnd = -Double.infinity
        for month in months where month.week >= 0 && month.week <= weeks {
            let mx = x(month.week)
            out.append("<line class=\"gantt-month\" x1=\"\(ChartSVG.num(mx))\" y1=\"\(ChartSVG.num(Self.top - 4))\" x2=\"\(ChartSVG.num(mx))\""
                + " y2=\"\(ChartSVG.num(plotBottom))\" stroke=\"#D5D5D5\" stroke-width=\"1\"/>")
            let label = ChartText.clean(month.label)
            let width = ChartText.width(label, fontSize: 9)
            guard mx + 2 > lastLabelEnd + 4, mx + 2 + width <= ChartSVG.width else { continue }
            out.append(ChartSVG.text(label, x: mx + 2, y: Self.top - 8, size: 9, cls: "gantt-month-label"))
            lastLabelEnd = mx + 2 + width
        }
        // Lane labels and bars.
        let primary = style.primaryHex
        for (index, lane) in packed.enumerated() {
            let laneTop = laneTops[index]
            let lines = labels[index]
            let first = laneTop + heights[index] / 2 - Double(lines.count - 1) * (Self.font + 2) / 2 + Self.font * 0.35
            out.append(ChartSVG.lines(lines, x: 10, baselines: lines.indices.map { first + Double($0) * (Self.font + 2) },
                                      anchor: "start", size: Self.font, cls: "gantt-label"))
            for (row, bar) in lane {
                let middle = laneTop + Self.lanePadding + (Double(row) + 0.5) * Self.subRow
                let x1 = x(bar.start), x2 = max(x(bar.end), x1)
                if bar.milestone {
                    let s = 5.0
                    let d = "M\(ChartSVG.num(x2)),\(ChartSVG.num(middle - s)) L\(ChartSVG.num(x2 + s)),\(ChartSVG.num(middle))"
                        + " L\(ChartSVG.num(x2)),\(ChartSVG.num(middle + s)) L\(ChartSVG.num(x2 - s)),\(ChartSVG.num(middle)) Z"
                    if x2 - x1 > 1 {
                        out.append("<rect class=\"gantt-milestone-bar\" x=\"\(ChartSVG.num(x1))\" y=\"\(ChartSVG.num(middle - 3))\""
                            + " width=\"\(ChartSVG.num(x2 - x1))\" height=\"6.0\" fill=\"#FFFFFF\" stroke=\"\(primary)\" stroke-width=\"1\"/>")
                    }
                    out.append("<path class=\"gantt-milestone\" d=\"\(d)\" fill=\"\(primary)\" stroke=\"\(ChartSVG.ink)\" stroke-width=\"1\"/>")
                } else {
                    let phase = ((bar.phaseIndex % 4) + 4) % 4
                    let fill = phase == 0 ? primary : "url(#gantt-phase-\(phase))"
                    out.append("<rect class=\"gantt-bar\" x=\"\(ChartSVG.num(x1))\" y=\"\(ChartSVG.num(middle - 4.5))\""
                        + " width=\"\(ChartSVG.num(max(x2 - x1, 2)))\" height=\"9.0\" fill=\"\(fill)\" stroke=\"\(primary)\" stroke-width=\"0.8\"/>")
                }
            }
        }
        // Legend: one swatch per phase.
        var lx = 10.0
        for (index, label) in phaseLabels.enumerated() {
            let phase = index % 4
            let fill = phase == 0 ? primary : "url(#gantt-phase-\(phase))"
            out.append("<rect class=\"gantt-legend\" x=\"\(ChartSVG.num(lx))\" y=\"\(ChartSVG.num(legendY - 8))\" width=\"14.0\" height=\"9.0\""
                + " fill=\"\(fill)\" stroke=\"\(primary)\" stroke-width=\"0.8\"/>")
            let text = ChartText.truncate(ChartText.clean(label), maxWidth: 160, fontSize: 9)
            out.append(ChartSVG.text(text, x: lx + 18, y: legendY, size: 9, cls: "gantt-legend-label"))
            lx += 18 + ChartText.width(text, fontSize: 9) + 16
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
