import Foundation
import Testing
@testable import GapKit

/// The closing summary of `gapkit ask` gives the readiness verdict with nonconformity counts and
/// the requirement questions still unanswered (docs/SCORING.md, "Readiness"), in English and Chinese.
@Suite struct InterviewSummaryReadinessTests {
    static let questionnaire = try! QuestionnaireLoader().load("""
        gapkit: 1
        id: req
        title: Requirements
        languages: [en, zh-Hans]
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
        """, path: "req.yaml").questionnaire

    static func summary(_ values: [String: String], language: String) throws -> String {
        var answers = AnswerSet(questionnaire: "req")
        for (id, value) in values { answers.set(Answer(question: id, value: .option(value))) }
        let session = try InterviewSession(questionnaire: questionnaire, answers: answers, clause: nil,
                                           view: InterviewView(colour: false, language: language))
        return session.summary(questionnairePath: "req.yaml", answersPath: "answers.yaml")
    }

    @Test(arguments: [
        (["Q1": "partial", "Q3": "no"], "en", "Readiness: diagnosis incomplete · 0 major, 1 minor nonconformities · 1 observations · 1 requirement questions unanswered"),
        (["Q1": "partial", "Q2": "yes"], "en", "Readiness: nearly ready for certification · 0 major, 1 minor nonconformities · 0 observations"),
        (["Q1": "no", "Q2": "partial"], "en", "Readiness: not ready for certification · 1 major, 0 minor nonconformities · 0 observations"),
        (["Q1": "partial", "Q3": "no"], "zh-Hans", "认证准备度：诊断尚未完成 · 严重不符合项 0 个，一般不符合项 1 个 · 观察项 1 个 · 1 个标准要求问题未回答"),
    ])
    func theSummaryGivesTheVerdictAndItsCounts(values: [String: String], language: String, line: String) throws {
        let summary = try Self.summary(values, language: language)
        // Lines are wrapped to the terminal: read them as one text.
        let text = summary.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains(line), "\(summary)")
        #expect(!text.contains("mandatory") && !text.contains("必答"))
    }
}
