extension Workbook {
    /// The .xlsx file.
    func xlsx() throws(OfficePackageError) -> [UInt8] {
        try package().zipped()
    }

    func package() -> OfficePackage {
        var package = OfficePackage()
        let names = SheetName.clean(sheets.map(\.name))
        package.relate("", [
            Relationship(id: "rId1", type: Relationship.officeDocument, target: "xl/workbook.xml"),
            Relationship(id: "rId2", type: Relationship.coreProperties, target: "docProps/core.xml"),
            Relationship(id: "rId3", type: Relationship.extendedProperties, target: "docProps/app.xml"),
        ])
        package.add("xl/workbook.xml", contentType: WorkbookPart.contentType, bytes: WorkbookPart.xml(self, names: names))
        package.relate("xl/workbook.xml", sheets.indices.map {
            Relationship(id: "rId\($0 + 1)", type: Relationship.worksheet, target: "worksheets/sheet\($0 + 1).xml")
        } + [Relationship(id: "rId\(sheets.count + 1)", type: Relationship.styles, target: "styles.xml")])
        for (index, sheet) in sheets.enumerated() {
            package.add("xl/worksheets/sheet\(index + 1).xml", contentType: WorksheetPart.contentType,
                        bytes: WorksheetPart.xml(sheet, selected: index == 0))
        }
        package.add("xl/styles.xml", contentType: SpreadsheetStylesPart.contentType,
                    bytes: SpreadsheetStylesPart.xml(font: font, accent: accent))
        package.add("docProps/core.xml", contentType: PropertiesParts.coreType,
                    bytes: PropertiesParts.core(title: properties.title, subject: properties.subject, creator: properties.creator,
                                                language: properties.language, date: properties.date))
        package.add("docProps/app.xml", contentType: PropertiesParts.appType, bytes: PropertiesParts.app(company: properties.creator))
        return package
    }
}
