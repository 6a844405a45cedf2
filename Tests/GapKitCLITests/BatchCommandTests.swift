import Foundation
import Testing

/// `gapkit batch` as an analyst runs it.
@Suite struct BatchCommandTests {
    static let questionnaire = Paths.inRepository("questionnaires/iso20000-1-2018.yaml")

    @Test func writesEveryOutputListsRejectsAndStrictTurnsThemIntoExit65() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("survey.csv").path
        try "Respondent ID;Site;[Q-4.1-1] Issues?;[Q-4.1-2] Climate?;Notes\nr1;Guangzhou;yes;partial;ok\nr2;Shenzhen;no;perhaps;\nr3;Shenzhen;Yes – fully in place, with evidence;no;\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let result = try GapKitBinary.run(["batch", Self.questionnaire, csv, "--group-by", "Site", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            == ["batch.html", "batch.json", "groups.csv", "rejects.csv", "respondents.csv"])
        #expect(result.stderr.contains("batch: 3 respondents, 1 rejected cells, 0 repeated ids"))
        #expect(result.stderr.contains("columns that match no question (ignored): 'Notes'"))
        #expect(result.stderr.contains("rejected: 1 × column '[Q-4.1-2] Climate?': not an answer (expected yes, partial, no) (first in survey.csv row 3)"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/batch.json"))) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { ($0["key"] as? [String: String])?["Site"] } == ["Guangzhou", "Shenzhen"])
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(Set(overall.keys).isSuperset(of: ["key", "respondents", "overall", "areas", "clauses", "questions"]))

        let strict = try GapKitBinary.run(["batch", Self.questionnaire, csv, "--strict"])
        #expect(strict.status == 65)
        #expect(strict.stdout.contains("\"respondents\": 3"), "the results are still written")

        let missing = try GapKitBinary.run(["batch", Self.questionnaire, csv, "--group-by", "Sites"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no column 'Sites' to group by; did you mean 'Site'?"))
        let usage = try GapKitBinary.run(["batch", Self.questionnaire, csv, "--aggregate", "mode"])
        #expect(usage.status == 64)
    }
}
