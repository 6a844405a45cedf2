/// Shared look of all charts: the firm's primary colour (`#RRGGBB`) and the font stack.
struct ChartStyle: Sendable {
    var primary: String = "#1F4E79"
    var fontFamily: String = "'Noto Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', Arial, sans-serif"
}

/// How a value is judged; charts draw each tone with a distinct colour and a distinct pattern or marker.
enum ChartTone: Sendable { case compliant, partial, gap, none }

extension ChartStyle {
    /// The primary colour as upper-case `#RRGGBB`; the default colour if `primary` is not a valid hex colour.
    var primaryHex: String { ChartSVG.hex(ChartSVG.rgb(primary) ?? (0x1F, 0x4E, 0x79)) }

    /// The primary colour mixed with white: 0 gives the primary colour, 1 gives white.
    func tint(_ amount: Double) -> String {
        let (r, g, b) = ChartSVG.rgb(primary) ?? (0x1F, 0x4E, 0x79)
        let f = ChartSVG.unit(amount)
        func mix(_ c: Int) -> Int { c + Int((Double(255 - c) * f).rounded()) }
        return ChartSVG.hex((mix(r), mix(g), mix(b)))
    }
}

extension ChartTone {
    /// The tone's colour: dark green, amber, dark red or grey.
    var color: String {
        switch self {
        case .compliant: "#2E7D32"
        case .partial: "#B26A00"
        case .gap: "#B71C1C"
        case .none: "#9E9E9E"
        }
    }

    /// The `fill` of a shape in this tone: solid, hatched, cross-hatched or white (an empty outline).
    func fill(prefix: String) -> String {
        switch self {
        case .compliant: color
        case .partial: "url(#\(prefix)-partial)"
        case .gap: "url(#\(prefix)-gap)"
        case .none: "#FFFFFF"
        }
    }

    /// Fill and stroke attributes of a shape (bar or legend swatch) in this tone.
    func shapeAttributes(prefix: String) -> String {
        let dash = self == .none ? " stroke-dasharray=\"3 2\"" : ""
        return "fill=\"\(fill(prefix: prefix))\" stroke=\"\(color)\" stroke-width=\"1.2\"\(dash)"
    }

    /// `<pattern>` elements for the hatched tones, with ids `<prefix>-partial` and `<prefix>-gap`.
    static func patterns(prefix: String) -> String {
        """
        <pattern id="\(prefix)-partial" patternUnits="userSpaceOnUse" width="6.0" height="6.0" patternTransform="rotate(45)">\
        <rect width="6.0" height="6.0" fill="#FBEBD3"/><rect width="2.4" height="6.0" fill="#B26A00"/></pattern>
        <pattern id="\(prefix)-gap" patternUnits="userSpaceOnUse" width="5.0" height="5.0" patternTransform="rotate(45)">\
        <rect width="5.0" height="5.0" fill="#F8DCDC"/><path d="M0,2.5 H5 M2.5,0 V5" stroke="#B71C1C" stroke-width="1.3"/></pattern>
        """
    }
}

/// SVG building blocks shared by the charts: escaping, number formatting, the root element and text.
enum ChartSVG {
    /// Colour of labels.
    static let ink = "#222222"
    /// Width of every chart's viewBox.
    static let width = 760.0

    /// Escapes `& < > " '` for XML text and attribute values; characters XML 1.0 forbids become U+FFFD.
    static func xmlEscape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where XMLCharacters.isForbidden(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with exactly one decimal, rounded half away from zero (`12.0`, `-3.5`); never an exponent.
    /// Non-finite values give `0.0`; magnitudes are capped at one billion.
    static func num(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let tenths = Int((min(max(value, -1e9), 1e9) * 10).rounded(.toNearestOrAwayFromZero))
        let magnitude = abs(tenths)
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    /// A value clamped to 0…1 (NaN gives 0).
    static func unit(_ value: Double) -> Double {
        value.isNaN ? 0 : min(max(value, 0), 1)
    }

    /// A score as a whole percentage (`0.583` → `58%`); nil or non-finite gives `–`.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(Int((unit(value) * 100).rounded())) + "%"
    }

    /// A threshold as a percentage with one decimal only where needed (`0.4` → `40%`, `0.375` → `37.5%`).
    static func thresholdLabel(_ value: Double) -> String {
        let tenths = Int((unit(value) * 1000).rounded())
        return String(tenths / 10) + (tenths % 10 == 0 ? "" : "." + String(tenths % 10)) + "%"
    }

    /// The opening `<svg>` tag and its `<title>`; `kind` is `radar`, `bar`, `gantt` or `phase`.
    static func open(kind: String, height: Double, title: String, style: ChartStyle) -> String {
        let label = xmlEscape(ChartText.clean(title))
        let h = String(Int(height.rounded(.up)))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(h)\" width=\"100%\""
            + " role=\"img\" aria-label=\"\(label)\" class=\"chart chart-\(kind)\""
            + " font-family=\"\(xmlEscape(style.fontFamily))\" font-size=\"11\">\n<title>\(label)</title>"
    }

    /// A small chart that says there is nothing to show (`–`).
    static func empty(kind: String, title: String, style: ChartStyle) -> String {
        [open(kind: kind, height: 40, title: title, style: style),
         text("–", x: width / 2, y: 25, anchor: "middle", size: 14, cls: "\(kind)-empty"),
         "</svg>"].joined(separator: "\n")
    }

    /// A `<text>` element; `text` is escaped here. `extra` holds further (already escaped) attributes.
    static func text(_ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                     fill: String = ink, bold: Bool = false, cls: String? = nil, extra: String = "") -> String {
        "<text" + (cls.map { " class=\"\($0)\"" } ?? "")
            + " x=\"\(num(x))\" y=\"\(num(y))\" text-anchor=\"\(anchor)\" font-size=\"\(num(size))\" fill=\"\(fill)\""
            + (bold ? " font-weight=\"bold\"" : "") + extra + ">" + xmlEscape(text) + "</text>"
    }

    /// Several lines of text as one `<text>` with a `<tspan>` per line; `baselines` gives each line's y.
    static func lines(_ lines: [String], x: Double, baselines: [Double], anchor: String, size: Double = 11,
                      cls: String? = nil) -> String {
        guard lines.count > 1 else {
            return text(lines.first ?? "", x: x, y: baselines.first ?? 0, anchor: anchor, size: size, cls: cls)
        }
        let spans = zip(lines, baselines).map { line, y in
            "<tspan x=\"\(num(x))\" y=\"\(num(y))\">\(xmlEscape(line))</tspan>"
        }
        return "<text" + (cls.map { " class=\"\($0)\"" } ?? "") + " text-anchor=\"\(anchor)\""
            + " font-size=\"\(num(size))\" fill=\"\(ink)\">" + spans.joined() + "</text>"
    }

    /// Attributes giving text a white outline, so it stays legible over lines and fills.
    static let halo = " stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""

    /// Two label positions pushed apart symmetrically until they are at least `gap` apart.
    static func separate(_ a: Double, _ b: Double, gap: Double) -> (Double, Double) {
        guard abs(a - b) < gap else { return (a, b) }
        let mid = (a + b) / 2, half = gap / 2
        return a <= b ? (mid - half, mid + half) : (mid + half, mid - half)
    }

    /// Parses `#RRGGBB` (case-insensitive) into its components.
    static func rgb(_ color: String) -> (Int, Int, Int)? {
        let digits = Array(color.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
        var values: [Int] = []
        for byte in digits.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): values.append(Int(byte - UInt8(ascii: "0")))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): values.append(Int(byte - UInt8(ascii: "a")) + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): values.append(Int(byte - UInt8(ascii: "A")) + 10)
            default: return nil
            }
        }
        return (values[0] * 16 + values[1], values[2] * 16 + values[3], values[4] * 16 + values[5])
    }

    /// Formats components 0…255 as upper-case `#RRGGBB`.
    static func hex(_ color: (Int, Int, Int)) -> String {
        let digits = Array("0123456789ABCDEF")
        var out = "#"
        for c in [color.0, color.1, color.2] {
            let v = min(max(c, 0), 255)
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }

    /// Sine and cosine of a fraction of a full turn, computed here (no libm) so output is the same on every platform.
    static func sinCos(turns: Double) -> (sin: Double, cos: Double) {
        var t = turns - turns.rounded(.down)          // 0 ≤ t < 1
        if t >= 0.5 { t -= 1 }                           // −0.5 ≤ t < 0.5
        let x = 2 * Double.pi * t                        // −π ≤ x < π
        var term = x, sine = x, cosTerm = 1.0, cosine = 1.0
        for k in 1...20 {
            let n = Double(2 * k)
            cosTerm *= -x * x / ((n - 1) * n)
            term *= -x * x / (n * (n + 1))
            cosine += cosTerm
            sine += term
        }
        return (sine, cosine)
    }
}
