import Foundation
import Testing
@testable import GapKit

/// The worked example of docs/SCORING.md, against the numbers computed there by hand.
@Suite struct ScoringWorkedExampleTests {
    /// The questionnaire and the answers: the first two YAML blocks after "## Worked example".
    static func example() throws -> (Questionnaire, AnswerSet) {
        let doc = try String(contentsOfFile: Repository.path("docs/SCORING.md"), encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "## Worked example").last)
        let blocks = section.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        try #require(blocks.count == 2)
        let questionnaire = try QuestionnaireLoader().load(blocks[0], path: "SCORING.md questionnaire").questionnaire
        let answers = try AnswerLoader(questionnaire: questionnaire).load(blocks[1], path: "SCORING.md answers")
        return (questionnaire, answers)
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-12
    }

    @Test func questionsHaveTheWeightsStatusesAndFindingsOfTheTable() throws {
        let (questionnaire, answers) = try Self.example()
        let a = Scorer(questionnaire).score(answers)
        let rows = a.questions.map { "\($0.id) \($0.weight) \($0.score.map { "\($0)" } ?? "-") \($0.status.rawValue) \($0.finding?.rawValue ?? "-")" }
        #expect(rows == [
            "Q1 2.0 0.0 gap major", "Q2 2.0 0.5 partial minor", "Q3 1.0 1.0 compliant -", "Q4 2.0 0.5 partial observation",
            "Q5 1.0 - na -", "Q6 1.0 - na -", "Q7 1.0 - unanswered -",
        ])
    }

    @Test func scoresAndCoverageMatchTheHandComputedTable() throws {
        let (questionnaire, answers) = try Self.example()
        let a = Scorer(questionnaire).score(answers)
        #expect(Self.close(a.overall.score, 3.0 / 7) && a.overall.status == .partial && a.overall.coverage == 0.8)
        #expect(a.overall.weight == 7)
        let clauseA = try #require(a.clause("A")), clauseB = try #require(a.clause("B"))
        #expect(clauseA.summary.score == 0.25 && clauseA.summary.status == .gap && clauseA.summary.coverage == 1)
        #expect(Self.close(clauseB.summary.score, 2.0 / 3) && clauseB.summary.status == .partial && Self.close(clauseB.summary.coverage, 2.0 / 3))
        let org = try #require(a.area("org")), doc = try #require(a.area("doc"))
        #expect(org.summary.score == 0.25 && org.summary.status == .gap && org.summary.coverage == 1)
        #expect(Self.close(doc.summary.score, 2.0 / 3) && doc.summary.status == .partial && Self.close(doc.summary.coverage, 2.0 / 3))
        #expect(a.readiness == .init(verdict: .notReady, major: 1, minor: 1, observation: 1))
    }

    @Test func thePlanHasTheHandComputedBenefitsPrioritiesRanksAndProjections() throws {
        let (questionnaire, answers) = try Self.example()
        let plan = Planner(questionnaire, capacity: 5, start: try #require(answers.date)).plan(Scorer(questionnaire).score(answers))
        #expect(plan.actions.map(\.id) == ["X", "Z", "Y"])
        #expect(plan.actions.map(\.rank) == [1, 2, 3])
        let (x, z, y) = (plan.actions[0], plan.actions[1], plan.actions[2])
        #expect(Self.close(x.benefit, 2.5 / 7) && Self.close(x.priority, 0.5) && x.questions == ["Q1", "Q2"])
        #expect(Self.close(z.benefit, 1.0 / 7) && Self.close(z.priority, 1.0 / 7) && z.questions == ["Q4"])
        #expect(Self.close(y.benefit, 0.5 / 7) && Self.close(y.priority, 1.0 / 28) && y.questions == ["Q2"] && y.after == ["X"])
        #expect(Self.close(plan.phases[0].projectedScore, 6.0 / 7) && plan.phases[0].effort == 3)
        #expect(Self.close(plan.phases[1].projectedScore, 1) && plan.phases[1].effort == 4)
        #expect(plan.documents.map { "\($0.id) \($0.status.rawValue) \($0.actions)" } == [
            "DOC-P missing [\"X\"]", "DOC-R partial [\"Y\"]", "DOC-S unknown []", "DOC-T ok []",
        ])
    }

    @Test func theScheduleMatchesTheTable() throws {
        let (questionnaire, answers) = try Self.example()
        let plan = Planner(questionnaire, capacity: 5, start: try #require(answers.date)).plan(Scorer(questionnaire).score(answers))
        func row(_ id: String, _ s: Plan.Schedule) -> String {
            "\(id) \(NumberFormat.fixed(s.start, decimals: 1))–\(NumberFormat.fixed(s.end, decimals: 1)) weeks \(s.startWeek)–\(s.endWeek) \(s.startDate)…\(s.endDate)"
        }
        #expect(plan.actions.map { row($0.id, $0.schedule) } + plan.milestones.map { row($0.id, $0.schedule) } == [
            "X 0.0–0.4 weeks 1–1 2026-11-20…2026-11-26",
            "Z 0.4–0.6 weeks 1–1 2026-11-20…2026-11-26",
            "Y 0.6–1.4 weeks 1–2 2026-11-20…2026-12-03",
            "M 2.0–4.0 weeks 3–4 2026-12-04…2026-12-17",
        ])
        #expect(plan.weeks == 4)
    }
}
