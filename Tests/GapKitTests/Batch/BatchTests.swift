import Foundation
import Testing
@testable import GapKit

/// `gapkit batch` on small exports whose aggregates were computed by hand.
///
/// The five respondents (W = 2 for Q1 and Q2, whose clause weighs 2; W = 1 for Q3 and Q4):
///
///     r1  A  Q1 yes (1)     Q2 Partly (0.5)  Q3 3 (1)     Q4 no (0)
///     r2  A  Q1 是 = yes (1) Q2 no (0)        Q3 2 (0.75)  Q4 N/A (na)
///     r3  B  Q1 no (0)      Q2 部分 (0.5)     Q3 1 (0.25)  Q4 yes, but Q1 is no: not applicable
///     r4  B  Q1 " YES " (1) Q2 maybe: rejected Q3 0 (0)   Q4 empty; one cell beyond the header: rejected
///     r5  B  Q1 partial (0.5), a short row: the rest unanswered; Q4 not applicable (Q1 is not yes)
///
/// Everyone: Q1 answered 5 (yes 3, partial 1, no 1), mean 3.5/5 = 0.7, median 1, min 0, max 1,
/// stdev √(0.8/5) = 0.4; Q2 answered 3, mean 1/3, median 0.5, stdev √(1/18); Q3 answered 4, mean 0.5,
/// median (0.25 + 0.75)/2 = 0.5, stdev √(0.625/4) ≈ 0.395; Q4 answered 1 (0), na 3. People disagree
/// (≥ 5 answers, stdev ≥ 0.35): Q1 only; Q3's stdev is as wide, but only 4 answered it. Overall (mean): (2·0.7 + 2·⅓ + 0.5 + 0)/6 = 0.427777…;
/// org (2·0.7 + 0.5)/3 = 0.633333…; doc (2·⅓ + 0)/3 = 0.222222…. Group A: (2·1 + 2·0.25 + 0.875 + 0)/6
/// = 0.5625; group B: Q4 has no answer, so (2·0.5 + 2·0.5 + 0.125)/5 = 0.425. Respondents:
/// r1 4/6, r2 2.75/5 = 0.55, r3 1.25/5 = 0.25, r4 2/3, r5 0.5.
@Suite struct BatchTests {
    static let questionnaire = try! QuestionnaireLoader().load(file: Fixtures.path("batch/mini.yaml")).questionnaire

    static let header = ["Respondent ID", "部门", "[Q1] One?", "[Q2] Two?", "Q3", "[Q4] Four, really?", "Comment"]
    static let rows = [
        ["r1", "A", "yes", "Partly", "3", "no", "line one\nline \"two\""],
        ["r2", "A", "是", "no", "2", "N/A", ""],
        ["r3", "B", "no", "部分", "1", "yes", ""],
        ["r4", "B", "  YES ", "maybe", "0", "", "extra", "beyond"],
        ["r5", "B", "partial"],
    ]

    enum Encoding { case utf8, utf8BOM, utf16LE, utf16BE }

    /// The table as a survey tool would export it.
    static func export(delimiter: String, encoding: Encoding, lineEnd: String = "\r\n") -> [UInt8] {
        func cell(_ text: String) -> String {
            text.contains(delimiter) || text.contains("\"") || text.contains("\n") || text.hasPrefix(" ")
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let text = ([header] + rows).map { $0.map(cell).joined(separator: delimiter) }.joined(separator: lineEnd) + lineEnd
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
    }

    /// Writes `files` into a new folder (a name ending in `/` is a folder) and reads them as
    /// `gapkit batch` would, each named by its path in that folder: those named in `read`, or by
    /// default every file and folder not inside another.
    static func run(_ files: [(name: String, bytes: [UInt8])], options: BatchOptions = grouped(), read: [String]? = nil) throws
        -> (BatchResult, respondents: String, rejects: String, runner: BatchRunner) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = try BatchRunner(questionnaire: questionnaire, options: options,
                                     respondents: StagedFile(path: folder.appendingPathComponent("respondents.csv").path),
                                     rejects: StagedFile(path: folder.appendingPathComponent("rejects.csv").path))
        for file in files {
            let path = folder.appendingPathComponent(file.name).path
            if file.name.hasSuffix("/") {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } else {
                try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            }
        }
        for name in read ?? files.map(\.name).filter({ !$0.contains("/") || $0.hasSuffix("/") }) {
            try runner.read(folder.appendingPathComponent(name).path, as: name)
        }
        let result = try runner.finish()
        let text = { (name: String) -> String in
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) starts with a byte-order mark, for Excel")
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        return (result, try text("respondents.csv"), try text("rejects.csv"), runner)
    }

    static func grouped() -> BatchOptions {
        var options = BatchOptions()
        options.groupBy = ["部门"]
        return options
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-12 } ?? false }

    @Test func aggregatesMatchTheNumbersComputedByHand() throws {
        let (result, _, _, _) = try Self.run([("survey.csv", Self.export(delimiter: ",", encoding: .utf8BOM))])
        #expect(result.respondents == 5)
        #expect(result.overall.respondents == 5)
        let q = Dictionary(uniqueKeysWithValues: result.overall.questions.map { ($0.id, $0) })
        let q1 = try #require(q["Q1"]), q2 = try #require(q["Q2"]), q3 = try #require(q["Q3"]), q4 = try #require(q["Q4"])
        #expect(q1.answered == 5)
        #expect(q1.notApplicable == 0)
        #expect(Self.close(q1.mean, 0.7))
        #expect(q1.median == 1)
        #expect(q1.min == 0)
        #expect(q1.max == 1)
        #expect(Self.close(q1.stdev, 0.4))
        #expect(q1.disagreement)
        #expect(q1.distribution.map { "\($0.value)=\($0.count)" } == ["yes=3", "partial=1", "no=1"])
        #expect(q2.answered == 3)
        let q2Mean: Double = 1.0 / 3, q2Stdev: Double = (1.0 / 18).squareRoot(), q3Stdev: Double = (0.625 / 4).squareRoot()
        #expect(Self.close(q2.mean, q2Mean))
        #expect(q2.median == 0.5)
        #expect(Self.close(q2.stdev, q2Stdev))
        #expect(!q2.disagreement)
        #expect(q3.answered == 4)
        #expect(q3.mean == 0.5)
        #expect(q3.median == 0.5)
        #expect(Self.close(q3.stdev, q3Stdev))
        #expect(!q3.disagreement, "4 answers are fewer than --min-group 5")
        #expect(q3.distribution.map(\.count) == [1, 1, 1, 1])
        #expect(q4.answered == 1)
        #expect(q4.notApplicable == 3)
        #expect(q4.mean == 0)
        #expect(q4.stdev == 0)
        #expect(!q4.disagreement)
        let a = result.overall.assessment
        let third: Double = 1.0 / 3
        let overall: Double = (1.4 + 2 * third + 0.5) / 6, org: Double = 1.9 / 3, doc: Double = 2 * third / 3
        let clause4: Double = (1.4 + 2 * third) / 4
        #expect(Self.close(a.overall.score, overall))
        #expect(Self.close(a.area("org")?.summary.score, org))
        #expect(Self.close(a.area("doc")?.summary.score, doc))
        #expect(Self.close(a.clause("4")?.summary.score, clause4))
        #expect(Self.close(a.clause("5")?.summary.score, 0.25))
        #expect(result.groups.map { $0.key.map(\.value) } == [["A"], ["B"]])
        #expect(result.groups.map(\.respondents) == [2, 3])
        #expect(Self.close(result.groups[0].assessment.overall.score, 0.5625))
        #expect(Self.close(result.groups[1].assessment.overall.score, 0.425))
    }

    @Test func eachRespondentIsScoredAsGapkitScoreWouldScoreThem() throws {
        let (_, respondents, _, _) = try Self.run([("survey.csv", Self.export(delimiter: ",", encoding: .utf8BOM))])
        let lines = respondents.split(separator: "\r\n").map(String.init)
        // Rows are records, as a spreadsheet shows them: r1's two-line comment stays in row 2.
        #expect(lines.first == "respondent,部门,file,row,answered,applicable,overall,org,doc")
        #expect(Array(lines.dropFirst()) == [
            "r1,A,survey.csv,2,4,4,0.666667,1.000000,0.333333",
            "r2,A,survey.csv,3,3,3,0.550000,0.916667,0.000000",
            "r3,B,survey.csv,4,3,3,0.250000,0.083333,0.500000",
            "r4,B,survey.csv,5,2,4,0.666667,0.666667,",
            "r5,B,survey.csv,6,1,3,0.500000,0.500000,",
        ])
        // The same numbers through `gapkit score`'s rules, for r2.
        let set = AnswerSet(questionnaire: "mini", answers: [
            Answer(question: "Q1", value: .option("yes")), Answer(question: "Q2", value: .option("no")),
            Answer(question: "Q3", value: .option("2")), Answer(question: "Q4", value: .notApplicable),
        ])
        #expect(Self.close(Scorer(Self.questionnaire).score(set).overall.score, 0.55))
    }

    @Test func badCellsAreRejectedWithRowColumnValueAndReasonAndTheRowIsStillScored() throws {
        let (result, _, rejects, runner) = try Self.run([("survey.csv", Self.export(delimiter: ",", encoding: .utf8BOM))])
        #expect(result.rejectedCells == 2)
        #expect(rejects == "file,row,column,value,reason\r\n"
            + "survey.csv,5,[Q2] Two?,maybe,\"not an answer (expected yes, partial, no)\"\r\n"
            + "survey.csv,5,column 8,beyond,a cell beyond the last column of the header\r\n")
        #expect(runner.unmatchedColumns == ["Comment"])
    }

    @Test(arguments: [(",", Encoding.utf8), (",", .utf8BOM), (";", .utf8BOM), ("\t", .utf16LE), (";", .utf16BE), ("\t", .utf8)])
    func everyEncodingAndDelimiterGivesTheSameResult(delimiter: String, encoding: Encoding) throws {
        let reference = try Self.run([("survey.csv", Self.export(delimiter: ",", encoding: .utf8BOM))])
        let other = try Self.run([("survey.csv", Self.export(delimiter: delimiter, encoding: encoding))])
        #expect(JSONWriter().string(other.0.json) == JSONWriter().string(reference.0.json))
        #expect(other.respondents == reference.respondents)
        #expect(other.rejects == reference.rejects)
    }

    @Test func lineFeedOnlyExportsReadTheSame() throws {
        let crlf = try Self.run([("s.csv", Self.export(delimiter: ",", encoding: .utf8))])
        let lf = try Self.run([("s.csv", Self.export(delimiter: ",", encoding: .utf8, lineEnd: "\n"))])
        #expect(JSONWriter().string(lf.0.json) == JSONWriter().string(crlf.0.json))
    }

    @Test func aMappingFileMapsHeadersAndAnswerTexts() throws {
        var options = BatchOptions()
        options.map = ColumnMap(columns: ["Do you know your context?": "Q1", "Level": "Q3"],
                                values: [CellMatcher.normalize("Fully in place"): "yes", CellMatcher.normalize("Some of it"): "1"])
        let csv = "ID,Do you know your context?,Level\nx1,Fully in place,Some of it\nx2,fully  in place,3\n"
        let (result, _, _, _) = try Self.run([("m.csv", Array(csv.utf8))], options: options)
        let q = Dictionary(uniqueKeysWithValues: result.overall.questions.map { ($0.id, $0) })
        #expect(q["Q1"]?.distribution.first?.count == 2)
        #expect(q["Q3"]?.distribution.map(\.count) == [0, 1, 0, 1])
        #expect(result.rejectedCells == 0)
    }

    @Test func theMappingFileIsCheckedWithPositions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("map-\(UUID().uuidString).yaml")
        try "columns:\n  Context?: Q9\nvalues:\n  Fully: yes\n  Mostly: mostly\n".write(to: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: DiagnosticsError.self) { try ColumnMap.load(file: folder.path, questionnaire: Self.questionnaire) }
        do {
            _ = try ColumnMap.load(file: folder.path, questionnaire: Self.questionnaire)
        } catch {
            let text = "\(error)"
            #expect(text.contains(":2:13: error: unknown question 'Q9'; did you mean 'Q1'?"))
            #expect(text.contains(":5:11: error: 'mostly' is not an option value of any scale"))
        }
    }

    @Test func jsonLinesAndFoldersOfAnswerFilesAreReadToo() throws {
        let jsonl = """
            {"id": "j1", "部门": "A", "answers": {"Q1": "yes", "Q3": 3}}
            {"id": "j2", "部门": "B", "Q1": "否", "Extra": "x", "answers": {"Q2": null, "Q9": "yes"}}

            not json
            """
        let answerFile = "gapkit: 1\nquestionnaire: mini\nrespondent: {name: Li}\nanswers:\n  Q1: partial\n  Q2: {value: \"yes\", note: ok}\n"
        let (result, _, rejects, _) = try Self.run([
            ("r.jsonl", Array(jsonl.utf8)), ("interviews/", []), ("interviews/li.yaml", Array(answerFile.utf8)),
        ], options: BatchOptions())
        #expect(result.respondents == 3)
        let q1 = try #require(result.overall.questions.first { $0.id == "Q1" })
        #expect(q1.distribution.map(\.count) == [1, 1, 1])
        #expect(rejects.contains("r.jsonl,2,Q9,yes,no such question in 'mini'"))
        #expect(rejects.contains("r.jsonl,4,,not json,\"not a JSON object; the whole line is skipped\""))
    }

    @Test func aBrokenAnswerFileInAFolderIsRejectedAndTheOthersAreStillRead() throws {
        let good = "gapkit: 1\nquestionnaire: mini\nanswers:\n  Q1: \"yes\"\n"
        let (result, _, rejects, _) = try Self.run([
            ("answers/", []), ("answers/a.yaml", Array(good.utf8)),
            ("answers/b.yaml", Array("answers:\n  Q1: [yes\n".utf8)),
            ("answers/c.yaml", Array("answers:\n  Q1: \"yes\"\n  Q1: \"no\"\n".utf8)),
            ("answers/d.yaml", Array(good.utf8)),
        ], options: BatchOptions())
        #expect(result.respondents == 2)
        #expect(result.rejectedCells == 2)
        let lines = rejects.split(separator: "\r\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("answers/b.yaml,3,,,") && $0.contains("(column 1); the file is skipped") }, "\(lines)")
        #expect(lines.contains("answers/c.yaml,3,,,\"duplicate key 'Q1' in this mapping (column 3); the file is skipped\""), "\(lines)")
    }

    @Test func repeatedRespondentIdsAreReported() throws {
        let csv = "Respondent ID,Q1\na,yes\nb,no\na,partial\n"
        let (result, _, _, runner) = try Self.run([("d.csv", Array(csv.utf8))], options: BatchOptions())
        #expect(result.duplicateIds == 1)
        #expect(result.respondents == 3)
        #expect(runner.duplicateIds == ["a (d.csv row 4)"])
    }

    @Test func aMissingGroupByColumnIsAnErrorWithASuggestion() throws {
        var options = BatchOptions()
        options.groupBy = ["Departmnt"]
        #expect(throws: DiagnosticsError.self) {
            try Self.run([("g.csv", Array("Department,Q1\nIT,yes\n".utf8))], options: options)
        }
    }

    @Test func medianAndMinAggregatesChangeTheGroupScores() throws {
        var options = Self.grouped()
        options.aggregate = .min
        let (minimum, _, _, _) = try Self.run([("s.csv", Self.export(delimiter: ",", encoding: .utf8))], options: options)
        #expect(minimum.overall.questions.map(\.score) == [0, 0, 0, 0])
        options.aggregate = .median
        let (median, _, _, _) = try Self.run([("s.csv", Self.export(delimiter: ",", encoding: .utf8))], options: options)
        #expect(median.overall.questions.map(\.score) == [1, 0.5, 0.5, 0])
    }

    @Test func theCohortReportIsWellFormedAndEscaped() throws {
        let (result, _, _, _) = try Self.run([("s.csv", Self.export(delimiter: ",", encoding: .utf8))])
        let html = try BatchReport(questionnaire: Self.questionnaire, result: result, language: "zh-Hans").html()
        _ = try ReportTests.Outline.of(html)
        #expect(html.contains("问卷调查分组结果"))
        #expect(html.contains("class=\"heat\""))
        #expect(html.contains("<section id=\"disagreements\">"))
    }

    @Test func csvReaderHandlesChunkBoundariesQuotesAndUTF16AcrossReads() throws {
        let bytes = Self.export(delimiter: ",", encoding: .utf16LE)
        for chunk in [1, 2, 3, 7, 64] {
            var options = CSVReader.Options()
            options.chunkSize = chunk
            var rows: [[String]] = []
            try CSVReader(bytes: bytes, options: options).forEachRecord { rows.append($0.strings) }
            #expect(rows == [Self.header] + Self.rows, "chunk size \(chunk)")
        }
    }
}
