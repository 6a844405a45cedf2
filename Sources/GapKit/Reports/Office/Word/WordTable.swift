/// A table in `word/document.xml`: the header row repeats on every page and no row breaks
/// across pages.
enum WordTable {
    static func write(_ table: WordDocument.Table, accent: String, into xml: inout XMLWriter) {
        let columns = max(table.widths.count, table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let widths = (0..<columns).map { $0 < table.widths.count ? max(table.widths[$0], 0.01) : 1 }
        let total = widths.reduce(0, +)
        let twips = widths.map { Int(Double(DocumentPart.textWidth) * $0 / total) }
        xml.element("w:tbl") { xml in
            xml.element("w:tblPr") { xml in
                xml.element("w:tblStyle", [("w:val", "GapTable")])
                xml.element("w:tblW", [("w:w", String(DocumentPart.textWidth)), ("w:type", "dxa")])
                xml.element("w:tblLayout", [("w:type", "fixed")])
                if table.compact {
                    xml.element("w:tblCellMar") { xml in
                        xml.element("w:left", [("w:w", "20"), ("w:type", "dxa")])
                        xml.element("w:right", [("w:w", "20"), ("w:type", "dxa")])
                    }
                }
                xml.element("w:tblLook", [("w:val", "0420"), ("w:firstRow", "1"), ("w:lastRow", "0"), ("w:firstColumn", "0"),
                                          ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")])
            }
            xml.element("w:tblGrid") { xml in for width in twips { xml.element("w:gridCol", [("w:w", String(width))]) } }
            if !table.header.isEmpty {
                row(table.header.map { .init($0, fill: accent, bold: true) }, widths: twips, header: true,
                    size: table.fontSize, compact: table.compact, into: &xml)
            }
            for cells in table.rows { row(cells, widths: twips, header: false, size: table.fontSize, compact: table.compact, into: &xml) }
        }
        // Word needs a paragraph between two tables, and a little space after one reads better.
        xml.element("w:p") { xml in xml.element("w:pPr") { xml in xml.element("w:pStyle", [("w:val", "AfterTable")]) } }
    }

    private static func row(_ cells: [WordDocument.Table.Cell], widths: [Int], header: Bool, size: Double?, compact: Bool,
                            into xml: inout XMLWriter) {
        xml.element("w:tr") { xml in
            xml.element("w:trPr") { xml in
                xml.element("w:cantSplit")
                if header { xml.element("w:tblHeader") }
            }
            for (index, width) in widths.enumerated() {
                let cell = index < cells.count ? cells[index] : .init("")
                xml.element("w:tc") { xml in
                    xml.element("w:tcPr") { xml in
                        xml.element("w:tcW", [("w:w", String(width)), ("w:type", "dxa")])
                        if let fill = cell.fill { xml.element("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)]) }
                    }
                    xml.element("w:p") { xml in
                        xml.element("w:pPr") { xml in
                            xml.element("w:pStyle", [("w:val", "TableText")])
                            if header { xml.element("w:keepNext") }
                            if compact, index > 0 { xml.element("w:jc", [("w:val", "center")]) }
                        }
                        DocumentPart.run(.init(cell.text, bold: cell.bold, color: header ? "FFFFFF" : nil, size: size), into: &xml)
                    }
                }
            }
        }
    }
}
