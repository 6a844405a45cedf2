/// `word/settings.xml`: asks Word to update fields (the table of contents) when the file opens.
enum SettingsPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"

    static func xml(language: String) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("w:settings", [("xmlns:w", DocumentPart.w)]) { xml in
            xml.element("w:updateFields", [("w:val", "true")])
            xml.element("w:defaultTabStop", [("w:val", "720")])
            xml.element("w:characterSpacingControl", [("w:val", "doNotCompress")])
            xml.element("w:compat") { xml in
                xml.element("w:compatSetting", [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"),
                                                ("w:val", "15")])
            }
            xml.element("w:themeFontLang", [("w:val", language.hasPrefix("zh") ? "en-US" : language), ("w:eastAsia", "zh-CN")])
        }
        return xml.bytes
    }
}
