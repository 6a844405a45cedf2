/// `xl/workbook.xml`: the sheets in order, and the hidden names Excel keeps for filters.
enum WorkbookPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"

    static func xml(_ workbook: Workbook, names: [String]) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("workbook", [("xmlns", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
                                 ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]) { xml in
            xml.element("bookViews") { xml in xml.element("workbookView", [("activeTab", "0")]) }
            xml.element("sheets") { xml in
                for (index, name) in names.enumerated() {
                    xml.element("sheet", [("name", name), ("sheetId", String(index + 1)), ("r:id", "rId\(index + 1)")])
                }
            }
            let filtered = workbook.sheets.enumerated().filter { $0.element.filterRow != nil && $0.element.columnCount > 0 }
            if !filtered.isEmpty {
                xml.element("definedNames") { xml in
                    for (index, sheet) in filtered {
                        let row = sheet.filterRow ?? 1
                        let quoted = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'"
                        let range = "$A$\(row):$\(CellReference.column(sheet.columnCount - 1))$\(max(row, sheet.rows.count))"
                        xml.element("definedName", [("name", "_xlnm._FilterDatabase"), ("localSheetId", String(index)),
                                                    ("hidden", "1")], text: quoted + "!" + range)
                    }
                }
            }
        }
        return xml.bytes
    }
}
