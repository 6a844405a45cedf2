/// `word/fontTable.xml`: the fonts the styles name, with the Chinese names and character sets
/// Word uses to find a substitute when one is missing.
enum FontTablePart {
    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"

    static let known: [(name: String, altName: String?, charset: String, family: String, pitch: String)] = [
        ("Calibri", nil, "00", "swiss", "variable"),
        ("SimSun", "宋体", "86", "auto", "variable"),
        ("Microsoft YaHei", "微软雅黑", "86", "swiss", "variable"),
    ]

    static func xml(fonts: [String]) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("w:fonts", [("xmlns:w", DocumentPart.w)]) { xml in
            for name in fonts {
                let font = known.first { $0.name == name }
                xml.element("w:font", [("w:name", name)]) { xml in
                    if let alt = font?.altName { xml.element("w:altName", [("w:val", alt)]) }
                    xml.element("w:charset", [("w:val", font?.charset ?? "00")])
                    xml.element("w:family", [("w:val", font?.family ?? "auto")])
                    xml.element("w:pitch", [("w:val", font?.pitch ?? "variable")])
                }
            }
        }
        return xml.bytes
    }
}
