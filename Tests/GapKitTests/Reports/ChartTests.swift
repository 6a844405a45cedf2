import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GapKit

/// The four report charts: well-formed, escaped, deterministic, and geometry that matches the data.
@Suite(.serialized)   // XMLParser (libxml2) is not relied on to be thread-safe
struct ChartTests {
    static let hostile = "<script>alert(1)</script> & \"q\""

    static func radar(_ axes: [RadarChart.Axis]? = nil, label: String = "Context of the organization") -> RadarChart {
        RadarChart(axes: axes ?? [.init(label: label, value: 0.5), .init(label: "领导作用", value: 0.9),
                                  .init(label: "Planning", value: nil), .init(label: "Support", value: 0.25),
                                  .init(label: "Operation of the SMS", value: 1)],
                   partial: 0.4, compliant: 0.8, title: "Requirement areas")
    }

    static func bars(label: String = "4  Context of the organization") -> BarChart {
        BarChart(bars: [.init(label: label, value: 0.25, tone: .gap), .init(label: "5  Leadership", value: 0.5, tone: .partial),
                        .init(label: "6  Planning", value: 0.86, tone: .compliant), .init(label: "7  Support", value: nil, tone: .none)],
                 partial: 0.4, compliant: 0.8,
                 legend: [(.compliant, "Compliant"), (.partial, "Partially compliant"), (.gap, "Gap"), (.none, label)],
                 title: "Clauses")
    }

    static func gantt(label: String = "Define the SMS scope", totalWeeks: Int = 26) -> GanttChart {
        GanttChart(rows: [.init(label: label, start: 2.0, end: 5.0, kind: .action, phaseIndex: 0),
                          .init(label: "Scope approved", start: 4.5, end: 6.0, kind: .milestone, phaseIndex: 0),
                          .init(label: "制定服务管理方针和目标", start: 6, end: 9.5, kind: .action, phaseIndex: 1),
                          .init(label: "Internal audit", start: 12, end: 14, kind: .action, phaseIndex: 2),
                          .init(label: "Certification audit", start: 20, end: 20, kind: .milestone, phaseIndex: 3)],
                   phaseLabels: ["Phase 1 – Foundations", "Phase 2", "阶段 3", label],
                   totalWeeks: totalWeeks, weekLabel: "Week", title: "Plan")
    }

    static func phase(label: String = "Today") -> PhaseChart {
        PhaseChart(columns: [.init(label: label, value: 0.42), .init(label: "Phase 1", value: 0.6),
                             .init(label: "Phase 2", value: nil), .init(label: "Phase 3", value: 0.86)],
                   partial: 0.4, compliant: 0.8, title: "Projection")
    }

    static func all(label: String? = nil) -> [String] {
        guard let label else { return [radar().svg(), bars().svg(), gantt().svg(), phase().svg()] }
        var r = radar(label: label), b = bars(label: label), g = gantt(label: label), p = phase(label: label)
        r.title = label; b.title = label; g.title = label; p.title = label
        g.weekLabel = label
        return [r.svg(), b.svg(), g.svg(), p.svg()]
    }

    @Test func everyChartIsWellFormedXMLWithTheRequiredRoot() throws {
        let empty = [RadarChart(axes: [], partial: 0.4, compliant: 0.8, title: "R").svg(),
                     BarChart(bars: [], partial: 0.4, compliant: 0.8, legend: [], title: "B").svg(),
                     GanttChart(rows: [], phaseLabels: [], totalWeeks: 1, weekLabel: "周", title: "G").svg(),
                     PhaseChart(columns: [], partial: 0.4, compliant: 0.8, title: "P").svg()]
        for (svg, kind) in zip(Self.all() + Self.all(label: Self.hostile) + empty, Array(repeating: ["radar", "bar", "gantt", "phase"], count: 3).joined()) {
            let doc = try #require(ChartXML.parse(svg), "not well-formed:\n\(svg)")
            let root = try #require(doc.first)
            #expect(root.name == "svg")
            #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(root.attributes["width"] == "100%" && root.attributes["role"] == "img")
            #expect(root.attributes["class"] == "chart chart-\(kind)")
            #expect(root.attributes["viewBox"]?.hasPrefix("0 0 760 ") == true)
            #expect(doc.count > 1 && doc[1].name == "title" && doc[1].text == root.attributes["aria-label"])
        }
        for svg in empty {
            #expect(ChartXML.parse(svg)?.contains { $0.name == "text" && $0.text == "–" } == true)
        }
    }

    @Test func hostileLabelsComeOutEscaped() throws {
        for svg in Self.all(label: Self.hostile) {
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("\"q\""))
            #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"))
            let doc = try #require(ChartXML.parse(svg))
            #expect(doc[1].text == Self.hostile)
        }
        #expect(ChartSVG.xmlEscape("a&b<c>d\"e'f\u{1}") == "a&amp;b&lt;c&gt;d&quot;e&#39;f\u{FFFD}")
    }

    @Test func outputIsDeterministic() {
        #expect(Self.all() == Self.all())
        #expect(Self.all(label: Self.hostile) == Self.all(label: Self.hostile))
    }

    @Test func numbersHaveOneDecimalAndNoExponent() {
        #expect(ChartSVG.num(0.00001) == "0.0")
        #expect(ChartSVG.num(-0.04) == "0.0")
        #expect(ChartSVG.num(12.25) == "12.3")
        #expect(ChartSVG.num(-3.45) == "-3.5")
        #expect(ChartSVG.num(.nan) == "0.0" && ChartSVG.num(.infinity) == "0.0")
        #expect(ChartSVG.percent(0.5833) == "58%" && ChartSVG.percent(nil) == "–")
        #expect(ChartSVG.thresholdLabel(0.4) == "40%" && ChartSVG.thresholdLabel(0.375) == "37.5%")
        // Every coordinate in every chart has the form -?digits.digit.
        let coordinates: Set = ["x", "y", "width", "height", "cx", "cy", "r", "x1", "y1", "x2", "y2"]
        for svg in Self.all() {
            for element in ChartXML.parse(svg) ?? [] where element.name != "pattern" && element.name != "svg" {
                for (name, value) in element.attributes where coordinates.contains(name) {
                    #expect(Self.isFixedOneDecimal(value), "\(element.name) \(name)=\(value)")
                }
            }
        }
    }

    static func isFixedOneDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 1, parts[1].allSatisfy(\.isNumber) else { return false }
        let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
        return !whole.isEmpty && whole.allSatisfy(\.isNumber)
    }

    @Test func idsArePrefixedAndUniqueAcrossCharts() throws {
        var ids: [String] = []
        for (svg, prefix) in zip(Self.all(), ["radar-", "bar-", "gantt-", "phase-"]) {
            let chartIDs = try #require(ChartXML.parse(svg)).compactMap { $0.attributes["id"] }
            #expect(chartIDs.allSatisfy { $0.hasPrefix(prefix) })
            ids += chartIDs
        }
        #expect(Set(ids).count == ids.count)
    }

    @Test func radarHasOneVertexPerAxisAtTheRightPlace() throws {
        let doc = try #require(ChartXML.parse(Self.radar().svg()))
        let polygon = try #require(doc.first { $0.attributes["class"] == "radar-score" })
        let points = ChartXML.points(polygon.attributes["points"] ?? "")
        #expect(points.count == 5)
        let axes = doc.filter { $0.attributes["class"] == "radar-axis" }
        #expect(axes.count == 5)
        let first = try #require(axes.first)
        let (x1, y1, x2, y2) = (first.number("x1"), first.number("y1"), first.number("x2"), first.number("y2"))
        #expect(abs(points[0].x - (x1 + x2) / 2) <= 0.1 && abs(points[0].y - (y1 + y2) / 2) <= 0.1)
        #expect(abs(points[2].x - x1) <= 0.1 && abs(points[2].y - y1) <= 0.1)          // nil sits at the centre
        #expect(abs(points[4].x - ChartXML.number(axes[4].attributes["x2"])) <= 0.1)    // 1.0 at the outer end
        let values = doc.filter { $0.attributes["class"] == "radar-value" }.map(\.text)
        #expect(values == ["50%", "90%", "–", "25%", "100%"])
        #expect(doc.filter { $0.attributes["class"] == "radar-threshold" }.map(\.text) == ["40%", "80%"])
    }

    @Test func barWidthsAreProportionalToValues() throws {
        let doc = try #require(ChartXML.parse(Self.bars().svg()))
        let rects = doc.filter { $0.attributes["class"] == "bar-value" }
        #expect(rects.count == 3)   // the nil bar draws none
        let quarter = rects[0].number("width"), half = rects[1].number("width")
        #expect(quarter > 0 && abs(half - 2 * quarter) <= 0.15)
        #expect(rects[1].attributes["fill"] == "url(#bar-partial)" && rects[0].attributes["fill"] == "url(#bar-gap)")
        let labels = doc.filter { $0.attributes["class"] == "bar-value-label" }.map(\.text)
        #expect(labels == ["25%", "50%", "86%", "–"])
        #expect(doc.filter { $0.attributes["class"] == "bar-legend" }.count == 4)
        #expect(doc.filter { $0.attributes["class"] == "bar-threshold" }.count == 2)
    }

    @Test func ganttBarsSitOnTheirWeeks() throws {
        let doc = try #require(ChartXML.parse(Self.gantt().svg()))
        let plot = try #require(doc.first { $0.attributes["class"] == "gantt-plot" })
        let unit = plot.number("width") / 26
        func weekX(_ w: Double) -> Double { plot.number("x") + w * unit }
        let bar = try #require(doc.first { $0.attributes["class"] == "gantt-bar" })
        #expect(abs(bar.number("x") - weekX(2)) <= 0.1)
        #expect(abs(bar.number("x") + bar.number("width") - weekX(5)) <= 0.15)
        #expect(doc.filter { $0.attributes["class"] == "gantt-bar" }.count == 3)
        #expect(doc.filter { $0.attributes["class"] == "gantt-milestone" }.count == 2)
        #expect(doc.filter { $0.attributes["class"] == "gantt-phase" }.map(\.text)
                == ["Phase 1 – Foundations", "Phase 2", "阶段 3", "Define the SMS scope"])
        #expect(doc.contains { $0.attributes["class"] == "gantt-axis-label" && $0.text == "Week" })
    }

    @Test func ganttTickIntervalGrowsWithThePlan() throws {
        #expect(GanttChart.tickInterval(totalWeeks: 10) == 1)
        let long = GanttChart.tickInterval(totalWeeks: 100)
        #expect(long > 1 && [2, 4, 8, 13, 26].contains(long))
        #expect(GanttChart.tickInterval(totalWeeks: 1000) > long)
        let doc = try #require(ChartXML.parse(Self.gantt(totalWeeks: 100).svg()))
        let weeks = doc.filter { $0.attributes["class"] == "gantt-week" }
        #expect(weeks.count == (100 - 1) / long + 1 && weeks.first?.text == "1")
        // Neighbouring labels are farther apart than they are wide.
        let xs = weeks.map { $0.number("x") }
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= ChartText.width("100", fontSize: 10) })
    }

    @Test func longPlansUseCompactRows() throws {
        let rows = (0..<60).map { GanttChart.Row(label: "Action \($0)", start: Double($0) / 2, end: Double($0) / 2 + 2,
                                                 kind: $0 % 10 == 9 ? .milestone : .action, phaseIndex: $0 / 15) }
        let chart = GanttChart(rows: rows, phaseLabels: ["A", "B", "C", "D"], totalWeeks: 40, weekLabel: "周", title: "Plan")
        let doc = try #require(ChartXML.parse(chart.svg()))
        let heights = Set(doc.filter { $0.attributes["class"] == "gantt-bar" }.map { $0.number("height") })
        #expect(heights == [10])
        #expect(doc.filter { $0.attributes["class"] == "gantt-milestone" }.count == 6)
        // 60 rows and 4 phase headers fit an A4 page (≈ 1.4 times as tall as wide).
        let height = try #require(doc.first?.attributes["viewBox"]?.split(separator: " ").last.flatMap { Double($0) })
        #expect(height <= 1.4 * 760)
    }

    @Test func longLabelsAreTruncatedToFit() throws {
        let long = String(repeating: "组织要求", count: 20)
        let doc = try #require(ChartXML.parse(Self.gantt(label: long).svg()))
        let label = try #require(doc.first { $0.attributes["class"] == "gantt-label" })
        #expect(label.text.hasSuffix("…") && label.text.count < long.count)
        #expect(ChartText.width(label.text, fontSize: 11) <= GanttChart.plotLeft - 24)
        #expect(ChartText.wrap("Context of the organization", maxWidth: 100, fontSize: 11, maxLines: 2)
                == ["Context of the", "organization"])
        #expect(ChartText.wrap("组织要求组织要求", maxWidth: 45, fontSize: 11, maxLines: 2) == ["组织要求", "组织要求"])
    }

    @Test func phaseChartHasOneColumnPerValue() throws {
        let doc = try #require(ChartXML.parse(Self.phase().svg()))
        let columns = doc.filter { $0.attributes["class"] == "phase-column" }
        #expect(columns.count == 3)
        #expect(doc.filter { $0.attributes["class"] == "phase-value" }.map(\.text) == ["42%", "60%", "–", "86%"])
        #expect(doc.filter { $0.attributes["class"] == "phase-label" }.map(\.text) == ["Today", "Phase 1", "Phase 2", "Phase 3"])
        #expect(columns[0].number("height") < columns[2].number("height"))
        #expect(doc.filter { $0.attributes["class"] == "phase-threshold-label" }.map(\.text) == ["40%", "80%"])
    }

    @Test func oddInputStaysWellFormed() {
        let radar = RadarChart(axes: [.init(label: "", value: .nan), .init(label: "\n\t", value: -3)],
                               partial: .infinity, compliant: .nan, title: "", style: ChartStyle(primary: "red\"/>"))
        let bars = BarChart(bars: [.init(label: "x", value: 7, tone: .gap)], partial: 0.9, compliant: 0.9,
                            legend: [], title: "t")
        let gantt = GanttChart(rows: [.init(label: "a", start: 9, end: 2, kind: .action, phaseIndex: -5),
                                      .init(label: "b", start: .nan, end: 1e300, kind: .milestone, phaseIndex: 7)],
                               phaseLabels: [], totalWeeks: Int.max, weekLabel: "", title: "t")
        let phase = PhaseChart(columns: [.init(label: "", value: -.infinity)], partial: 0, compliant: 1, title: "t")
        let single = RadarChart(axes: [.init(label: "Only", value: 0.7)], partial: 0.4, compliant: 0.8, title: "t")
        #expect(ChartXML.parse(radar.svg())?.filter { $0.attributes["class"] == "radar-value" }.map(\.text) == ["–", "0%"])
        for svg in [radar.svg(), single.svg(), bars.svg(), gantt.svg(), phase.svg()] {
            #expect(ChartXML.parse(svg) != nil)
            #expect(!svg.contains("nan") && !svg.contains("inf") && !svg.contains("red\""))
        }
    }
}

/// A tiny XML reader for the tests: every element in document order with its attributes and all text inside it.
private final class ChartXML: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }
        func number(_ attribute: String) -> Double { ChartXML.number(attributes[attribute]) }
    }

    private var elements: [Element] = []
    private var open: [Element] = []

    /// The elements of `svg`, or nil if it is not well-formed XML.
    static func parse(_ svg: String) -> [Element]? {
        let parser = XMLParser(data: Data(svg.utf8))
        let reader = ChartXML()
        parser.delegate = reader
        return parser.parse() ? reader.elements : nil
    }

    static func number(_ text: String?) -> Double { text.flatMap(Double.init) ?? .nan }

    /// `"x,y x,y"` as points.
    static func points(_ text: String) -> [(x: Double, y: Double)] {
        text.split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").map { Double($0) ?? .nan }
            return (xy.first ?? .nan, xy.last ?? .nan)
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let element = Element(name: elementName, attributes: attributeDict)
        elements.append(element)
        open.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for element in open { element.text += string }
    }
}
