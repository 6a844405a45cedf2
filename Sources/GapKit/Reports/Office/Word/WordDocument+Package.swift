extension WordDocument {
    /// The .docx file.
    func docx() throws(OfficePackageError) -> [UInt8] {
        try package().zipped()
    }

    func package() -> OfficePackage {
        var package = OfficePackage()
        package.relate("", [
            Relationship(id: "rId1", type: Relationship.officeDocument, target: "word/document.xml"),
            Relationship(id: "rId2", type: Relationship.coreProperties, target: "docProps/core.xml"),
            Relationship(id: "rId3", type: Relationship.extendedProperties, target: "docProps/app.xml"),
        ])
        var relationships = [
            Relationship(id: "rId1", type: Relationship.styles, target: "styles.xml"),
            Relationship(id: "rId2", type: Relationship.settings, target: "settings.xml"),
            Relationship(id: "rId3", type: Relationship.fontTable, target: "fontTable.xml"),
            Relationship(id: "rId4", type: Relationship.header, target: "header1.xml"),
            Relationship(id: "rId5", type: Relationship.footer, target: "footer1.xml"),
        ]
        var ids = DocumentPart.Ids(header: "rId4", footer: "rId5", logo: nil, charts: [])
        if logo != nil {
            relationships.append(Relationship(id: "rId6", type: Relationship.image, target: "media/logo.png"))
            ids.logo = "rId6"
        }
        for index in charts.indices {
            let id = "rId\(relationships.count + 1)"
            relationships.append(Relationship(id: id, type: Relationship.chart, target: "charts/chart\(index + 1).xml"))
            ids.charts.append(id)
        }
        package.add("word/document.xml", contentType: DocumentPart.contentType, bytes: DocumentPart.xml(self, ids: ids))
        package.relate("word/document.xml", relationships)
        package.add("word/styles.xml", contentType: WordStylesPart.contentType, bytes: WordStylesPart.xml(self))
        package.add("word/settings.xml", contentType: SettingsPart.contentType, bytes: SettingsPart.xml(language: language))
        var fonts: [String] = []
        for font in [latinFont, eastAsianFont, eastAsianHeadingFont] where !fonts.contains(font) { fonts.append(font) }
        package.add("word/fontTable.xml", contentType: FontTablePart.contentType, bytes: FontTablePart.xml(fonts: fonts))
        package.add("word/header1.xml", contentType: HeaderFooterPart.headerType, bytes: HeaderFooterPart.header(self))
        package.add("word/footer1.xml", contentType: HeaderFooterPart.footerType, bytes: HeaderFooterPart.footer(self))
        if let logo { package.add("word/media/logo.png", contentType: "image/png", bytes: logo.png) }
        for (index, chart) in charts.enumerated() {
            package.add("word/charts/chart\(index + 1).xml", contentType: ChartPart.contentType,
                        bytes: ChartPart.xml(chart, language: language, font: eastAsianFont))
        }
        package.add("docProps/core.xml", contentType: PropertiesParts.coreType,
                    bytes: PropertiesParts.core(title: properties.title, subject: properties.subject, creator: properties.creator,
                                                language: properties.language, date: properties.date))
        package.add("docProps/app.xml", contentType: PropertiesParts.appType, bytes: PropertiesParts.app(company: properties.creator))
        return package
    }
}
