import Foundation
import Testing

/// Batch groups carry the readiness verdict of docs/SCORING.md: a group in which a requirement
/// question went unanswered is `incomplete`, never `ready`, however well the rest scores.
@Suite struct BatchVerdictTests {
    static let questionnaire = """
        gapkit: 1
        id: req
        title: Requirements
        default_scale: ypn
        scales:
          - id: ypn
            options:
              - {value: "yes", label: "Yes", score: 1}
              - {value: partial, label: Partly, score: 0.5}
              - {value: "no", label: "No", score: 0}
        clauses:
          - id: "4.1"
            title: Issues
            questions:
              - {id: Q1, text: Issues listed?, mandatory: true}
              - {id: Q2, text: Issues reviewed?, mandatory: true}
              - {id: Q3, text: Issues shared?}

        """

    @Test func aGroupWithAnUnansweredRequirementQuestionIsIncomplete() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-verdict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let questionnaire = folder.appendingPathComponent("req.yaml").path
        try Self.questionnaire.write(toFile: questionnaire, atomically: true, encoding: .utf8)
        let csv = folder.appendingPathComponent("survey.csv").path
        // Site A answers everything "yes"; site B never answers Q2; site C leaves a requirement partly met.
        try "id,Site,Q1,Q2,Q3\nr1,A,yes,yes,yes\nr2,B,yes,,yes\nr3,B,yes,,yes\nr4,C,yes,partial,yes\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let result = try GapKitBinary.run(["batch", questionnaire, csv, "--group-by", "Site", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/batch.json"))) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        let verdicts = groups.map { ($0["readiness"] as? [String: Any])?["verdict"] as? String }
        let unanswered = groups.map { ($0["readiness"] as? [String: Any])?["unanswered"] as? Int }
        #expect(verdicts == ["ready", "incomplete", "nearly-ready"])
        #expect(unanswered == [0, 1, 0])
        #expect((groups[1]["overall"] as? [String: Any])?["status"] as? String == "compliant", "the premise: B's answers all score 1")
        let table = try String(contentsOfFile: out + "/groups.csv", encoding: .utf8)
        let lines = table.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasSuffix("Site,respondents,overall,verdict,coverage") == true)
        #expect(lines.dropFirst().map { $0.split(separator: ",")[3] } == ["nearly-ready", "ready", "incomplete", "nearly-ready"])
    }
}
