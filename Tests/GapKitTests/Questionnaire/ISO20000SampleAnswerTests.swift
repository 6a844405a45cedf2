import Testing
@testable import GapKit

/// The Acme sample answers every question of the shipped questionnaire, as a consultant would.
@Suite struct ISO20000SampleAnswerTests {
    @Test func everyQuestionIsAnsweredAndEveryYesOnARequirementCitesEvidence() throws {
        let q = try #require(ISO20000ContentTests.questionnaire)
        let answers = try AnswerLoader(questionnaire: q).load(file: Repository.path("examples/acme-answers.yaml"))
        let unanswered = q.allQuestions.filter { answers[$0.id]?.value == nil }.map(\.id)
        #expect(unanswered == [])
        let bare = q.allQuestions.filter { question in
            question.mandatory && answers[question.id]?.value == .option("yes") && answers[question.id]?.evidence.isEmpty == true
        }.map(\.id)
        #expect(bare == [], "a requirement answered 'yes' names the evidence seen")
    }
}
