import Testing
@testable import GapKit

/// Every requirement of ISO/IEC 20000-1:2018 listed in the questionnaire is tested by a requirement
/// question, and every requirement question tests a listed requirement.
@Suite struct ISO20000TraceabilityTests {
    static let questionnaire: Questionnaire? = ISO20000ContentTests.questionnaire

    @Test func everyRequirementIsCoveredByARequirementQuestionAndTheCoverageIsPrinted() throws {
        let q = try #require(Self.questionnaire)
        let mandatory = q.allQuestions.filter(\.mandatory)
        var coveredBy: [String: [String]] = [:]
        for question in mandatory { for requirement in question.covers { coveredBy[requirement, default: []].append(question.id) } }
        let uncovered = q.requirements.map(\.id).filter { coveredBy[$0] == nil }
        #expect(uncovered == [], "requirements no requirement question covers")
        #expect((200...300).contains(q.requirements.count), "clauses 4 to 10 hold about 200 to 300 requirements")

        // The coverage, per top-level clause, for the person running the tests.
        var lines: [String] = []
        for top in q.clauses {
            let requirements = q.requirements.filter { $0.clause == top.id || $0.clause.hasPrefix(top.id + ".") }
            let covered = requirements.filter { coveredBy[$0.id] != nil }
            let questions = top.allQuestions.filter(\.mandatory).count
            lines.append("  clause \(top.id): \(covered.count)/\(requirements.count) requirements covered by \(questions) requirement questions")
        }
        let total = q.requirements.filter { coveredBy[$0.id] != nil }.count
        print("ISO/IEC 20000-1:2018 traceability: \(total)/\(q.requirements.count) requirements covered by "
              + "\(mandatory.count) requirement questions (\(q.allQuestions.count - mandatory.count) good-practice questions)\n"
              + lines.joined(separator: "\n"))
        #expect(total == q.requirements.count)
    }

    @Test func everyRequirementQuestionCoversARequirementOfTheStandard() throws {
        let q = try #require(Self.questionnaire)
        let untraced = q.allQuestions.filter { $0.mandatory && $0.covers.isEmpty }.map(\.id)
        #expect(untraced == [])
    }

    @Test func everyRequirementSitsInClausesFourToTen() throws {
        let q = try #require(Self.questionnaire)
        for requirement in q.requirements {
            let chapter = requirement.clause.split(separator: ".").first.flatMap { Int($0) } ?? 0
            #expect((4...10).contains(chapter), "\(requirement.id) is in clause \(requirement.clause)")
            #expect(requirement.id.hasPrefix("R-\(requirement.clause)-"), "\(requirement.id) is named after its clause")
        }
    }

    @Test func goodPracticeQuestionsAreNotRequirementsAndSaySo() throws {
        let q = try #require(Self.questionnaire)
        let markers = ["good practice", "maturity rating", "not a requirement", "no requirement", "introductory"]
        for question in q.allQuestions where !question.mandatory {
            let help = q.text(try #require(question.help), "en").lowercased()
            #expect(markers.contains { help.contains($0) }, "\(question.id) is not a requirement question but its help does not say why")
        }
    }

    @Test func requirementQuestionsAreAnsweredOnAConformityScale() throws {
        let q = try #require(Self.questionnaire)
        let onMaturity = q.allQuestions.filter { $0.mandatory && $0.scale == "maturity" }.map(\.id)
        #expect(onMaturity == [])
    }

    @Test func theConformingMaturityLevelScoresAsCompliant() throws {
        let q = try #require(Self.questionnaire)
        let maturity = try #require(q.scale("maturity"))
        let defined = try #require(maturity.option("3"))
        #expect(defined.score >= q.thresholds.compliant, "level 3 conforms, so it must not read as partial")
        #expect(try #require(maturity.option("2")).score < q.thresholds.compliant)
    }

    @Test func maturityQuestionsAskForALevelInChinese() throws {
        let q = try #require(Self.questionnaire)
        for question in q.allQuestions where question.scale == "maturity" {
            let text = q.text(question.text, "zh-Hans")
            #expect(text.contains("处于哪一级"), "\(question.id) reads as yes/no in Chinese: \(text)")
            #expect(!text.contains("是否"), "\(question.id) reads as yes/no in Chinese: \(text)")
        }
    }

    @Test func everyRequiredDocumentIsCheckedByARequirementQuestion() throws {
        let q = try #require(Self.questionnaire)
        let checked = Set(q.allQuestions.filter(\.mandatory).flatMap(\.documents))
        for document in q.documents where document.required {
            #expect(checked.contains(document.id), "no requirement question checks the required document \(document.id)")
        }
        #expect(q.documents.contains { !$0.required }, "documents the 2018 edition does not require are marked as recommended")
    }
}
