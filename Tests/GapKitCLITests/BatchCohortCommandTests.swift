import Foundation
import Testing

/// `gapkit batch` cohort analysis and the fixes of issue 17, as an analyst runs them.
@Suite struct BatchCohortCommandTests {
    static let questionnaire = BatchCommandTests.questionnaire

    @Test func shortChineseLabelsMatchAndMergedGroupsAreNamedOnStandardError() throws {
        let folder = try BatchCommandTests.folder([
            "s.csv": "ID,Dept,Q-4.1-1,Q-4.1-2\nr1,Network,是,部分符合\nr2,network ,否,是\nr3,Desk,部分符合,否\n",
            "groups.yaml": "groups:\n  Service desk: [Desk, 服务台]\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GapKitBinary.run(["batch", Self.questionnaire, "s.csv", "--group-by", "Dept", "--group-map", "groups.yaml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("batch: 3 respondents, 0 rejected cells, 0 repeated ids"), "\(result.stderr)")
        #expect(result.stderr.contains("warning: group 'Network' merges 'Network', 'network'"), "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { ($0["key"] as? [String: String])?["Dept"] } == ["Network", "Service desk"])
        #expect((json["questions_in_export"] as? [String]) == ["Q-4.1-1", "Q-4.1-2"])
    }

    @Test func noteOnlyAnswersInAFolderAreUnansweredNotRejected() throws {
        let folder = try BatchCommandTests.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        try "gapkit: 1\nquestionnaire: iso20000-1-2018\nanswers:\n  Q-4.1-1: \"yes\"\n  Q-4.1-2:\n    note: \"Ask the CIO\"\n"
            .write(to: answers.appendingPathComponent("li.yaml"), atomically: true, encoding: .utf8)
        let result = try GapKitBinary.run(["batch", Self.questionnaire, "answers"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("0 rejected cells"), "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let questions = try #require((json["overall"] as? [String: Any])?["questions"] as? [[String: Any]])
        #expect(questions.first { $0["id"] as? String == "Q-4.1-2" }?["answered"] as? Int == 0)
    }

    @Test func theSummaryNamesQuestionsByIdAndListsAtMostTenReasons() throws {
        // Twelve question columns with a bad cell each: twelve reasons, ten shown, then the rest counted.
        let ids = ["Q-4.1-1", "Q-4.1-2", "Q-4.2-1", "Q-4.2-2", "Q-4.2-3", "Q-4.3-1", "Q-4.3-2", "Q-4.4-1", "Q-4.4-2", "Q-5.1-1", "Q-5.1-2", "Q-5.1-3"]
        let header = "ID," + ids.map { "[\($0)] A long question text that would fill the terminal" }.joined(separator: ",")
        let row = "r1," + ids.map { _ in "maybe" }.joined(separator: ",")
        let folder = try BatchCommandTests.folder(["s.csv": header + "\n" + row + "\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GapKitBinary.run(["batch", Self.questionnaire, "s.csv"], in: folder)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("rejected: ") }
        #expect(lines.count == 11, "\(result.stderr)")
        #expect(lines.first == "rejected: 1 × Q-4.1-1: not an answer (expected yes, partial, no) (first in s.csv row 2)")
        #expect(lines.last == "rejected: 2 more cells for 2 other reasons (12 reasons in all)")
        #expect(!result.stderr.contains("A long question text"))
    }

    @Test func badCohortOptionsAreUsageErrors() throws {
        let folder = try BatchCommandTests.folder(["s.csv": "ID,Dept,Q-4.1-1\nr1,A,yes\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["--reference-group", "Dept"], ["--reference-group", "Site=A", "--group-by", "Dept"], ["--stdev", "0.9"], ["--min-group", "0"]] {
            let result = try GapKitBinary.run(["batch", Self.questionnaire, "s.csv"] + arguments, in: folder)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        let nobody = try GapKitBinary.run(["batch", Self.questionnaire, "s.csv", "--group-by", "Dept", "--reference-group", "Dept=B"], in: folder)
        #expect(nobody.status == 65)
        #expect(nobody.stderr.contains("error: --reference-group Dept=B: no respondent has it"), "\(nobody.stderr)")
    }
}

/// `gapkit batch` on Excel workbooks: what a broken one says.
@Suite struct BatchXLSXCommandTests {
    @Test func aBrokenWorkbookNamesThePartAndCellAndExits65() throws {
        let folder = try BatchCommandTests.folder(["notzip.xlsx": "Respondent ID,Q-4.1-1\nr1,yes\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Paths.fixture("broken-sheet.xlsx"), toPath: folder.appendingPathComponent("broken.xlsx").path)
        let sheet = try GapKitBinary.run(["batch", BatchCommandTests.questionnaire, "broken.xlsx"], in: folder)
        #expect(sheet.status == 65)
        #expect(sheet.stderr == "broken.xlsx: error: xl/worksheets/sheet1.xml, cell B3: shared string 9 does not exist (the workbook has 3)\n")
        let zip = try GapKitBinary.run(["batch", BatchCommandTests.questionnaire, "notzip.xlsx"], in: folder)
        #expect(zip.status == 65)
        #expect(zip.stderr.hasPrefix("notzip.xlsx: error: not an .xlsx workbook: the file is not a readable zip archive"), "\(zip.stderr)")
        let missing = try GapKitBinary.run(["batch", BatchCommandTests.questionnaire, "broken.xlsx", "--sheet", "Response"], in: folder)
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no sheet 'Response'; did you mean 'Responses'?"), "\(missing.stderr)")
    }
}
