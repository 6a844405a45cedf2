import Foundation
import Testing

/// `gapkit survey`: the generated survey comes back through `gapkit batch` with no hand work.
@Suite struct SurveyCommandTests {
    static let questionnaire = BatchCommandTests.questionnaire

    /// A file's text after its byte-order mark, which it must have (LimeSurvey and Excel read UTF-8 by it).
    static func text(_ url: URL) throws -> String {
        let bytes = try Data(contentsOf: url)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(url.lastPathComponent) starts with a byte-order mark")
        return String(decoding: bytes.dropFirst(3), as: UTF8.self)
    }

    @Test func aLimeSurveyExportOfTheGeneratedSurveyComesBackThroughBatchMap() throws {
        let folder = try BatchCommandTests.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try GapKitBinary.run(["survey", Self.questionnaire, "--format", "limesurvey", "--out", "survey.txt", "--clauses", "4.1,8.5.1.1"],
                                        in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let structure = try Self.text(folder.appendingPathComponent("survey.txt"))
        #expect(structure.hasPrefix("class\ttype/scale\tname\trelevance\ttext\thelp\tlanguage\t"))
        let rows = structure.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        // Question rows in both languages; answer rows carry score × 100 in the relevance column.
        let questions = rows.filter { $0.first == "Q" && $0[6] == "en" }
        #expect(questions.map { $0[2] } == ["Q4x1x1", "Q4x1x2", "Q8x5x1x1x1", "Q8x5x1x1x2", "Q8x5x1x1x3"])
        #expect(rows.filter { $0.first == "Q" && $0[6] == "zh-Hans" }.count == 5)
        #expect(Set(questions.map { $0[8] }).isSubset(of: ["Y", "N"]))
        let answers = rows.filter { $0.first == "A" && $0[6] == "en" }.prefix(3).map { "\($0[2])=\($0[3])" }
        #expect(answers == ["yes=100", "parti=50", "no=0"])
        // The export, as LimeSurvey writes it: BOM, ';', every value quoted, answer codes, metadata columns.
        let codes = questions.map { $0[2] }
        let answerSets = [["yes", "parti", "no", "yes", "parti"], ["no", "no", "yes", "parti", ""], ["parti", "yes", "yes", "no", "no"]]
        var export = "\u{FEFF}" + (["id", "submitdate", "lastpage", "startlanguage", "seed"] + codes).map { "\"\($0)\"" }.joined(separator: ";") + "\r\n"
        for (n, set) in answerSets.enumerated() {
            export += (["\(n + 1)", "2026-11-20 10:00:00", "3", "zh-Hans", "123"] + set).map { "\"\($0)\"" }.joined(separator: ";") + "\r\n"
        }
        try Data(export.utf8).write(to: folder.appendingPathComponent("results-survey.csv"))
        let batch = try GapKitBinary.run(["batch", Self.questionnaire, "results-survey.csv", "--map", "survey-map.yaml"], in: folder)
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.contains("batch: 3 respondents, 0 rejected cells"), "\(batch.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(batch.stdout.utf8)) as? [String: Any])
        let stats = try #require((json["overall"] as? [String: Any])?["questions"] as? [[String: Any]])
        let value = ["yes": "yes", "parti": "partial", "no": "no"]
        for (column, id) in ["Q-4.1-1", "Q-4.1-2", "Q-8.5.1.1-1", "Q-8.5.1.1-2", "Q-8.5.1.1-3"].enumerated() {
            var expected: [String: Int] = ["yes": 0, "partial": 0, "no": 0]
            for set in answerSets where !set[column].isEmpty { expected[value[set[column]]!, default: 0] += 1 }
            let distribution = try #require(stats.first { $0["id"] as? String == id }?["distribution"] as? [String: Int])
            #expect(distribution == expected, "\(id)")
        }
        #expect((json["questions_in_export"] as? [String])?.count == 5)
    }

    @Test func aCSVTemplateIsAnEmptyExportThatBatchReadsAndListsTheAllowedAnswers() throws {
        let folder = try BatchCommandTests.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try GapKitBinary.run(["survey", Self.questionnaire, "--format", "csv", "--out", "template.csv", "--clauses", "4.1",
                                         "--group-column", "Department", "--groups", "IT,HR", "--lang", "zh-Hans"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let template = try Self.text(folder.appendingPathComponent("template.csv"))
        #expect(template.hasPrefix("Respondent ID,Department,[Q-4.1-1] "))
        let allowed = try Self.text(folder.appendingPathComponent("template-answers.csv"))
        #expect(allowed.contains("Department,,,yes,IT | HR"))
        #expect(allowed.contains("[Q-4.1-1],Q-4.1-1,4.1,"))
        #expect(allowed.contains("是 – "))
        // Filled in by a person, it is read as an export.
        try Data(("\u{FEFF}" + template + "r1,IT,是,部分符合\r\n").utf8).write(to: folder.appendingPathComponent("filled.csv"))
        let batch = try GapKitBinary.run(["batch", Self.questionnaire, "filled.csv", "--group-by", "Department"], in: folder)
        #expect(batch.status == 0)
        #expect(batch.stderr.contains("batch: 1 respondents, 0 rejected cells"), "\(batch.stderr)")
        let usage = try GapKitBinary.run(["survey", Self.questionnaire, "--format", "csv", "--out", "t.csv", "--clauses", "4.9"], in: folder)
        #expect(usage.status == 64)
    }
}
