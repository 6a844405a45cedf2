/// `word/styles.xml`: the document defaults (fonts, East Asian font, language), Word's built-in
/// heading and contents styles in the brand colour, and the table style.
enum WordStylesPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"

    static func xml(_ document: WordDocument) -> [UInt8] {
        var xml = XMLWriter()
        // Chinese characters are tagged zh-CN; Latin text is English in both languages (a Chinese
        // report's names and notes), so it wraps at spaces, not between letters.
        let latinLanguage = document.language.hasPrefix("zh") ? "en-US" : document.language, eastAsianLanguage = "zh-CN"
        xml.element("w:styles", [("xmlns:w", DocumentPart.w)]) { xml in
            xml.element("w:docDefaults") { xml in
                xml.element("w:rPrDefault") { xml in
                    xml.element("w:rPr") { xml in
                        fonts(&xml, latin: document.latinFont, eastAsian: document.eastAsianFont)
                        xml.element("w:sz", [("w:val", "20")])
                        xml.element("w:szCs", [("w:val", "20")])
                        xml.element("w:lang", [("w:val", latinLanguage), ("w:eastAsia", eastAsianLanguage), ("w:bidi", "ar-SA")])
                    }
                }
                xml.element("w:pPrDefault") { xml in
                    xml.element("w:pPr") { xml in xml.element("w:spacing", [("w:after", "120"), ("w:line", "264"), ("w:lineRule", "auto")]) }
                }
            }
            style(&xml, id: "Normal", name: "Normal", isDefault: true) { _ in } run: { _ in }
            style(&xml, id: "Title", name: "Title", next: "Normal") { xml in
                xml.element("w:spacing", [("w:before", "2400"), ("w:after", "240")])
            } run: { xml in
                fonts(&xml, latin: document.latinFont, eastAsian: document.eastAsianHeadingFont)
                xml.element("w:b")
                xml.element("w:color", [("w:val", document.accent)])
                size(&xml, 30)
            }
            style(&xml, id: "Subtitle", name: "Subtitle", next: "Normal") { xml in
                xml.element("w:spacing", [("w:after", "480")])
            } run: { xml in
                fonts(&xml, latin: document.latinFont, eastAsian: document.eastAsianHeadingFont)
                xml.element("w:color", [("w:val", "404040")])
                size(&xml, 16)
            }
            for (level, points, before) in [(1, 18.0, 0), (2, 13.0, 280), (3, 11.0, 200)] {
                style(&xml, id: "Heading\(level)", name: "heading \(level)", next: "Normal") { xml in
                    xml.element("w:keepNext")
                    xml.element("w:keepLines")
                    if level == 1 { xml.element("w:pageBreakBefore") }
                    if level == 1 {
                        xml.element("w:pBdr") { xml in
                            xml.element("w:bottom", [("w:val", "single"), ("w:sz", "8"), ("w:space", "4"), ("w:color", document.accent)])
                        }
                    }
                    xml.element("w:spacing", [("w:before", String(before)), ("w:after", "160")])
                    xml.element("w:outlineLvl", [("w:val", String(level - 1))])
                } run: { xml in
                    fonts(&xml, latin: document.latinFont, eastAsian: document.eastAsianHeadingFont)
                    xml.element("w:b")
                    xml.element("w:bCs")
                    xml.element("w:color", [("w:val", level == 3 ? "404040" : document.accent)])
                    size(&xml, points)
                }
            }
            style(&xml, id: "TOCHeading", name: "TOC Heading", basedOn: "Heading1", next: "Normal") { _ in } run: { _ in }
            for level in 1...3 {
                style(&xml, id: "TOC\(level)", name: "toc \(level)", next: "Normal") { xml in
                    xml.element("w:spacing", [("w:after", "60")])
                    xml.element("w:ind", [("w:left", String((level - 1) * 360))])
                } run: { xml in if level == 1 { xml.element("w:b") } }
            }
            style(&xml, id: "TableText", name: "Table Text") { xml in
                xml.element("w:spacing", [("w:before", "20"), ("w:after", "20"), ("w:line", "240"), ("w:lineRule", "auto")])
            } run: { xml in size(&xml, 8.5) }
            style(&xml, id: "AfterTable", name: "After Table") { xml in
                xml.element("w:spacing", [("w:after", "80"), ("w:line", "120"), ("w:lineRule", "exact")])
            } run: { xml in size(&xml, 4) }
            style(&xml, id: "Label", name: "Label") { xml in
                xml.element("w:spacing", [("w:after", "40")])
            } run: { xml in
                xml.element("w:color", [("w:val", "595959")])
                size(&xml, 9)
            }
            style(&xml, id: "Verdict", name: "Verdict") { xml in
                xml.element("w:pBdr") { xml in
                    xml.element("w:left", [("w:val", "single"), ("w:sz", "24"), ("w:space", "8"), ("w:color", document.accent)])
                }
                xml.element("w:spacing", [("w:before", "120"), ("w:after", "120")])
                xml.element("w:ind", [("w:left", "200")])
            } run: { xml in
                xml.element("w:b")
                size(&xml, 13)
            }
            style(&xml, id: "Header", name: "header") { xml in
                xml.element("w:pBdr") { xml in
                    xml.element("w:bottom", [("w:val", "single"), ("w:sz", "4"), ("w:space", "2"), ("w:color", "BFBFBF")])
                }
            } run: { xml in
                xml.element("w:color", [("w:val", "595959")])
                size(&xml, 8)
            }
            style(&xml, id: "Footer", name: "footer") { xml in
                xml.element("w:tabs") { xml in xml.element("w:tab", [("w:val", "right"), ("w:pos", String(DocumentPart.textWidth))]) }
            } run: { xml in
                xml.element("w:color", [("w:val", "595959")])
                size(&xml, 8)
            }
            xml.element("w:style", [("w:type", "character"), ("w:styleId", "Hyperlink")]) { xml in
                xml.element("w:name", [("w:val", "Hyperlink")])
                xml.element("w:rPr") { xml in xml.element("w:color", [("w:val", document.accent)]) }
            }
            tableStyle(&xml, accent: document.accent)
        }
        return xml.bytes
    }

    private static func fonts(_ xml: inout XMLWriter, latin: String, eastAsian: String) {
        xml.element("w:rFonts", [("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", eastAsian), ("w:cs", latin)])
    }

    private static func size(_ xml: inout XMLWriter, _ points: Double) {
        xml.element("w:sz", [("w:val", String(Int(points * 2)))])
        xml.element("w:szCs", [("w:val", String(Int(points * 2)))])
    }

    private static func style(_ xml: inout XMLWriter, id: String, name: String, basedOn: String? = "Normal", next: String? = nil,
                              isDefault: Bool = false, paragraph: (inout XMLWriter) -> Void, run: (inout XMLWriter) -> Void) {
        xml.element("w:style", [("w:type", "paragraph"), ("w:default", isDefault ? "1" : nil), ("w:styleId", id)]) { xml in
            xml.element("w:name", [("w:val", name)])
            if id != "Normal", let basedOn { xml.element("w:basedOn", [("w:val", basedOn)]) }
            if let next { xml.element("w:next", [("w:val", next)]) }
            xml.element("w:qFormat")
            xml.element("w:pPr") { xml in paragraph(&xml) }
            xml.element("w:rPr") { xml in run(&xml) }
        }
    }

    /// Thin grey borders; the first row (the header) white on the brand colour.
    private static func tableStyle(_ xml: inout XMLWriter, accent: String) {
        xml.element("w:style", [("w:type", "table"), ("w:styleId", "GapTable")]) { xml in
            xml.element("w:name", [("w:val", "GapKit Table")])
            xml.element("w:pPr") { xml in xml.element("w:spacing", [("w:after", "0")]) }
            xml.element("w:tblPr") { xml in
                xml.element("w:tblBorders") { xml in
                    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                        xml.element("w:" + side, [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "BFBFBF")])
                    }
                }
                xml.element("w:tblCellMar") { xml in
                    xml.element("w:left", [("w:w", "80"), ("w:type", "dxa")])
                    xml.element("w:right", [("w:w", "80"), ("w:type", "dxa")])
                }
            }
            xml.element("w:tblStylePr", [("w:type", "firstRow")]) { xml in
                xml.element("w:rPr") { xml in
                    xml.element("w:b")
                    xml.element("w:color", [("w:val", "FFFFFF")])
                }
                xml.element("w:tcPr") { xml in xml.element("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", accent)]) }
            }
        }
    }
}
