import Foundation
import Testing
@testable import GapKit

/// Messy inputs from the batch audit (issue 7): how exports are detected, named and reported.
@Suite struct BatchInputTests {
    static func run(_ files: [(name: String, bytes: [UInt8])], options: BatchOptions = BatchOptions(), read: [String]? = nil) throws
        -> (BatchResult, respondents: String, rejects: String, runner: BatchRunner) {
        try BatchTests.run(files, options: options, read: read)
    }

    static func csv(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func rejectLines(_ rejects: String) -> [String] {
        Array(rejects.split(separator: "\r\n").map(String.init).dropFirst())
    }

    // MARK: Delimiters

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", ","),
        // Excel in European locales: semicolons, and question texts with commas left unquoted.
        ("ID;[Q1] Context, scope, purpose, parties?;Q2\nr1;yes;no\nr2;no;partial\n", ";"),
        ("ID;[Q1] Context, scope, purpose, parties?;Q2\r\nr1;yes;no\r\n", ";"),
        // Excel's own declaration wins over what the lines look like.
        ("sep=;\nID,Q1\nr1,yes\n", ";"),
        ("SEP=\t\r\nID,Q1\n", "\t"),
        ("ID\t[Q1] yes; no; maybe\tQ2\nr1\tyes\tno\n", "\t"),
        // Delimiters inside quotes do not count, and a quoted line break stays in its record.
        ("\"a;b\",c\n\"1;2\",\"3\n;4\"\n", ","),
        ("ID,Q1\n", ","),
        ("", ","),
    ])
    func theDelimiterIsTheOneThatSplitsEveryLineAlike(text: String, delimiter: String) {
        #expect(CSVDialect.delimiter(of: Array(text.utf8)) == UInt8(ascii: delimiter.unicodeScalars.first!))
    }

    @Test func aSemicolonExportWithCommasInItsHeadersIsReadAsSemicolonSeparated() throws {
        let text = "ID;[Q1] Context, scope, purpose, parties?;[Q2] Two, really?;Q3\nr1;yes;partial;3\nr2;no;yes;2\nr3;Partly;no;1\n"
        let (result, _, rejects, runner) = try Self.run([("eu.csv", Self.csv(text))])
        #expect(result.rejectedCells == 0, "\(rejects)")
        #expect(runner.unmatchedColumns.isEmpty)
        #expect(result.overall.questions.map(\.answered) == [3, 3, 3, 0])
    }

    @Test func anExcelSepLineIsNotTheHeaderAndIsNotCountedAsARow() throws {
        let (result, _, rejects, _) = try Self.run([("sep.csv", Self.csv("sep=;\r\nID;Q1;Q2\r\nr1;yes;maybe\r\n"))])
        #expect(result.respondents == 1)
        #expect(Self.rejectLines(rejects) == ["sep.csv,2,Q2,maybe,\"not an answer (expected yes, partial, no)\""])
    }

    // MARK: Empty inputs

    @Test(arguments: [
        ([UInt8](), "empty.csv: error: the file is empty; expected a header row, then one row per respondent\n"),
        (Array("\r\n\n\r\n".utf8),
         "empty.csv: error: no header row: the file holds only blank lines; expected a header row, then one row per respondent\n"),
    ])
    func aCSVWithoutAHeaderIsAnError(bytes: [UInt8], message: String) throws {
        let error = #expect(throws: DiagnosticsError.self) { try Self.run([("empty.csv", bytes)]) }
        #expect(error?.description == message)
    }

    @Test func aHeaderWithoutRowsIsAWarning() throws {
        let (result, _, _, runner) = try Self.run([("head.csv", Self.csv("ID,Q1,Q2\r\n"))])
        #expect(result.respondents == 0)
        #expect(runner.warnings == ["head.csv: warning: no respondents: it holds a header row but no rows"])
    }

    // MARK: Syntax errors

    @Test(arguments: [
        ("ID,Q1,Q2\nr1,yes,no\nr2,\"yes,no\nr3,no,no\n",
         "bad.csv: error: row 3, column 2 ('Q1'): a quoted cell is not closed before the end of the file; "
            + "look for a stray '\"' there (a quote inside a cell is written '\"\"')\n"),
        // Blank lines are rows in a spreadsheet, so they count.
        ("ID,Q1\n\nr1,\"yes\"x,no\n",
         "bad.csv: error: row 3, column 2 ('Q1'): 'x' after the closing quote of a quoted cell; a quote inside a quoted cell is written '\"\"'\n"),
        ("sep=,\nID,Q1\nr1,yes,\"no\" \n",
         "bad.csv: error: row 2, column 3: byte 0x20 after the closing quote of a quoted cell; a quote inside a quoted cell is written '\"\"'\n"),
    ])
    func aCSVSyntaxErrorNamesTheFileRowAndColumn(text: String, message: String) throws {
        let error = #expect(throws: DiagnosticsError.self) { try Self.run([("bad.csv", Self.csv(text))]) }
        #expect(error?.description == message)
    }

    @Test func aStrayQuoteStopsTheReaderAtTheRecordLimitWithItsRowAndField() throws {
        #expect(CSVReader.Options().maxRecordBytes == 16 << 20, "a survey row never needs more; memory stays bounded")
        var options = CSVReader.Options()
        options.chunkSize = 16
        options.maxRecordBytes = 64
        let bytes = Array(("ID,Q1,Q2\nr1,yes,\"no\n" + String(repeating: "r,no,no\n", count: 50)).utf8)
        #expect(throws: CSVReadError.recordTooLong(row: 2, field: 2, limit: 64)) {
            try CSVReader(bytes: bytes, options: options).forEachRecord { _ in }
        }
        #expect(BatchRunner.explain(.recordTooLong(row: 2, field: 2, limit: 16 << 20), headers: ["ID", "Q1", "Q2"], rowShift: 0)
            == "row 2, column 3 ('Q2'): a quote opens there and is not closed within 16 MiB; look for a stray '\"' (a quote inside a cell is written '\"\"')")
    }

    @Test func blankLinesCountInRowNumbersAsInASpreadsheet() throws {
        let (_, respondents, rejects, _) = try Self.run([("b.csv", Self.csv("ID,Q1\r\n\r\nr1,maybe\n\n\nr2,yes\n"))])
        #expect(Self.rejectLines(rejects) == ["b.csv,3,Q1,maybe,\"not an answer (expected yes, partial, no)\""])
        #expect(respondents.contains("r2,b.csv,6,"), "\(respondents)")
    }

    // MARK: Aggregates and names

    @Test func aStandardDeviationAtTheThresholdIsADisagreementDespiteRounding() {
        // Scores 0.2 and 0.6 once each: mean 0.4, population stdev 0.2, which binary arithmetic gives a little off.
        var options = BatchOptions()
        options.minGroup = 2
        options.stdev = 0.2
        let stat = BatchAggregator.stats("Q", scores: [0.2, 0.6], counts: [1, 1], notApplicable: 0, options: options, values: ["low", "high"])
        #expect(stat.disagreement)
        options.stdev = 0.21
        #expect(!BatchAggregator.stats("Q", scores: [0.2, 0.6], counts: [1, 1], notApplicable: 0, options: options, values: ["low", "high"]).disagreement)
        options.stdev = 0.2
        options.minGroup = 3
        #expect(!BatchAggregator.stats("Q", scores: [0.2, 0.6], counts: [1, 1], notApplicable: 0, options: options, values: ["low", "high"]).disagreement,
                "two answers are fewer than --min-group 3")
    }

    @Test func filesOfTheSameNameInDifferentFoldersAreTwoRespondents() throws {
        let (result, respondents, _, _) = try Self.run([
            ("x/", []), ("x/export.csv", Self.csv("Q1\nyes\n")), ("y/", []), ("y/export.csv", Self.csv("Q1\nno\n")),
        ], read: ["x/export.csv", "y/export.csv"])
        #expect(result.respondents == 2)
        #expect(result.duplicateIds == 0)
        let lines = respondents.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        #expect(lines == ["x/export.csv#2,x/export.csv,2", "y/export.csv#2,y/export.csv,2"])
    }

    @Test func groupValuesAreTrimmed() throws {
        var options = BatchOptions()
        options.groupBy = ["Dept"]
        let (result, _, _, _) = try Self.run([("g.csv", Self.csv("ID,Dept,Q1\na,IT,yes\nb, IT ,no\nc,\"IT\t\",yes\n"))], options: options)
        #expect(result.groups.map { $0.key.map(\.value) } == [["IT"]])
        #expect(result.groups.map(\.respondents) == [3])
    }

    @Test(arguments: [1_000, 1_001])
    func moreThanAThousandGroupsAreRefused(groups: Int) throws {
        var options = BatchOptions()
        options.groupBy = ["Dept"]
        let text = "Dept,Q1\n" + (1...groups).map { "d\($0),yes\n" }.joined()
        guard groups > BatchRunner.maxGroups else {
            let (result, _, _, _) = try Self.run([("many.csv", Self.csv(text))], options: options)
            #expect(result.groups.count == groups)
            return
        }
        #expect(throws: BatchError.self) { try Self.run([("many.csv", Self.csv(text))], options: options) }
        do {
            _ = try Self.run([("many.csv", Self.csv(text))], options: options)
        } catch let error as BatchError {
            #expect(error.message == "--group-by Dept gives more than 1000 groups (at many.csv row 1002); "
                    + "each group takes memory for every question, so check that it is not a column of free text or ids")
        }
    }

    // MARK: JSON Lines and answer files

    @Test func jsonLinesShapedLikeAnswerFilesAreReadAsAnswerFiles() throws {
        let jsonl = """
            {"gapkit": 1, "questionnaire": "mini", "date": "2026-11-20", "respondent": {"name": "Ann", "role": "CIO"}, \
            "answers": {"Q1": {"value": "yes", "note": "n"}, "Q2": true, "Q3": [1, 2], "Q4": {"note": "?"}}}
            {"questionnaire": "other", "answers": {"Q1": "no"}}
            """
        var options = BatchOptions()
        options.groupBy = ["role"]
        let (result, respondents, rejects, runner) = try Self.run([("a.jsonl", Self.csv(jsonl))], options: options)
        #expect(result.respondents == 1)
        #expect(result.groups.map { $0.key.map(\.value) } == [["CIO"]])
        #expect(respondents.split(separator: "\r\n").dropFirst().first?.hasPrefix("Ann,CIO,a.jsonl,1,") == true, "\(respondents)")
        #expect(result.overall.questions[0].distribution.map(\.count) == [1, 0, 0])
        // Q4 has a note and no value, as `gapkit ask` writes a question noted but not answered: unanswered, not rejected.
        #expect(result.overall.questions[3].answered == 0 && result.overall.questions[3].notApplicable == 0)
        #expect(Self.rejectLines(rejects) == [
            "a.jsonl,1,Q2,true,\"not an answer (expected yes, partial, no)\"",
            "a.jsonl,1,Q3,\"[1,2]\",\"a list, not one answer\"",
            "a.jsonl,2,questionnaire,other,\"answers for another questionnaire than 'mini'; the whole line is skipped\"",
        ])
        #expect(runner.unmatchedColumns.isEmpty, "the answer-file keys are not survey columns")
    }

    @Test func anAnswerFileForAnotherQuestionnaireIsSkippedAndRejectsGiveTheAnswersLine() throws {
        let other = "gapkit: 1\nquestionnaire: iso27001\nanswers:\n  Q1: \"yes\"\n"
        let good = "gapkit: 1\nquestionnaire: mini\nrespondent: {name: Li, role: CIO, organization: Acme}\ndate: 2026-11-20\n"
            + "answers:\n  Q1: \"yes\"\n  Q2: maybe\n  Q3: [1, 2]\n"
        let (result, _, rejects, runner) = try Self.run([
            ("in/", []), ("in/other.yaml", Self.csv(other)), ("in/li.yaml", Self.csv(good)),
        ])
        #expect(result.respondents == 1)
        #expect(Self.rejectLines(rejects) == [
            "in/li.yaml,7,Q2,maybe,\"not an answer (expected yes, partial, no)\"",
            "in/li.yaml,8,Q3,,\"a list or mapping, not one answer\"",
            "in/other.yaml,2,questionnaire,iso27001,\"answers for another questionnaire than 'mini'; the file is skipped\"",
        ])
        #expect(runner.unmatchedColumns.isEmpty, "\(runner.unmatchedColumns)")
    }
}
