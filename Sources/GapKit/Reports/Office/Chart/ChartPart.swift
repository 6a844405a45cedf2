/// `word/charts/chartN.xml`: a chart as DrawingML, its data kept in the part (literal values),
/// so it shows and can be restyled in Word and LibreOffice with no embedded workbook.
enum ChartPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let namespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    static func xml(_ chart: Chart, language: String, font: String) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("c:chartSpace", [("xmlns:c", namespace), ("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
                                     ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]) { xml in
            xml.element("c:lang", [("val", language)])
            xml.element("c:roundedCorners", [("val", "0")])
            xml.element("c:chart") { xml in
                xml.element("c:title") { xml in
                    xml.element("c:tx") { xml in
                        xml.element("c:rich") { xml in
                            xml.element("a:bodyPr")
                            xml.element("a:p") { xml in
                                xml.element("a:pPr") { xml in textProperties(&xml, size: 1200, bold: true, font: font, tag: "a:defRPr") }
                                xml.element("a:r") { xml in
                                    textProperties(&xml, size: 1200, bold: true, font: font, tag: "a:rPr", language: language)
                                    xml.element("a:t", text: chart.title)
                                }
                            }
                        }
                    }
                    xml.element("c:overlay", [("val", "0")])
                }
                xml.element("c:autoTitleDeleted", [("val", "0")])
                xml.element("c:plotArea") { xml in
                    xml.element("c:layout")
                    switch chart.kind {
                    case .bar(let horizontal):
                        xml.element("c:barChart") { xml in
                            xml.element("c:barDir", [("val", horizontal ? "bar" : "col")])
                            xml.element("c:grouping", [("val", "clustered")])
                            xml.element("c:varyColors", [("val", "0")])
                            for (index, series) in chart.series.enumerated() { write(series, index, chart, bar: true, into: &xml) }
                            xml.element("c:gapWidth", [("val", "60")])
                            xml.element("c:axId", [("val", "1001")])
                            xml.element("c:axId", [("val", "1002")])
                        }
                        axes(&xml, chart, categoryPosition: horizontal ? "l" : "b", valuePosition: horizontal ? "b" : "l",
                             reversed: horizontal, font: font)
                    case .radar:
                        xml.element("c:radarChart") { xml in
                            xml.element("c:radarStyle", [("val", "marker")])
                            xml.element("c:varyColors", [("val", "0")])
                            for (index, series) in chart.series.enumerated() { write(series, index, chart, bar: false, into: &xml) }
                            xml.element("c:axId", [("val", "1001")])
                            xml.element("c:axId", [("val", "1002")])
                        }
                        axes(&xml, chart, categoryPosition: "b", valuePosition: "l", reversed: false, font: font)
                    }
                }
                if chart.showLegend {
                    xml.element("c:legend") { xml in
                        xml.element("c:legendPos", [("val", "b")])
                        xml.element("c:overlay", [("val", "0")])
                        xml.element("c:txPr") { xml in
                            xml.element("a:bodyPr")
                            xml.element("a:p") { xml in xml.element("a:pPr") { xml in textProperties(&xml, size: 900, bold: false, font: font, tag: "a:defRPr") } }
                        }
                    }
                }
                xml.element("c:plotVisOnly", [("val", "1")])
                xml.element("c:dispBlanksAs", [("val", "gap")])
            }
        }
        return xml.bytes
    }

    private static func textProperties(_ xml: inout XMLWriter, size: Int, bold: Bool, font: String, tag: String, language: String? = nil) {
        xml.element(tag, [("lang", language), ("sz", String(size)), ("b", bold ? "1" : "0")]) { xml in
            xml.element("a:latin", [("typeface", "Calibri")])
            xml.element("a:ea", [("typeface", font)])
        }
    }

    private static func fill(_ xml: inout XMLWriter, _ rgb: String) {
        xml.element("a:solidFill") { xml in xml.element("a:srgbClr", [("val", rgb)]) }
    }

    private static func write(_ series: Chart.Series, _ index: Int, _ chart: Chart, bar: Bool, into xml: inout XMLWriter) {
        xml.element("c:ser") { xml in
            xml.element("c:idx", [("val", String(index))])
            xml.element("c:order", [("val", String(index))])
            xml.element("c:tx") { xml in xml.element("c:v", text: series.name) }
            xml.element("c:spPr") { xml in
                if bar { fill(&xml, series.color) }
                xml.element("a:ln", [("w", series.dashed ? "19050" : "28575")]) { xml in
                    fill(&xml, series.color)
                    if series.dashed { xml.element("a:prstDash", [("val", "dash")]) }
                }
            }
            if bar {
                xml.element("c:invertIfNegative", [("val", "0")])
            } else {
                xml.element("c:marker") { xml in
                    xml.element("c:symbol", [("val", series.dashed ? "none" : "circle")])
                    if !series.dashed {
                        xml.element("c:size", [("val", "6")])
                        xml.element("c:spPr") { xml in fill(&xml, series.color) }
                    }
                }
            }
            for (point, color) in series.pointColors.enumerated() {
                guard let color else { continue }
                xml.element("c:dPt") { xml in
                    xml.element("c:idx", [("val", String(point))])
                    if bar { xml.element("c:invertIfNegative", [("val", "0")]) }
                    xml.element("c:bubble3D", [("val", "0")])
                    xml.element("c:spPr") { xml in fill(&xml, color) }
                }
            }
            xml.element("c:dLbls") { xml in
                xml.element("c:numFmt", [("formatCode", chart.percent ? "0%" : "General"), ("sourceLinked", "0")])
                xml.element("c:spPr") { xml in xml.element("a:noFill"); xml.element("a:ln") { xml in xml.element("a:noFill") } }
                for (flag, on) in [("showLegendKey", false), ("showVal", series.labels), ("showCatName", false),
                                   ("showSerName", false), ("showPercent", false), ("showBubbleSize", false)] {
                    xml.element("c:" + flag, [("val", on ? "1" : "0")])
                }
            }
            xml.element("c:cat") { xml in
                xml.element("c:strLit") { xml in
                    xml.element("c:ptCount", [("val", String(chart.categories.count))])
                    for (point, label) in chart.categories.enumerated() {
                        xml.element("c:pt", [("idx", String(point))]) { xml in xml.element("c:v", text: label) }
                    }
                }
            }
            xml.element("c:val") { xml in
                xml.element("c:numLit") { xml in
                    xml.element("c:formatCode", text: chart.percent ? "0%" : "General")
                    xml.element("c:ptCount", [("val", String(series.values.count))])
                    for (point, value) in series.values.enumerated() {
                        guard let value, value.isFinite else { continue }
                        xml.element("c:pt", [("idx", String(point))]) { xml in xml.element("c:v", text: WorksheetPart.number(value)) }
                    }
                }
            }
        }
    }

    private static func axes(_ xml: inout XMLWriter, _ chart: Chart, categoryPosition: String, valuePosition: String,
                             reversed: Bool, font: String) {
        xml.element("c:catAx") { xml in
            xml.element("c:axId", [("val", "1001")])
            xml.element("c:scaling") { xml in xml.element("c:orientation", [("val", reversed ? "maxMin" : "minMax")]) }
            xml.element("c:delete", [("val", "0")])
            xml.element("c:axPos", [("val", categoryPosition)])
            xml.element("c:numFmt", [("formatCode", "General"), ("sourceLinked", "0")])
            xml.element("c:majorTickMark", [("val", "none")])
            xml.element("c:minorTickMark", [("val", "none")])
            xml.element("c:tickLblPos", [("val", "nextTo")])
            xml.element("c:txPr") { xml in
                xml.element("a:bodyPr")
                xml.element("a:p") { xml in xml.element("a:pPr") { xml in textProperties(&xml, size: 800, bold: false, font: font, tag: "a:defRPr") } }
            }
            xml.element("c:crossAx", [("val", "1002")])
            xml.element("c:crosses", [("val", "autoZero")])
            xml.element("c:auto", [("val", "1")])
            xml.element("c:lblAlgn", [("val", "ctr")])
            xml.element("c:lblOffset", [("val", "100")])
            xml.element("c:noMultiLvlLbl", [("val", "0")])
        }
        xml.element("c:valAx") { xml in
            xml.element("c:axId", [("val", "1002")])
            xml.element("c:scaling") { xml in
                xml.element("c:orientation", [("val", "minMax")])
                if chart.percent {
                    xml.element("c:max", [("val", "1")])
                    xml.element("c:min", [("val", "0")])
                }
            }
            xml.element("c:delete", [("val", "0")])
            xml.element("c:axPos", [("val", valuePosition)])
            xml.element("c:majorGridlines") { xml in
                xml.element("c:spPr") { xml in xml.element("a:ln", [("w", "6350")]) { xml in fill(&xml, "D9D9D9") } }
            }
            xml.element("c:numFmt", [("formatCode", chart.percent ? "0%" : "General"), ("sourceLinked", "0")])
            xml.element("c:majorTickMark", [("val", "none")])
            xml.element("c:minorTickMark", [("val", "none")])
            xml.element("c:tickLblPos", [("val", "nextTo")])
            xml.element("c:txPr") { xml in
                xml.element("a:bodyPr")
                xml.element("a:p") { xml in xml.element("a:pPr") { xml in textProperties(&xml, size: 800, bold: false, font: font, tag: "a:defRPr") } }
            }
            xml.element("c:crossAx", [("val", "1001")])
            xml.element("c:crosses", [("val", "autoZero")])
            xml.element("c:crossBetween", [("val", "between")])
            if chart.percent { xml.element("c:majorUnit", [("val", "0.25")]) }
        }
    }
}
