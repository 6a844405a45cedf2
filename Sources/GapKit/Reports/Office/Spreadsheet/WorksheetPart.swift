/// `xl/worksheets/sheetN.xml`: one sheet's cells and layout.
enum WorksheetPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

    /// Widest a fitted column gets, in characters; longer text wraps.
    static let maxWidth = 60.0

    static func xml(_ sheet: Worksheet, selected: Bool) -> [UInt8] {
        var xml = XMLWriter()
        let columns = sheet.columnCount, lastRow = max(1, sheet.rows.count)
        let widths = (0..<columns).map { sheet.widths[$0] ?? fittedWidth(sheet, column: $0) }
        xml.element("worksheet", [("xmlns", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
                                  ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]) { xml in
            // Printing fits the columns to the page width (pageSetup's fitToWidth), rows run on.
            xml.element("sheetPr") { xml in xml.element("pageSetUpPr", [("fitToPage", "1")]) }
            xml.element("dimension", [("ref", columns == 0 ? "A1" : CellReference.range(0, 1, columns - 1, lastRow))])
            xml.element("sheetViews") { xml in
                xml.element("sheetView", [("tabSelected", selected ? "1" : nil), ("workbookViewId", "0")]) { xml in
                    if sheet.frozenRows > 0 {
                        let top = CellReference.cell(0, sheet.frozenRows + 1)
                        xml.element("pane", [("ySplit", String(sheet.frozenRows)), ("topLeftCell", top),
                                             ("activePane", "bottomLeft"), ("state", "frozen")])
                        xml.element("selection", [("pane", "bottomLeft"), ("activeCell", top), ("sqref", top)])
                    }
                }
            }
            xml.element("sheetFormatPr", [("defaultRowHeight", "15")])
            if columns > 0 {
                xml.element("cols") { xml in
                    for (column, width) in widths.enumerated() {
                        xml.element("col", [("min", String(column + 1)), ("max", String(column + 1)),
                                            ("width", NumberFormat.fixed(width, decimals: 1)), ("customWidth", "1")])
                    }
                }
            }
            xml.element("sheetData") { xml in
                for (index, row) in sheet.rows.enumerated() {
                    let lines = lineCount(row, widths: widths)
                    xml.element("row", [("r", String(index + 1)), ("ht", lines > 1 ? String(lines * 15) : nil),
                                        ("customHeight", lines > 1 ? "1" : nil)]) { xml in
                        for (column, cell) in row.enumerated() { write(cell, at: CellReference.cell(column, index + 1), into: &xml) }
                    }
                }
            }
            if let filterRow = sheet.filterRow, columns > 0 {
                xml.element("autoFilter", [("ref", CellReference.range(0, filterRow, columns - 1, max(filterRow, sheet.rows.count)))])
            }
            var priority = 1
            for fill in sheet.fills {
                xml.element("conditionalFormatting", [("sqref", fill.range)]) { xml in
                    xml.element("cfRule", [("type", "cellIs"), ("dxfId", String(fill.tone.rawValue)),
                                           ("priority", String(priority)), ("operator", "equal")]) { xml in
                        xml.element("formula", text: formulaString(fill.value))
                    }
                }
                priority += 1
            }
            if !sheet.validations.isEmpty {
                xml.element("dataValidations", [("count", String(sheet.validations.count))]) { xml in
                    for validation in sheet.validations { write(validation, into: &xml) }
                }
            }
            xml.element("pageMargins", [("left", "0.5"), ("right", "0.5"), ("top", "0.75"), ("bottom", "0.75"),
                                        ("header", "0.3"), ("footer", "0.3")])
            xml.element("pageSetup", [("paperSize", "9"), ("orientation", "landscape"), ("fitToWidth", "1"), ("fitToHeight", "0")])
        }
        return xml.bytes
    }

    private static func write(_ cell: Cell, at reference: String, into xml: inout XMLWriter) {
        let style = cell.style == .plain ? nil : String(cell.style.rawValue)
        switch cell.value {
        case .none:
            xml.element("c", [("r", reference), ("s", style)])
        case .text(let text):
            // An inline string: the text is data, never a formula, whatever it starts with.
            xml.element("c", [("r", reference), ("s", style), ("t", "inlineStr")]) { xml in
                xml.element("is") { xml in
                    let escaped = escapeUnderscores(text)
                    let keep = escaped.first?.isWhitespace == true || escaped.last?.isWhitespace == true
                    xml.element("t", [("xml:space", keep ? "preserve" : nil)], text: escaped)
                }
            }
        case .number(let value):
            xml.element("c", [("r", reference), ("s", style)]) { xml in xml.element("v", text: number(value)) }
        case .date(let date):
            xml.element("c", [("r", reference), ("s", style)]) { xml in xml.element("v", text: String(serial(date))) }
        }
    }

    private static func write(_ validation: DataValidation, into xml: inout XMLWriter) {
        switch validation.kind {
        case .list(let values):
            xml.element("dataValidation", [("type", "list"), ("allowBlank", "1"), ("showErrorMessage", "1"),
                                           ("sqref", validation.range)]) { xml in
                xml.element("formula1", text: formulaString(values.joined(separator: ",")))
            }
        case .decimal(let min, let max):
            xml.element("dataValidation", [("type", "decimal"), ("allowBlank", "1"), ("showErrorMessage", "1"),
                                           ("sqref", validation.range)]) { xml in
                xml.element("formula1", text: number(min))
                xml.element("formula2", text: number(max))
            }
        case .date:
            xml.element("dataValidation", [("type", "date"), ("operator", "greaterThan"), ("allowBlank", "1"),
                                           ("showErrorMessage", "1"), ("sqref", validation.range)]) { xml in
                xml.element("formula1", text: "1")
            }
        }
    }

    /// A string constant inside a formula: in double quotes, quotes doubled.
    static func formulaString(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Excel reads `_xHHHH_` in a string as an escaped character; a literal one is written with
    /// its underscore escaped (`_x005F_`), so the text reads back exactly as typed.
    static func escapeUnderscores(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = "", rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            if after.count >= 5, after.prefix(4).allSatisfy(\.isHexDigit), after.dropFirst(4).first == "_" {
                out += "_x005F_x"
            } else {
                out += "_x"
            }
            rest = after
        }
        return out + rest
    }

    /// A number as XML Schema writes a double: integers without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The Excel serial day: days since 1899-12-30.
    static func serial(_ date: CalendarDate) -> Int { date.daysSinceEpoch + 25_569 }

    /// How many lines the row's wrapped cells take at these widths (Chinese characters count
    /// double; proportional text is narrower than the digits a width counts, which leaves room
    /// for breaks at spaces). Readers do not grow rows on opening, so a row that wraps gets its
    /// height written out.
    static func lineCount(_ row: [Cell], widths: [Double]) -> Int {
        var most = 1
        for (column, cell) in row.enumerated() where column < widths.count {
            guard case .text(let text) = cell.value, [.text, .header, .inputText].contains(cell.style) else { continue }
            let room = max(1, widths[column] - 1.5)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
                total + max(1, Int((Double(TerminalWidth.of(line)) / room).rounded(.up)))
            }
            most = max(most, lines)
        }
        return min(most, 409 / 15)
    }

    /// A width that fits the column's longest line (Chinese characters count double), within limits.
    static func fittedWidth(_ sheet: Worksheet, column: Int) -> Double {
        var widest = 0
        for row in sheet.rows where column < row.count {
            let cell = row[column]
            let width: Int
            switch cell.value {
            case .none: width = 0
            case .text(let text):
                // A title runs across empty cells; it does not widen its column.
                if cell.style == .title { continue }
                width = text.split(separator: "\n").map { TerminalWidth.of($0) }.max() ?? 0
            case .number: width = 8
            case .date: width = 10
            }
            widest = max(widest, width + (cell.style == .header ? 2 : 0))
        }
        return min(maxWidth, max(8, Double(widest) * 1.1 + 2))
    }
}
