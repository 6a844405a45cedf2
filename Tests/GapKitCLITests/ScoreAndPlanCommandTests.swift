import Foundation
import Testing

/// `gapkit score` and `gapkit plan` on the shipped questionnaire and sample answers.
@Suite struct ScoreAndPlanCommandTests {
    static let questionnaire = Paths.inRepository("questionnaires/iso20000-1-2018.yaml")
    static let answers = Paths.inRepository("examples/acme-answers.yaml")

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func scoreJSONFollowsTheContract() throws {
        let result = try GapKitBinary.run(["score", Self.questionnaire, Self.answers, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        let overall = try #require(object["overall"] as? [String: Any])
        #expect(Set(overall.keys).isSuperset(of: ["score", "status", "coverage"]))
        let areas = try #require(object["areas"] as? [[String: Any]])
        #expect(areas.map { $0["id"] as? String } == ["organisation", "documentation", "service", "performance"])
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.count == (try #require(ShippedQuestionnaire.counts)).questions)
        #expect(questions.allSatisfy { Set($0.keys).isSuperset(of: ["id", "value", "score", "status", "finding"]) })
        let readiness = try #require(object["readiness"] as? [String: Any])
        #expect(readiness["verdict"] as? String == "not-ready")
        let clauses = try #require(object["clauses"] as? [[String: Any]])
        #expect(clauses.count == 77)
    }

    @Test func scoreTextSummarisesOverallAreasAndTopFindings() throws {
        let result = try GapKitBinary.run(["score", Self.questionnaire, Self.answers])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Overall "))
        #expect(result.stdout.contains("Readiness   not-ready: "))
        #expect(result.stdout.contains("Top findings (10 of "))
        let chinese = try GapKitBinary.run(["score", Self.questionnaire, Self.answers, "--lang", "zh-Hans"])
        #expect(chinese.stdout.contains("绩效要求"))
    }

    @Test func planJSONFollowsTheContractAndIsDeterministic() throws {
        let arguments = ["plan", Self.questionnaire, Self.answers, "--format", "json", "--capacity", "15", "--start", "2027-01-04"]
        let first = try GapKitBinary.run(arguments), second = try GapKitBinary.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let object = try json(first.stdout)
        let actions = try #require(object["actions"] as? [[String: Any]])
        #expect(!actions.isEmpty)
        #expect(actions.allSatisfy {
            Set($0.keys).isSuperset(of: ["id", "rank", "phase", "effort", "benefit", "priority", "questions", "after", "start_week", "end_week"])
        })
        #expect(actions.map { $0["rank"] as? Int } == Array(1...actions.count))
        #expect(actions.first?["start_date"] as? String == "2027-01-04")
        let milestones = try #require(object["milestones"] as? [[String: Any]])
        #expect(milestones.count == (try #require(ShippedQuestionnaire.counts)).milestones && milestones.allSatisfy { $0["start_week"] is Int && $0["end_week"] is Int })
        let phases = try #require(object["phases"] as? [[String: Any]])
        #expect(phases.map { $0["id"] as? String } == ["prepare", "establish", "operate", "certify"])
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.count == (try #require(ShippedQuestionnaire.counts)).documents && documents.allSatisfy { ["missing", "partial", "ok", "unknown"].contains($0["status"] as? String) })
    }

    @Test func badArgumentsExit64AndBadAnswersExit65() throws {
        for value in ["0", "1e-300", "inf", "nan", "20000"] {
            let capacity = try GapKitBinary.run(["plan", Self.questionnaire, Self.answers, "--capacity", value])
            #expect(capacity.status == 64, "--capacity \(value)")
            #expect(capacity.stderr.contains("--capacity must be between 0.1 and 10000 person-days a week"), "--capacity \(value)")
        }
        let start = try GapKitBinary.run(["plan", Self.questionnaire, Self.answers, "--start", "next monday"])
        #expect(start.status == 64)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gapkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml").path
        try "gapkit: 1\nquestionnaire: iso20000-1-2018\nanswers:\n  Q-4.3-1: perhaps\n  Q-4.3-7: \"yes\"\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try GapKitBinary.run(["score", Self.questionnaire, bad])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(bad):4:12: error: 'perhaps' is not an answer to question 'Q-4.3-1' (scale 'ypn': yes, partial, no)"))
        #expect(result.stderr.contains("\(bad):5:3: error: unknown question 'Q-4.3-7'; did you mean 'Q-4.3-1'?"))

        let undated = folder.appendingPathComponent("undated.yaml").path
        try "gapkit: 1\nquestionnaire: iso20000-1-2018\nanswers:\n  Q-4.3-1: \"no\"\n".write(toFile: undated, atomically: true, encoding: .utf8)
        let noStart = try GapKitBinary.run(["plan", Self.questionnaire, undated])
        #expect(noStart.status == 64)
        #expect(noStart.stderr.contains("the answers have no date; give --start YYYY-MM-DD"))
    }
}
