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
        #expect(questions.allSatisfy { $0.keys.contains("nonconformity") })
        let nonconformities = try #require(object["nonconformities"] as? [[String: Any]])
        #expect(nonconformities.allSatisfy { Set($0.keys) == ["id", "group", "clause", "grade", "escalated", "questions"] })
        #expect(nonconformities.map { $0["id"] as? String } == (1...nonconformities.count).map { String(format: "NC-%02d", $0) })
        // Each question names the nonconformity that lists it.
        for nc in nonconformities {
            let members = try #require(nc["questions"] as? [String])
            #expect(questions.filter { $0["nonconformity"] as? String == nc["id"] as? String }.map { $0["id"] as? String } == members)
        }
        let readiness = try #require(object["readiness"] as? [String: Any])
        #expect(readiness["verdict"] as? String == "not-ready")
        #expect(readiness["major"] as? Int == nonconformities.filter { $0["grade"] as? String == "major" }.count)
        #expect(readiness["minor"] as? Int == nonconformities.filter { $0["grade"] as? String == "minor" }.count)
        #expect(readiness["unanswered"] as? Int == 0)
        let clauses = try #require(object["clauses"] as? [[String: Any]])
        #expect(clauses.count == 77)
    }

    @Test func scoreTextSummarisesOverallAreasAndTopFindings() throws {
        let result = try GapKitBinary.run(["score", Self.questionnaire, Self.answers])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Overall "))
        #expect(result.stdout.contains("Readiness   not-ready: "))
        #expect(result.stdout.contains(" minor nonconformities, "))
        #expect(result.stdout.contains("\nNonconformities ("))
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
        #expect(documents.allSatisfy { $0["required"] is Bool })
        #expect(actions.allSatisfy { $0.keys.contains("owner") })
        let capacity = try #require(object["capacity"] as? [String: Any])
        #expect(capacity["default"] as? Double == 15)
        let owners = try #require(capacity["owners"] as? [String: Double])
        #expect(Set(owners.keys) == Set(actions.compactMap { $0["owner"] as? String }) && owners.values.allSatisfy { $0 == 15 })
    }

    @Test func ownerCapacityGivesOneOwnerItsOwnCapacityAndAnUnknownOwnerExits64WithASuggestion() throws {
        let plain = try json(try GapKitBinary.run(["plan", Self.questionnaire, Self.answers, "--format", "json"]).stdout)
        let capacity = try #require(plain["capacity"] as? [String: Any])
        #expect(capacity["default"] as? Double == 2.5)
        let actions = try #require(plain["actions"] as? [[String: Any]])
        let owner = try #require(actions.compactMap { $0["owner"] as? String }.first)

        let faster = try GapKitBinary.run(["plan", Self.questionnaire, Self.answers, "--format", "json", "--owner-capacity", "\(owner)=5"])
        #expect(faster.status == 0, "\(faster.stderr)")
        let owners = try #require((try json(faster.stdout)["capacity"] as? [String: Any])?["owners"] as? [String: Double])
        #expect(owners[owner] == 5 && owners.filter { $0.key != owner }.values.allSatisfy { $0 == 2.5 })
        let fasterActions = try #require(try json(faster.stdout)["actions"] as? [[String: Any]])
        for action in fasterActions where action["owner"] as? String == owner {
            let weeks = try #require(action["end_week"] as? Int) - (try #require(action["start_week"] as? Int)) + 1
            #expect(Double(weeks) >= (try #require(action["effort"] as? Double)) / 5 - 1e-9)
        }

        let typo = String(owner.dropLast())
        let unknown = try GapKitBinary.run(["plan", Self.questionnaire, Self.answers, "--owner-capacity", "\(typo)=3"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--owner-capacity: no action of the questionnaire is owned by '\(typo)'; did you mean '\(owner)'?"))
        for bad in ["\(owner)", "=3", "\(owner)=fast", "\(owner)=0"] {
            let result = try GapKitBinary.run(["plan", Self.questionnaire, Self.answers, "--owner-capacity", bad])
            #expect(result.status == 64, "--owner-capacity \(bad)")
        }
        let twice = try GapKitBinary.run(["plan", Self.questionnaire, Self.answers, "--owner-capacity", "\(owner)=1", "--owner-capacity", "\(owner)=2"])
        #expect(twice.status == 64 && twice.stderr.contains("--owner-capacity gives '\(owner)' twice"))
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
