/// Requirement areas as a radar chart: one axis per area (clockwise from 12 o'clock), scores 0…1.
///
/// Draws grid rings at 20…100 %, the two thresholds as dashed rings labelled with their percentage
/// (left of the first axis), the score polygon, a dot and percentage at each vertex, and area labels outside.
struct RadarChart: Sendable {
    /// One requirement area; nil = not assessed, drawn at 0 with the label "–".
    struct Axis: Sendable { var label: String; var value: Double? }
    var axes: [Axis]
    var partial: Double
    var compliant: Double
    var title: String
    var style = ChartStyle()

    static let center = (x: 380.0, y: 228.0)
    static let radius = 160.0
    /// Gap between the outer ring and the area labels: room for a "100%" value label in between.
    private static let labelGap = 36.0
    private static let lineHeight = 13.0

    func svg() -> String {
        guard !axes.isEmpty else { return ChartSVG.empty(kind: "radar", title: title, style: style) }
        let primary = style.primaryHex
        let (labels, lowest) = areaLabels()
        var out = [ChartSVG.open(kind: "radar", height: lowest + 8, title: title, style: style)]

        out.append("<g class=\"radar-grid\" fill=\"none\">")
        for level in [0.2, 0.4, 0.6, 0.8, 1.0] {
            let colour = level == 1.0 ? "#999999" : "#D0D0D0"
            out.append(ring(level, attributes: "stroke=\"\(colour)\" stroke-width=\"1\""))
        }
        for i in axes.indices {
            let end = point(i, Self.radius)
            out.append("<line class=\"radar-axis\" x1=\"\(ChartSVG.num(Self.center.x))\" y1=\"\(ChartSVG.num(Self.center.y))\""
                + " x2=\"\(ChartSVG.num(end.x))\" y2=\"\(ChartSVG.num(end.y))\" stroke=\"#BBBBBB\" stroke-width=\"1\"/>")
        }
        out.append("</g>")
        out += thresholds()

        // Score polygon, then dots and value labels on top of it.
        let values = axes.map { axis in axis.value.flatMap { $0.isFinite ? ChartSVG.unit($0) : nil } }   // NaN, ±∞: not assessed
        let vertices = values.indices.map { point($0, (values[$0] ?? 0) * Self.radius) }
        let points = vertices.map { "\(ChartSVG.num($0.x)),\(ChartSVG.num($0.y))" }.joined(separator: " ")
        out.append("<polygon class=\"radar-score\" points=\"\(points)\" fill=\"\(primary)\" fill-opacity=\"0.2\""
            + " stroke=\"\(primary)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>")
        for (i, vertex) in vertices.enumerated() {
            let fill = values[i] == nil ? "fill=\"#FFFFFF\" stroke=\"#9E9E9E\" stroke-width=\"1.5\"" : "fill=\"\(primary)\""
            out.append("<circle class=\"radar-dot\" cx=\"\(ChartSVG.num(vertex.x))\" cy=\"\(ChartSVG.num(vertex.y))\" r=\"3.5\" \(fill)/>")
        }
        out += valueLabels(values)
        out += labels
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// Unit direction of axis `i`.
    private func direction(_ i: Int) -> (x: Double, y: Double) {
        let sc = ChartSVG.sinCos(turns: Double(i) / Double(axes.count))
        return (sc.sin, -sc.cos)
    }

    /// The point at distance `r` from the centre along axis `i`.
    private func point(_ i: Int, _ r: Double) -> (x: Double, y: Double) {
        let d = direction(i)
        return (Self.center.x + r * d.x, Self.center.y + r * d.y)
    }

    /// A ring at `level` (0…1): a polygon through the axes, or a circle with fewer than three axes.
    private func ring(_ level: Double, attributes: String) -> String {
        let r = level * Self.radius
        guard axes.count >= 3 else {
            return "<circle cx=\"\(ChartSVG.num(Self.center.x))\" cy=\"\(ChartSVG.num(Self.center.y))\" r=\"\(ChartSVG.num(r))\" \(attributes)/>"
        }
        let points = axes.indices.map { i -> String in
            let p = point(i, r)
            return "\(ChartSVG.num(p.x)),\(ChartSVG.num(p.y))"
        }
        return "<polygon points=\"\(points.joined(separator: " "))\" \(attributes)/>"
    }

    /// The two threshold rings (dashed differently) and their labels left of the first axis.
    private func thresholds() -> [String] {
        let p = ChartSVG.unit(partial), c = ChartSVG.unit(compliant)
        var out = ["<g class=\"radar-thresholds\" fill=\"none\" stroke-width=\"1.5\">",
                   ring(p, attributes: "stroke=\"\(ChartTone.partial.color)\" stroke-dasharray=\"6 4\""),
                   ring(c, attributes: "stroke=\"\(ChartTone.compliant.color)\" stroke-dasharray=\"2 3\""),
                   "</g>"]
        let (yp, yc) = ChartSVG.separate(Self.center.y - p * Self.radius - 3, Self.center.y - c * Self.radius - 3, gap: 12)
        let x = Self.center.x - 5
        out.append(ChartSVG.text(ChartSVG.thresholdLabel(p), x: x, y: yp, anchor: "end", size: 10,
                                 fill: ChartTone.partial.color, bold: true, cls: "radar-threshold", extra: ChartSVG.halo))
        out.append(ChartSVG.text(ChartSVG.thresholdLabel(c), x: x, y: yc, anchor: "end", size: 10,
                                 fill: ChartTone.compliant.color, bold: true, cls: "radar-threshold", extra: ChartSVG.halo))
        return out
    }

    /// Percentages just outside each vertex; kept far enough from the centre that neighbours do not collide.
    private func valueLabels(_ values: [Double?]) -> [String] {
        let n = axes.count
        // Adjacent labels (≈ 26 px wide) need a chord of 2·r·sin(π/n) ≥ 28 between them.
        let minRadius = n >= 3 ? min(Self.radius * 0.6, 14 / ChartSVG.sinCos(turns: 0.5 / Double(n)).sin) : 14
        return values.indices.map { i in
            let d = direction(i)
            // Centred labels on sideways axes need more room to clear the dot: about half their width.
            let r = max((values[i] ?? 0) * Self.radius + 8 + 13 * abs(d.x), minRadius)
            let p = point(i, r)
            // Near-vertical axes: put the label right of the axis, clear of the threshold labels.
            let vertical = abs(d.x) < 0.25
            return ChartSVG.text(ChartSVG.percent(values[i]), x: vertical ? p.x + 6 : p.x, y: p.y + 3.5,
                                 anchor: vertical ? "start" : "middle", size: 10, bold: true,
                                 cls: "radar-value", extra: ChartSVG.halo)
        }
    }

    /// Area labels outside the outer ring, up to two lines each, anchored by the side they are on;
    /// and the lowest baseline, which sets the chart's height.
    private func areaLabels() -> ([String], Double) {
        let n = Double(axes.count)
        let outer = Self.radius + Self.labelGap
        var lowest = Self.center.y + Self.radius
        let labels = axes.indices.map { i in
            let d = direction(i)
            let p = point(i, outer)
            let anchor = d.x > 0.1 ? "start" : d.x < -0.1 ? "end" : "middle"
            // A centred label (top or bottom) must stop short of its neighbours' labels, which start at
            // outer·sin(360°/n) from the axis.
            let maxWidth: Double = switch anchor {
            case "start": min(200, ChartSVG.width - 8 - p.x)
            case "end": min(200, p.x - 8)
            default: min(220, max(60, 2 * (outer * ChartSVG.sinCos(turns: min(0.25, 1 / n)).sin - 10)))
            }
            let lines = ChartText.wrap(ChartText.clean(axes[i].label), maxWidth: maxWidth, fontSize: 11, maxLines: 2)
            let k = Double(lines.count)
            let first: Double = if d.y < -0.5 {
                p.y - 2 - (k - 1) * Self.lineHeight                // above: last line sits on the point
            } else if d.y > 0.5 {
                p.y + 10                                           // below: first line hangs from the point
            } else {
                p.y + 4 - (k - 1) * Self.lineHeight / 2            // beside: centred on the point
            }
            let baselines = lines.indices.map { first + Double($0) * Self.lineHeight }
            lowest = max(lowest, baselines.last ?? first)
            return ChartSVG.lines(lines, x: p.x, baselines: baselines, anchor: anchor, cls: "radar-label")
        }
        return (labels, lowest)
    }
}
