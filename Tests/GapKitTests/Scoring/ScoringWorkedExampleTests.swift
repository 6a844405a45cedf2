import Foundation
import Testing
@testable import GapKit

/// The worked example of docs/SCORING.md, against the numbers computed there by hand.
@Suite struct ScoringWorkedExampleTests {
    /// The YAML blocks after "## Worked example": the questionnaire, the answers, the incomplete answers.
    static func blocks() throws -> [String] {
        let doc = try String(contentsOfFile: Repository.path("docs/SCORING.md"), encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "## Worked example").last)
        let blocks = section.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        try #require(blocks.count == 3)
        return blocks
    }

    static func example(answers index: Int = 1) throws -> (Questionnaire, AnswerSet) {
        let blocks = try blocks()
        let questionnaire = try QuestionnaireLoader().load(blocks[0], path: "SCORING.md questionnaire").questionnaire
        let answers = try AnswerLoader(questionnaire: questionnaire).load(blocks[index], path: "SCORING.md answers")
        return (questionnaire, answers)
    }

    /// The plan of the example's schedule: `--capacity 2 --owner-capacity "HR manager=0.5"`.
    static func plan() throws -> Plan {
        let (questionnaire, answers) = try example()
        return Planner(questionnaire, capacity: 2, ownerCapacities: ["HR manager": 0.5], start: try #require(answers.date))
            .plan(Scorer(questionnaire).score(answers))
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-12
    }

    @Test func questionsHaveTheWeightsStatusesFindingsAndNonconformitiesOfTheTable() throws {
        let (questionnaire, answers) = try Self.example()
        let a = Scorer(questionnaire).score(answers)
        let rows = a.questions.map {
            "\($0.id) \($0.weight) \($0.score.map { "\($0)" } ?? "-") \($0.status.rawValue) \($0.finding?.rawValue ?? "-") \($0.nonconformity ?? "-")"
        }
        #expect(rows == [
            "Q1 2.0 0.0 gap major NC-01", "Q2 2.0 0.5 partial minor NC-01", "Q3 1.0 0.5 partial minor NC-02",
            "Q4 2.0 0.5 partial observation -", "Q5 1.0 - na - -", "Q6 1.0 0.8 compliant - -",
            "Q7 1.0 0.0 gap minor NC-03", "Q8 1.0 0.5 partial minor NC-02", "Q9 1.0 - unanswered - -",
        ])
        #expect(questionnaire.allQuestions.map(\.ncGroup) == ["A", "A", "training", "B", "B", "B", "B", "training", "C"])
    }

    @Test func scoresAndCoverageMatchTheHandComputedTable() throws {
        let (questionnaire, answers) = try Self.example()
        let a = Scorer(questionnaire).score(answers)
        #expect(Self.close(a.overall.score, 0.38) && a.overall.status == .gap && a.overall.coverage == 0.875)
        #expect(Self.close(a.overall.weight, 10))
        let expected: [(String, Double, Assessment.Status, Double)] = [
            ("A", 0.25, .gap, 1), ("B", 0.46, .partial, 1), ("C", 0.5, .partial, 0.5),
        ]
        for (id, score, status, coverage) in expected {
            let clause = try #require(a.clause(id))
            #expect(Self.close(clause.summary.score, score) && clause.summary.status == status && clause.summary.coverage == coverage, "clause \(id)")
        }
        let org = try #require(a.area("org")), doc = try #require(a.area("doc"))
        #expect(Self.close(org.summary.score, 0.3) && org.summary.status == .gap && org.summary.coverage == 1)
        #expect(Self.close(doc.summary.score, 0.46) && doc.summary.status == .partial && doc.summary.coverage == 0.8)
    }

    @Test func nonconformitiesAndReadinessMatchTheTable() throws {
        let (questionnaire, answers) = try Self.example()
        let a = Scorer(questionnaire).score(answers)
        #expect(a.nonconformities == [
            .init(id: "NC-01", group: "A", clause: "A", grade: .major, escalated: false, questions: ["Q1", "Q2"]),
            .init(id: "NC-02", group: "training", clause: "B", grade: .major, escalated: true, questions: ["Q3", "Q8"]),
            .init(id: "NC-03", group: "B", clause: "B", grade: .minor, escalated: false, questions: ["Q7"]),
        ])
        #expect(a.readiness == .init(verdict: .notReady, major: 2, minor: 1, observation: 1, unanswered: 0))
        #expect(a.questions.filter { $0.finding == .major || $0.finding == .minor }.count == 5)
    }

    @Test func thePlanHasTheHandComputedBenefitsPrioritiesRanksAndProjections() throws {
        let plan = try Self.plan()
        #expect(plan.actions.map(\.id) == ["Z", "X", "Y"])
        #expect(plan.actions.map(\.rank) == [1, 2, 3])
        let (z, x, y) = (plan.actions[0], plan.actions[1], plan.actions[2])
        #expect(Self.close(z.benefit, 0.25) && Self.close(z.priority, 0.45) && z.questions == ["Q4", "Q7", "Q8"])
        #expect(Self.close(x.benefit, 0.25) && Self.close(x.priority, 0.375) && x.questions == ["Q1", "Q2"])
        #expect(Self.close(y.benefit, 0.1) && Self.close(y.priority, 0.075) && y.questions == ["Q2", "Q3"] && y.after == ["X"])
        #expect(Self.close(plan.phases[0].projectedScore, 0.83) && plan.phases[0].effort == 3)
        #expect(Self.close(plan.phases[1].projectedScore, 0.98) && plan.phases[1].effort == 4)
        #expect(plan.documents.map { "\($0.id) \($0.status.rawValue) \($0.required) \($0.actions)" } == [
            "DOC-P missing true [\"X\"]", "DOC-R partial true [\"Y\"]", "DOC-S ok false []", "DOC-T partial true []",
        ])
    }

    @Test func theScheduleMatchesTheTable() throws {
        let plan = try Self.plan()
        func row(_ id: String, _ owner: String?, _ s: Plan.Schedule) -> String {
            "\(id) \(owner ?? "–") \(NumberFormat.fixed(s.start, decimals: 1))–\(NumberFormat.fixed(s.end, decimals: 1)) weeks \(s.startWeek)–\(s.endWeek) \(s.startDate)…\(s.endDate)"
        }
        #expect(plan.actions.map { row($0.id, $0.owner, $0.schedule) } + plan.milestones.map { row($0.id, nil, $0.schedule) } == [
            "Z HR manager 0.0–2.0 weeks 1–2 2026-11-20…2026-12-03",
            "X Quality manager 0.0–1.0 weeks 1–1 2026-11-20…2026-11-26",
            "Y Quality manager 2.0–4.0 weeks 3–4 2026-12-04…2026-12-17",
            "M – 4.0–6.0 weeks 5–6 2026-12-18…2026-12-31",
        ])
        #expect(plan.weeks == 6)
        #expect(plan.capacity == .init(default: 2, owners: ["HR manager": 0.5, "Quality manager": 2]))
    }

    @Test func withOneOwnerTheActionsRunOneAfterAnother() throws {
        var (questionnaire, answers) = try Self.example()
        for index in questionnaire.actions.indices { questionnaire.actions[index].owner = nil }
        let plan = Planner(questionnaire, capacity: 2, start: try #require(answers.date)).plan(Scorer(questionnaire).score(answers))
        #expect(plan.actions.map { "\($0.id) \($0.schedule.start)–\($0.schedule.end)" } == ["Z 0.0–0.5", "X 0.5–1.5", "Y 1.5–3.5"])
        #expect(plan.milestones.map(\.schedule.start) == [4])
    }

    @Test func theIncompleteAnswersAreIncompleteUntilTheRequirementQuestionIsAnswered() throws {
        var (questionnaire, answers) = try Self.example(answers: 2)
        let a = Scorer(questionnaire).score(answers)
        #expect(a.nonconformities.map { "\($0.id) \($0.group) \($0.grade.rawValue) \($0.questions)" } == ["NC-01 A minor [\"Q2\"]"])
        #expect(a.readiness == .init(verdict: .incomplete, major: 0, minor: 1, observation: 0, unanswered: 1))
        answers.set(Answer(question: "Q8", value: .option("yes")))
        #expect(Scorer(questionnaire).score(answers).readiness == .init(verdict: .nearlyReady, major: 0, minor: 1, observation: 0, unanswered: 0))
        questionnaire.findings.escalateMinors = nil
        #expect(Scorer(questionnaire).score(answers).readiness.verdict == .nearlyReady)
    }
}
