import Foundation
import Testing
@testable import GapKit

/// The .xlsx reader: cells of every kind, merged header cells, chunked reading, broken files.
@Suite struct XLSXReaderTests {
    /// Writes `data` to a temporary .xlsx file, calls `body` with its path, removes it.
    static func withFile<T>(_ data: Data, name: String = "book.xlsx", _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return try body(path)
    }

    /// Every row of the first sheet (or `sheet`) as (number, [column letter + row: text]).
    static func rows(_ data: Data, sheet: String? = nil, chunk: Int = 1 << 20) throws -> [(Int, [String: String])] {
        try withFile(data) { path in
            let workbook = try XLSXWorkbook(path: path, name: "book.xlsx")
            var rows: [(Int, [String: String])] = []
            let scanner = XLSXSheetScanner(workbook: workbook, part: try workbook.sheetPart(named: sheet)) { row in
                var cells: [String: String] = [:]
                for index in 0..<row.count { cells[XLSXCellReference.name(column: row.columns[index], row: row.number)] = row.string(index) }
                rows.append((row.number, cells))
            }
            try scanner.run(chunk: chunk)
            return rows
        }
    }

    static let kinds = XLSXFixture.sheet([
        #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Inline &amp; &lt;rich&gt;</t></is></c><c r="E1" t="s"><v>2</v></c>"#,
        #"<c r="A2"><v>42</v></c><c r="B2" s="1"><v>46346</v></c><c r="C2" s="2"><v>46346.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" s="3"><v>0.5</v></c>"#,
        #"<c r="A3" t="inlineStr"><is><r><t>两</t></r><r><t xml:space="preserve">段 </t></r></is></c><c r="B3" t="str"><f>A1</f><v>formula text</v></c><c r="C3"/><c r="D3" t="e"><v>#N/A</v></c>"#,
    ])

    @Test func sharedAndInlineStringsNumbersDatesAndEmptyCells() throws {
        let data = try XLSXFixture.workbook(sheets: [("Responses", Self.kinds)], sharedStrings: ["ID", "是 – 已全面落实", "x&y"],
                                            styles: XLSXFixture.dateStyles)
        let rows = try Self.rows(data)
        #expect(rows.map(\.0) == [1, 2, 3])
        #expect(rows[0].1 == ["A1": "ID", "B1": "是 – 已全面落实", "C1": "Inline & <rich>", "E1": "x&y"])
        // 46346 is 2026-11-20 in Excel's 1900 date system; style 3 is a number format, not a date.
        #expect(rows[1].1 == ["A2": "42", "B2": "2026-11-20", "C2": "2026-11-20 12:00:00", "D2": "TRUE", "E2": "0.5"])
        #expect(rows[2].1 == ["A3": "两段 ", "B3": "formula text", "D3": "#N/A"], "an empty cell gives nothing")
    }

    @Test(arguments: [(1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"), (46346.0, false, "2026-11-20"),
                      (0.75, false, "18:00:00"), (44884.0, true, "2026-11-20"), (0.0, true, "1904-01-01")])
    func excelSerialDates(serial: Double, date1904: Bool, text: String) {
        #expect(ExcelDate.text(serial: serial, date1904: date1904) == text)
    }

    @Test func mergedHeaderCellsGiveEveryColumnTheirValue() throws {
        let sheet = XLSXFixture.sheet([
            #"<c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Department</t></is></c><c r="D1" t="inlineStr"><is><t>Q1</t></is></c>"#,
            #"<c r="A2" t="inlineStr"><is><t>r1</t></is></c><c r="B2" t="inlineStr"><is><t>Network</t></is></c><c r="D2" t="inlineStr"><is><t>yes</t></is></c>"#,
            #"<c r="A3" t="inlineStr"><is><t>r2</t></is></c><c r="D3" t="inlineStr"><is><t>no</t></is></c>"#,
        ], merges: ["B1:C1", "B2:B3"])
        let rows = try Self.rows(try XLSXFixture.workbook(sheets: [("S", sheet)]))
        #expect(rows[0].1 == ["A1": "ID", "B1": "Department", "C1": "Department", "D1": "Q1"])
        #expect(rows[2].1 == ["A3": "r2", "B3": "Network", "D3": "no"], "a merged cell down the rows fills each row")
    }

    @Test func aThousandRowsReadInSmallChunksAsInOne() throws {
        let strings = ["ID", "Q1", "yes", "partial", "no"]
        var rows = [#"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Note</t></is></c>"#]
        for n in 2...1_001 {
            rows.append(#"<c r="A\#(n)"><v>\#(n * 7)</v></c><c r="B\#(n)" t="s"><v>\#(2 + n % 3)</v></c>"#
                + (n % 10 == 0 ? #"<c r="C\#(n)" t="inlineStr"><is><t>note &amp; more \#(n)</t></is></c>"# : ""))
        }
        let data = try XLSXFixture.workbook(sheets: [("S", XLSXFixture.sheet(rows))], sharedStrings: strings)
        let whole = try Self.rows(data)
        #expect(whole.count == 1_001)
        #expect(whole[500].1 == ["A501": "3507", "B501": strings[2 + 501 % 3]])
        #expect(whole[999].1 == ["A1000": "7000", "B1000": "partial", "C1000": "note & more 1000"])
        for chunk in [1, 7, 64, 4_096] {
            let pieces = try Self.rows(data, chunk: chunk)
            #expect(pieces.count == whole.count && zip(pieces, whole).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }, "chunks of \(chunk) bytes")
        }
    }

    @Test func aSheetIsChosenByName() throws {
        let first = XLSXFixture.sheet([#"<c r="A1" t="inlineStr"><is><t>first</t></is></c>"#])
        let second = XLSXFixture.sheet([#"<c r="A1" t="inlineStr"><is><t>second</t></is></c>"#])
        let data = try XLSXFixture.workbook(sheets: [("Summary", first), ("Form1", second)])
        #expect(try Self.rows(data)[0].1 == ["A1": "first"])
        #expect(try Self.rows(data, sheet: "Form1")[0].1 == ["A1": "second"])
        let error = try #require(throws: DiagnosticsError.self) { try Self.rows(data, sheet: "Form") }
        #expect(error.description.contains("book.xlsx: error: no sheet 'Form'; did you mean 'Form1'? the sheets are 'Summary', 'Form1'")
            || error.description.contains("no sheet 'Form'"), "\(error.description)")
    }

    @Test(arguments: [
        (XLSXFixture.sheet([#"<c r="A1" t="s"><v>7</v></c>"#]), "xl/worksheets/sheet1.xml, cell A1: shared string 7 does not exist (the workbook has 1)"),
        (XLSXFixture.sheet([#"<c r="A1" t="inlineStr"><is><t>ID</t></is></c>"#, #"<c r="B2" t="q"><v>1</v></c>"#]),
         "xl/worksheets/sheet1.xml, cell B2: unknown cell type 'q'"),
        (#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="2"><c r="A2"><v>1"#,
         "xl/worksheets/sheet1.xml: the sheet ends inside its rows (after row 1): the part is cut short"),
        (XLSXFixture.sheet([#"<c r="A1" t="inlineStr"><is><t>ID</t></is></c>"#, #"<c r="1A"><v>1</v></c>"#]),
         "xl/worksheets/sheet1.xml, cell A2: '1A' is not a cell reference"),
    ])
    func aBrokenSheetNamesThePartAndTheCell(sheet: String, message: String) throws {
        let data = try XLSXFixture.workbook(sheets: [("S", sheet)], sharedStrings: ["ID"])
        let error = try #require(throws: DiagnosticsError.self) { try Self.rows(data) }
        #expect(error.description.hasPrefix("book.xlsx: error: \(message)"), "\(error.description)")
    }

    @Test func aBrokenZipIsAClearError() throws {
        let data = try XLSXFixture.workbook(sheets: [("S", Self.kinds)], sharedStrings: ["a", "b", "c"])
        for broken in [Data("not a zip at all".utf8), data.prefix(data.count / 2)] {
            let error = try #require(throws: DiagnosticsError.self) { try Self.rows(broken) }
            #expect(error.description.hasPrefix("book.xlsx: error: not an .xlsx workbook"), "\(error.description)")
        }
    }
}
