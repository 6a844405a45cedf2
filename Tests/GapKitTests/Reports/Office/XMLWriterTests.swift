import Testing
@testable import GapKit

/// The one XML writer of the Office files: escaping, forbidden characters, nesting.
@Suite struct XMLWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a & b", "a &amp; b"),
        ("<w:t>x</w:t>", "&lt;w:t&gt;x&lt;/w:t&gt;"),
        ("\"quoted\" 'single'", "\"quoted\" 'single'"),
        ("bell\u{7}nul\u{0}", "bell\u{FFFD}nul\u{FFFD}"),
        ("tab\tline\nend", "tab\tline\nend"),
        ("cr\r", "cr&#13;"),
        ("\u{FFFE}\u{FFFF}", "\u{FFFD}\u{FFFD}"),
        ("汉字 ✓", "汉字 ✓"),
    ])
    func textIsEscaped(input: String, expected: String) {
        #expect(XMLWriter.escape(input) == expected)
    }

    @Test(arguments: [
        ("a\"b", "a&quot;b"),
        ("tab\tline\n", "tab&#9;line&#10;"),
        ("<&>", "&lt;&amp;&gt;"),
    ])
    func attributeValuesAreEscaped(input: String, expected: String) {
        #expect(XMLWriter.escape(input, attribute: true) == expected)
    }

    @Test func elementsNestAndEmptyOnesClose() {
        var xml = XMLWriter()
        xml.element("a", [("x", "1"), ("skipped", nil), ("y", "<")]) { xml in
            xml.element("b", text: "t&")
            xml.element("c")
        }
        #expect(String(decoding: xml.bytes, as: UTF8.self)
            == "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<a x=\"1\" y=\"&lt;\"><b>t&amp;</b><c/></a>")
    }
}

/// Cell references, serial dates, numbers and sheet names of the spreadsheet writer.
@Suite struct SpreadsheetPartsTests {
    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA")])
    func columnLetters(index: Int, name: String) {
        #expect(CellReference.column(index) == name)
    }

    /// Excel counts days from 1899-12-30: 1970-01-01 is 25569, 2026-11-20 is 25569 + 20777.
    @Test(arguments: [("1970-01-01", 25_569), ("2000-01-01", 36_526), ("2026-11-20", 46_346)])
    func serialDays(date: String, serial: Int) throws {
        #expect(WorksheetPart.serial(try #require(CalendarDate(date))) == serial)
    }

    @Test(arguments: [(3.0, "3"), (0.5, "0.5"), (-2.0, "-2"), (0.125, "0.125")])
    func numbers(value: Double, text: String) {
        #expect(WorksheetPart.number(value) == text)
    }

    @Test(arguments: [("no escape", "no escape"), ("_x0041_", "_x005F_x0041_"), ("a_x12_b", "a_x12_b"), ("_xZZZZ_", "_xZZZZ_")])
    func literalEscapesSurviveExcel(text: String, stored: String) {
        #expect(WorksheetPart.escapeUnderscores(text) == stored)
    }

    @Test func sheetNamesAreCleanedAndUnique() {
        #expect(SheetName.clean(["Plan", "plan", "a[b]:c*?/\\d", "", String(repeating: "x", count: 40), "'quoted'"])
            == ["Plan", "plan (2)", "abcd", "Sheet4", String(repeating: "x", count: 31), "quoted"])
    }
}
