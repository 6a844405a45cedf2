/// The implementation plan as a Gantt chart by week, one row per item in the given order, grouped in phase bands.
///
/// Week w covers [w-1, w) on the axis; rows give fractional weeks from the start. Actions are filled bars
/// (a tint and pattern of the primary colour per phase); milestones are outlined bars with a diamond at the end.
struct GanttChart: Sendable {
    /// Whether a row is an action (filled bar) or a milestone (outlined bar with a diamond).
    enum Kind: Sendable { case action, milestone }
    /// One plan item: `start`/`end` in weeks from the start of the plan, `phaseIndex` 0…3.
    struct Row: Sendable { var label: String; var start: Double; var end: Double; var kind: Kind; var phaseIndex: Int }
    var rows: [Row]
    var phaseLabels: [String]
    var totalWeeks: Int
    var weekLabel: String
    var title: String
    var style = ChartStyle()

    static let plotLeft = 250.0, plotRight = ChartSVG.width - 15
    static let headerBottom = 28.0
    /// Plans with more rows than this use compact rows, so a 60-row plan still fits on one A4 page.
    static let compactAbove = 30
    /// Longest plan the axis draws (100 years); longer plans are cut off at this week.
    static let maxWeeks = 5200

    /// Weeks between axis labels: the first of 1, 2, 4, 8, 13, 26 (then 52, 104, …) whose labels do not overlap.
    static func tickInterval(totalWeeks: Int) -> Int {
        let weeks = min(max(totalWeeks, 1), maxWeeks)
        let unit = (plotRight - plotLeft) / Double(weeks)
        let needed = ChartText.width(String(weeks), fontSize: 10) + 8
        for n in [1, 2, 4, 8, 13, 26] where Double(n) * unit >= needed { return n }
        var n = 52
        while Double(n) * unit < needed { n *= 2 }
        return n
    }

    func svg() -> String {
        guard !rows.isEmpty else { return ChartSVG.empty(kind: "gantt", title: title, style: style) }
        let weeks = min(max(totalWeeks, 1), Self.maxWeeks)
        let unit = (Self.plotRight - Self.plotLeft) / Double(weeks)
        func x(_ week: Double) -> Double { Self.plotLeft + Self.clamp(week, 0, Double(weeks)) * unit }
        let runs = phaseRuns()
        let m = rows.count > Self.compactAbove ? Metrics.compact : Metrics.regular
        let bottom = Self.headerBottom + Double(runs.count) * m.phaseHeader + Double(rows.count) * m.row
        let interval = Self.tickInterval(totalWeeks: weeks)

        var out = [ChartSVG.open(kind: "gantt", height: bottom + 8, title: title, style: style),
                   "<defs>", phasePatterns(), "</defs>"]

        // Phase bands, then the plot frame and week gridlines over them.
        var y = Self.headerBottom
        var runTops: [Double] = []
        for run in runs {
            runTops.append(y)
            let height = m.phaseHeader + Double(run.count) * m.row
            let band = style.tint(run.phase % 2 == 0 ? 0.9 : 0.95)
            out.append("<rect class=\"gantt-band\" x=\"4.0\" y=\"\(ChartSVG.num(y))\" width=\"\(ChartSVG.num(ChartSVG.width - 8))\""
                + " height=\"\(ChartSVG.num(height))\" fill=\"\(band)\"/>")
            y += height
        }
        out.append("<rect class=\"gantt-plot\" x=\"\(ChartSVG.num(Self.plotLeft))\" y=\"\(ChartSVG.num(Self.headerBottom))\""
            + " width=\"\(ChartSVG.num(Self.plotRight - Self.plotLeft))\" height=\"\(ChartSVG.num(bottom - Self.headerBottom))\""
            + " fill=\"none\" stroke=\"#BBBBBB\" stroke-width=\"1\"/>")
        out.append(ChartSVG.text(ChartText.truncate(ChartText.clean(weekLabel), maxWidth: Self.plotLeft - 16, fontSize: 10),
                                 x: Self.plotLeft - 8, y: 20, anchor: "end", size: 10, bold: true, cls: "gantt-axis-label"))
        var week = 1
        while week <= weeks {
            let gx = ChartSVG.num(x(Double(week - 1)))
            if week > 1 {
                out.append("<line class=\"gantt-grid\" x1=\"\(gx)\" y1=\"\(ChartSVG.num(Self.headerBottom - 4))\" x2=\"\(gx)\""
                    + " y2=\"\(ChartSVG.num(bottom))\" stroke=\"#D5D5D5\" stroke-width=\"1\"/>")
            }
            out.append(ChartSVG.text(String(week), x: x(Double(week) - 0.5), y: 20, anchor: "middle", size: 10, cls: "gantt-week"))
            week += interval
        }

        // Per phase run: its label, then its rows.
        let phaseLabelWidth = ChartSVG.width - 20
        var index = 0
        for (run, runTop) in zip(runs, runTops) {
            let label = run.phase >= 0 && run.phase < phaseLabels.count ? ChartText.clean(phaseLabels[run.phase]) : ""
            if !label.isEmpty {
                let band = style.tint(run.phase % 2 == 0 ? 0.9 : 0.95)
                out.append(ChartSVG.text(ChartText.truncate(label, maxWidth: phaseLabelWidth, fontSize: m.font), x: 8,
                                         y: runTop + m.phaseHeader - 5, size: m.font, bold: true, cls: "gantt-phase",
                                         extra: " stroke=\"\(band)\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""))
            }
            for r in 0..<run.count {
                let middle = runTop + m.phaseHeader + (Double(r) + 0.5) * m.row
                out += rowElements(rows[index], middle: middle, metrics: m, x: x)
                index += 1
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// Label, bar and (for milestones) diamond of one row centred on `middle`.
    private func rowElements(_ row: Row, middle: Double, metrics m: Metrics, x: (Double) -> Double) -> [String] {
        let primary = style.primaryHex
        let start = Self.clamp(row.start, 0, .infinity)
        let x1 = x(start), x2 = max(x(Self.clamp(row.end, start, .infinity)), x1)
        let label = ChartText.truncate(ChartText.clean(row.label), maxWidth: Self.plotLeft - 16 - 8, fontSize: m.font)
        var out = [ChartSVG.text(label, x: 16, y: middle + m.font * 0.35, size: m.font, cls: "gantt-label")]
        let top = ChartSVG.num(middle - m.bar / 2), height = ChartSVG.num(m.bar)
        switch row.kind {
        case .action:
            let width = max(x2 - x1, 2)   // keep zero-length actions visible
            let phase = ((row.phaseIndex % 4) + 4) % 4
            let fill = phase == 0 ? primary : "url(#gantt-phase-\(phase))"
            out.append("<rect class=\"gantt-bar\" x=\"\(ChartSVG.num(x1))\" y=\"\(top)\" width=\"\(ChartSVG.num(width))\""
                + " height=\"\(height)\" fill=\"\(fill)\" stroke=\"\(primary)\" stroke-width=\"1\"/>")
        case .milestone:
            out.append("<rect class=\"gantt-milestone-bar\" x=\"\(ChartSVG.num(x1))\" y=\"\(top)\" width=\"\(ChartSVG.num(x2 - x1))\""
                + " height=\"\(height)\" fill=\"#FFFFFF\" stroke=\"\(primary)\" stroke-width=\"1.2\"/>")
            let s = m.bar / 2 + 0.5
            let d = "M\(ChartSVG.num(x2)),\(ChartSVG.num(middle - s)) L\(ChartSVG.num(x2 + s)),\(ChartSVG.num(middle))"
                + " L\(ChartSVG.num(x2)),\(ChartSVG.num(middle + s)) L\(ChartSVG.num(x2 - s)),\(ChartSVG.num(middle)) Z"
            out.append("<path class=\"gantt-milestone\" d=\"\(d)\" fill=\"\(primary)\" stroke=\"\(ChartSVG.ink)\" stroke-width=\"1\"/>")
        }
        return out
    }

    /// Row height, bar height, phase header height and label font size.
    private struct Metrics {
        var row: Double, bar: Double, phaseHeader: Double, font: Double
        static let regular = Metrics(row: 22, bar: 12, phaseHeader: 18, font: 11)
        static let compact = Metrics(row: 16, bar: 10, phaseHeader: 16, font: 10)
    }

    /// Consecutive rows of the same phase, as (phase, number of rows).
    private func phaseRuns() -> [(phase: Int, count: Int)] {
        var runs: [(phase: Int, count: Int)] = []
        for row in rows {
            if let last = runs.last, last.phase == row.phaseIndex {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((row.phaseIndex, 1))
            }
        }
        return runs
    }

    /// Patterns for phases 1–3 (phase 0 is solid): lighter tints with diagonal lines, dots and cross-hatching.
    private func phasePatterns() -> String { Self.phasePatterns(style) }

    /// Fills for phases 1–3 (phase 0 is solid): lighter tints with diagonal lines, dots and cross-hatching.
    static func phasePatterns(_ style: ChartStyle) -> String {
        let p = style.primaryHex
        return """
        <pattern id="gantt-phase-1" patternUnits="userSpaceOnUse" width="6.0" height="6.0" patternTransform="rotate(45)">\
        <rect width="6.0" height="6.0" fill="\(style.tint(0.45))"/><rect width="2.0" height="6.0" fill="\(p)"/></pattern>
        <pattern id="gantt-phase-2" patternUnits="userSpaceOnUse" width="5.0" height="5.0">\
        <rect width="5.0" height="5.0" fill="\(style.tint(0.7))"/><circle cx="2.5" cy="2.5" r="1.3" fill="\(p)"/></pattern>
        <pattern id="gantt-phase-3" patternUnits="userSpaceOnUse" width="6.0" height="6.0">\
        <rect width="6.0" height="6.0" fill="\(style.tint(0.85))"/><path d="M0,3 H6 M3,0 V6" stroke="\(p)" stroke-width="1"/></pattern>
        """
    }

    /// `value` limited to `low…high`; NaN gives `low`.
    private static func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
        value.isNaN ? low : min(max(value, low), high)
    }
}
