/// `word/document.xml`: the body of a `WordDocument`.
enum DocumentPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A4 in twentieths of a point, and its margins.
    static let pageWidth = 11906, pageHeight = 16838, margin = 1134
    static var textWidth: Int { pageWidth - 2 * margin }

    /// Relationship ids the package gives the parts the body points to.
    struct Ids {
        var header: String
        var footer: String
        var logo: String?
        var charts: [String]
    }

    static func xml(_ document: WordDocument, ids: Ids) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("w:document", [
            ("xmlns:w", w), ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
            ("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
            ("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
            ("xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
            ("xmlns:c", ChartPart.namespace),
        ]) { xml in
            xml.element("w:body") { xml in
                var writer = BodyWriter(document: document, ids: ids)
                for block in document.blocks { writer.write(block, into: &xml) }
                xml.element("w:sectPr") { xml in
                    xml.element("w:headerReference", [("w:type", "default"), ("r:id", ids.header)])
                    xml.element("w:footerReference", [("w:type", "default"), ("r:id", ids.footer)])
                    xml.element("w:pgSz", [("w:w", String(pageWidth)), ("w:h", String(pageHeight))])
                    xml.element("w:pgMar", [("w:top", String(margin)), ("w:right", String(margin)), ("w:bottom", String(margin)),
                                            ("w:left", String(margin)), ("w:header", "567"), ("w:footer", "567"), ("w:gutter", "0")])
                    // The cover has no header or footer.
                    xml.element("w:titlePg")
                }
            }
        }
        return xml.bytes
    }

    /// Writes a run of text: line breaks and tabs become Word's own, spaces at the ends are kept.
    static func run(_ run: WordDocument.Run, into xml: inout XMLWriter) {
        xml.element("w:r") { xml in
            if run.bold || run.color != nil || run.size != nil {
                xml.element("w:rPr") { xml in
                    if run.bold { xml.element("w:b"); xml.element("w:bCs") }
                    if let color = run.color { xml.element("w:color", [("w:val", color)]) }
                    if let size = run.size {
                        xml.element("w:sz", [("w:val", String(Int(size * 2)))])
                        xml.element("w:szCs", [("w:val", String(Int(size * 2)))])
                    }
                }
            }
            text(run.text, into: &xml)
        }
    }

    /// `<w:t>` pieces with `<w:br/>` and `<w:tab/>` between them.
    static func text(_ text: String, into xml: inout XMLWriter) {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { xml.element("w:br") }
            for (part, piece) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if part > 0 { xml.element("w:tab") }
                if piece.isEmpty { continue }
                let keep = piece.first?.isWhitespace == true || piece.last?.isWhitespace == true
                xml.element("w:t", [("xml:space", keep ? "preserve" : nil)], text: String(piece))
            }
        }
    }
}

/// Writes blocks in order, numbering drawings and bookmarks as it goes.
private struct BodyWriter {
    let document: WordDocument
    let ids: DocumentPart.Ids
    let headings: [(level: Int, text: String, bookmark: String)]
    var headingIndex = 0
    var drawing = 0

    init(document: WordDocument, ids: DocumentPart.Ids) {
        self.document = document
        self.ids = ids
        headings = document.headings
    }

    mutating func write(_ block: WordDocument.Block, into xml: inout XMLWriter) {
        switch block {
        case .heading(let level, let text):
            let bookmark = headings[headingIndex].bookmark
            headingIndex += 1
            xml.element("w:p") { xml in
                xml.element("w:pPr") { xml in xml.element("w:pStyle", [("w:val", "Heading\(min(max(level, 1), 3))")]) }
                xml.element("w:bookmarkStart", [("w:id", String(headingIndex)), ("w:name", bookmark)])
                DocumentPart.run(.init(text), into: &xml)
                xml.element("w:bookmarkEnd", [("w:id", String(headingIndex))])
            }
        case .paragraph(let runs, let style):
            xml.element("w:p") { xml in
                if let style { xml.element("w:pPr") { xml in xml.element("w:pStyle", [("w:val", style)]) } }
                for run in runs { DocumentPart.run(run, into: &xml) }
            }
        case .table(let table):
            WordTable.write(table, accent: document.accent, into: &xml)
        case .contents(let levels):
            contents(levels, into: &xml)
        case .chart(let index, let width, let height):
            guard index < ids.charts.count else { return }
            drawing += 1
            let id = ids.charts[index], number = drawing
            inline(width: width, height: height, name: "Chart \(number)", into: &xml) { xml in
                xml.element("a:graphicData", [("uri", ChartPart.namespace)]) { xml in
                    xml.element("c:chart", [("r:id", id)])
                }
            }
        case .logo(let height):
            guard let logo = document.logo, let id = ids.logo, logo.height > 0 else { return }
            drawing += 1
            let width = height * Double(logo.width) / Double(logo.height), number = drawing
            inline(width: width, height: height, name: "Logo", into: &xml) { xml in
                xml.element("a:graphicData", [("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture")]) { xml in
                    xml.element("pic:pic") { xml in
                        xml.element("pic:nvPicPr") { xml in
                            xml.element("pic:cNvPr", [("id", String(number)), ("name", "logo.png")])
                            xml.element("pic:cNvPicPr")
                        }
                        xml.element("pic:blipFill") { xml in
                            xml.element("a:blip", [("r:embed", id)])
                            xml.element("a:stretch") { xml in xml.element("a:fillRect") }
                        }
                        xml.element("pic:spPr") { xml in
                            xml.element("a:xfrm") { xml in
                                xml.element("a:off", [("x", "0"), ("y", "0")])
                                xml.element("a:ext", [("cx", String(emu(width))), ("cy", String(emu(height)))])
                            }
                            xml.element("a:prstGeom", [("prst", "rect")]) { xml in xml.element("a:avLst") }
                        }
                    }
                }
            }
        case .pageBreak:
            xml.element("w:p") { xml in xml.element("w:r") { xml in xml.element("w:br", [("w:type", "page")]) } }
        }
    }

    /// Centimetres → English Metric Units.
    private func emu(_ centimetres: Double) -> Int { Int((centimetres * 360_000).rounded()) }

    private func inline(width: Double, height: Double, name: String, into xml: inout XMLWriter,
                        graphic: (inout XMLWriter) -> Void) {
        let number = drawing
        xml.element("w:p") { xml in
            xml.element("w:pPr") { xml in xml.element("w:jc", [("w:val", "center")]) }
            xml.element("w:r") { xml in
                xml.element("w:drawing") { xml in
                    xml.element("wp:inline", [("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")]) { xml in
                        xml.element("wp:extent", [("cx", String(emu(width))), ("cy", String(emu(height)))])
                        xml.element("wp:effectExtent", [("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")])
                        xml.element("wp:docPr", [("id", String(number)), ("name", name)])
                        xml.element("wp:cNvGraphicFramePr")
                        xml.element("a:graphic") { xml in graphic(&xml) }
                    }
                }
            }
        }
    }

    /// The TOC field, its result filled with the headings (linked) so it reads before any update;
    /// Word updates it, page numbers included, when the file opens (settings.xml asks it to).
    private func contents(_ levels: Int, into xml: inout XMLWriter) {
        let entries = headings.filter { $0.level <= levels }
        func fieldChar(_ type: String, _ xml: inout XMLWriter) {
            xml.element("w:r") { xml in xml.element("w:fldChar", [("w:fldCharType", type), ("w:dirty", type == "begin" ? "true" : nil)]) }
        }
        for (index, entry) in entries.enumerated() {
            xml.element("w:p") { xml in
                xml.element("w:pPr") { xml in
                    xml.element("w:pStyle", [("w:val", "TOC\(entry.level)")])
                    xml.element("w:tabs") { xml in
                        xml.element("w:tab", [("w:val", "right"), ("w:leader", "dot"), ("w:pos", String(DocumentPart.textWidth))])
                    }
                }
                if index == 0 {
                    fieldChar("begin", &xml)
                    xml.element("w:r") { xml in
                        xml.element("w:instrText", [("xml:space", "preserve")], text: " TOC \\o \"1-\(levels)\" \\h \\z \\u ")
                    }
                    fieldChar("separate", &xml)
                }
                xml.element("w:hyperlink", [("w:anchor", entry.bookmark), ("w:history", "1")]) { xml in
                    DocumentPart.run(.init(entry.text), into: &xml)
                }
                if index == entries.count - 1 { fieldChar("end", &xml) }
            }
        }
        if entries.isEmpty {
            xml.element("w:p") { xml in
                xml.element("w:fldSimple", [("w:instr", " TOC \\o \"1-\(levels)\" \\h \\z \\u "), ("w:dirty", "true")])
            }
        }
    }
}
