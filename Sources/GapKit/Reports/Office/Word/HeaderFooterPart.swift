/// `word/header1.xml` and `word/footer1.xml`: the report's name and client above, the footer
/// text and "page X of Y" (PAGE and NUMPAGES fields) below.
enum HeaderFooterPart {
    static let headerType = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    static let footerType = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"

    static func header(_ document: WordDocument) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("w:hdr", [("xmlns:w", DocumentPart.w)]) { xml in
            xml.element("w:p") { xml in
                xml.element("w:pPr") { xml in xml.element("w:pStyle", [("w:val", "Header")]) }
                DocumentPart.run(.init(document.headerText), into: &xml)
            }
        }
        return xml.bytes
    }

    static func footer(_ document: WordDocument) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("w:ftr", [("xmlns:w", DocumentPart.w)]) { xml in
            xml.element("w:p") { xml in
                xml.element("w:pPr") { xml in xml.element("w:pStyle", [("w:val", "Footer")]) }
                DocumentPart.run(.init(document.footerText), into: &xml)
                xml.element("w:r") { xml in xml.element("w:tab") }
                DocumentPart.run(.init(document.pageWords.before), into: &xml)
                field("PAGE", into: &xml)
                DocumentPart.run(.init(document.pageWords.of), into: &xml)
                field("NUMPAGES", into: &xml)
                if !document.pageWords.after.isEmpty { DocumentPart.run(.init(document.pageWords.after), into: &xml) }
            }
        }
        return xml.bytes
    }

    /// A field the reader computes; "1" shows until it does.
    private static func field(_ instruction: String, into xml: inout XMLWriter) {
        xml.element("w:fldSimple", [("w:instr", " \(instruction) ")]) { xml in DocumentPart.run(.init("1"), into: &xml) }
    }
}
