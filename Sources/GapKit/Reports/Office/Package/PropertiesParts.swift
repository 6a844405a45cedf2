/// `docProps/core.xml` and `docProps/app.xml`: title, author, language and dates of the file.
///
/// The dates come from the report (the assessment date), never the clock.
enum PropertiesParts {
    static let coreType = "application/vnd.openxmlformats-package.core-properties+xml"
    static let appType = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

    static func core(title: String, subject: String?, creator: String?, language: String, date: CalendarDate?) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ]) { xml in
            xml.element("dc:title", text: title)
            if let subject { xml.element("dc:subject", text: subject) }
            if let creator { xml.element("dc:creator", text: creator) }
            xml.element("dc:language", text: language)
            if let date {
                let stamp = "\(date.description)T00:00:00Z"
                xml.element("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
                xml.element("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: stamp)
            }
        }
        return xml.bytes
    }

    static func app(company: String?) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")]) { xml in
            xml.element("Application", text: "GapKit")
            if let company { xml.element("Company", text: company) }
        }
        return xml.bytes
    }
}
