/// `xl/styles.xml`: the number formats, fonts, fills and borders behind `CellStyle`, and the
/// fills of `ConditionalFill.Tone`.
enum SpreadsheetStylesPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
    static let decimalFormat = 164
    static let dateFormat = 165
    static let percentFormat = 166

    static func xml(font: String, accent: String) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("styleSheet", [("xmlns", "http://schemas.openxmlformats.org/spreadsheetml/2006/main")]) { xml in
            xml.element("numFmts", [("count", "3")]) { xml in
                xml.element("numFmt", [("numFmtId", String(decimalFormat)), ("formatCode", "0.0")])
                xml.element("numFmt", [("numFmtId", String(dateFormat)), ("formatCode", "yyyy-mm-dd")])
                xml.element("numFmt", [("numFmtId", String(percentFormat)), ("formatCode", "0.0%")])
            }
            // Fonts: 0 body, 1 header (bold, white), 2 bold, 3 title (bold, larger, accent colour).
            xml.element("fonts", [("count", "4")]) { xml in
                for (bold, color, size) in [(false, nil, "11"), (true, "FFFFFF", "11"), (true, nil, "11"), (true, accent, "14")] {
                    xml.element("font") { xml in
                        if bold { xml.element("b") }
                        xml.element("sz", [("val", size)])
                        if let color { xml.element("color", [("rgb", "FF" + color)]) }
                        xml.element("name", [("val", font)])
                        xml.element("family", [("val", "2")])
                    }
                }
            }
            // Fills: 0 none, 1 gray125 (both required first), 2 accent, 3 cells the client fills in.
            xml.element("fills", [("count", "4")]) { xml in
                xml.element("fill") { xml in xml.element("patternFill", [("patternType", "none")]) }
                xml.element("fill") { xml in xml.element("patternFill", [("patternType", "gray125")]) }
                for rgb in [accent, "FFF8E1"] {
                    xml.element("fill") { xml in
                        xml.element("patternFill", [("patternType", "solid")]) { xml in
                            xml.element("fgColor", [("rgb", "FF" + rgb)])
                            xml.element("bgColor", [("indexed", "64")])
                        }
                    }
                }
            }
            xml.element("borders", [("count", "2")]) { xml in
                xml.element("border") { xml in for side in ["left", "right", "top", "bottom", "diagonal"] { xml.element(side) } }
                xml.element("border") { xml in
                    for side in ["left", "right", "top", "bottom"] {
                        xml.element(side, [("style", "thin")]) { xml in xml.element("color", [("rgb", "FFBFBFBF")]) }
                    }
                    xml.element("diagonal")
                }
            }
            xml.element("cellStyleXfs", [("count", "1")]) { xml in
                xml.element("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
            }
            xml.element("cellXfs", [("count", String(CellStyle.allCases.count))]) { xml in
                for style in CellStyle.allCases { xf(style, into: &xml) }
            }
            xml.element("cellStyles", [("count", "1")]) { xml in
                xml.element("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
            }
            xml.element("dxfs", [("count", String(ConditionalFill.Tone.allCases.count))]) { xml in
                for tone in ConditionalFill.Tone.allCases {
                    xml.element("dxf") { xml in
                        xml.element("fill") { xml in
                            xml.element("patternFill", [("patternType", "solid")]) { xml in
                                xml.element("fgColor", [("rgb", "FF" + tone.rgb)])
                                xml.element("bgColor", [("rgb", "FF" + tone.rgb)])
                            }
                        }
                    }
                }
            }
        }
        return xml.bytes
    }

    private static func xf(_ style: CellStyle, into xml: inout XMLWriter) {
        let font: Int, fill: Int, border: Int
        switch style {
        case .plain: (font, fill, border) = (0, 0, 0)
        case .header: (font, fill, border) = (1, 2, 1)
        case .title: (font, fill, border) = (3, 0, 0)
        case .label: (font, fill, border) = (2, 0, 0)
        case .inputText, .inputPercent, .inputDate: (font, fill, border) = (0, 3, 1)
        default: (font, fill, border) = (0, 0, 1)
        }
        let format = style.numberFormat
        let wraps = style == .text || style == .header || style == .inputText
        xml.element("xf", [("numFmtId", String(format)), ("fontId", String(font)), ("fillId", String(fill)),
                           ("borderId", String(border)), ("xfId", "0"),
                           ("applyNumberFormat", format == 0 ? nil : "1"), ("applyFont", font == 0 ? nil : "1"),
                           ("applyFill", fill == 0 ? nil : "1"), ("applyBorder", border == 0 ? nil : "1"),
                           ("applyAlignment", "1")]) { xml in
            xml.element("alignment", [("vertical", "top"), ("wrapText", wraps ? "1" : nil)])
        }
    }
}
