import Foundation
import Testing
@testable import GapKit

/// `gapkit batch` on Excel workbooks shaped like Microsoft Forms' "Open results in Excel".
@Suite struct XLSXBatchTests {
    /// Forms' fixed columns (ID, Start time, Completion time, Email, Name), then a column per
    /// question titled with its text; dates are numbers with a date style, answers shared strings.
    static func formsExport() throws -> Data {
        let strings = ["ID", "Start time", "Completion time", "Email", "Name", "Department", "One?", "Two?", "anonymous",
                       "Network", "Yes", "Partly", "否", "maybe"]
        func s(_ ref: String, _ text: String) -> String { #"<c r="\#(ref)" t="s"><v>\#(strings.firstIndex(of: text)!)</v></c>"# }
        let sheet = XLSXFixture.sheet([
            s("A1", "ID") + s("B1", "Start time") + s("C1", "Completion time") + s("D1", "Email") + s("E1", "Name") + s("F1", "Department")
                + s("G1", "One?") + s("H1", "Two?"),
            #"<c r="A2"><v>1</v></c><c r="B2" s="2"><v>46346.4</v></c><c r="C2" s="2"><v>46346.41</v></c>"# + s("D2", "anonymous")
                + s("F2", "Network") + s("G2", "Yes") + s("H2", "Partly"),
            #"<c r="A3"><v>2</v></c><c r="B3" s="2"><v>46346.5</v></c>"# + s("D3", "anonymous") + #"<c r="F3" t="inlineStr"><is><t>network </t></is></c>"#
                + s("G3", "否") + s("H3", "maybe"),
            #"<c r="A4"><v>3</v></c>"# + s("D4", "anonymous") + #"<c r="F4" t="inlineStr"><is><t>Desk</t></is></c>"# + s("G4", "Yes"),
        ])
        return try XLSXFixture.workbook(sheets: [("Form1", sheet)], sharedStrings: strings, styles: XLSXFixture.dateStyles)
    }

    @Test func aFormsExportIsScoredLikeACSVExport() throws {
        var options = BatchOptions()
        options.groupBy = ["Department"]
        options.map = ColumnMap(columns: ["One?": "Q1", "Two?": "Q2"])
        let (result, respondents, rejects, runner) = try BatchTests.run([("forms.xlsx", Array(try Self.formsExport()))], options: options)
        #expect(result.respondents == 3)
        #expect(result.groups.map { $0.key.map(\.value) } == [["Network"], ["Desk"]])
        #expect(result.groups.map(\.respondents) == [2, 1])
        let q1 = try #require(result.overall.questions.first { $0.id == "Q1" })
        #expect(q1.distribution.map(\.count) == [2, 0, 1])
        #expect(result.questionsInExport == ["Q1", "Q2"])
        #expect(respondents.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").prefix(4).joined(separator: ",") }
            == ["1,Network,forms.xlsx,2", "2,network,forms.xlsx,3", "3,Desk,forms.xlsx,4"])
        #expect(BatchInputTests.rejectLines(rejects) == ["forms.xlsx,3,Two?,maybe,\"not an answer (expected yes, partial, no)\""])
        #expect(runner.unmatchedColumns == ["Start time", "Completion time", "Email", "Name"])
    }
}
