import Foundation
import Testing
@testable import GapKit

/// The shipped ISO/IEC 20000-1:2018 questionnaire covers the standard completely and consistently.
@Suite struct ISO20000ContentTests {
    static let questionnaire: Questionnaire? = try? QuestionnaireLoader()
        .load(file: Repository.path("questionnaires/iso20000-1-2018.yaml")).questionnaire

    /// Leaf clause ids of the standard's clause tree (Fixtures/iso20000-1-2018-clauses.txt).
    static func referenceLeaves() throws -> [String] {
        let ids = try Fixtures.text("iso20000-1-2018-clauses.txt").split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first.isNumber else { return nil }
            return String(line.prefix { !$0.isWhitespace })
        }
        return ids.filter { id in !ids.contains { $0.hasPrefix(id + ".") } }
    }

    @Test func itLoadsWithoutErrorsOrWarnings() throws {
        let loaded = try QuestionnaireLoader().load(file: Repository.path("questionnaires/iso20000-1-2018.yaml"))
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.questionnaire.languages == ["en", "zh-Hans"])
    }

    @Test func everyLeafClauseOfTheReferenceHasAClauseWithAtLeastTwoQuestions() throws {
        let q = try #require(Self.questionnaire)
        let leaves = try Self.referenceLeaves()
        #expect(leaves.count == 57)
        let clauses = Dictionary(q.allClauses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for leaf in leaves {
            let clause = try #require(clauses[leaf], "clause \(leaf) is missing")
            #expect(clause.questions.count >= 2, "clause \(leaf) has \(clause.questions.count) questions")
            #expect(clause.summary != nil, "clause \(leaf) has no summary")
        }
        #expect((230...280).contains(q.allQuestions.count))
    }

    @Test func everyTextIsInEnglishAndSimplifiedChinese() throws {
        let q = try #require(Self.questionnaire)
        var texts: [(String, LocalizedText)] = [("title", q.title)]
        texts += q.description.map { [("description", $0)] } ?? []
        for scale in q.scales { texts += scale.options.map { ("scale \(scale.id) \($0.value)", $0.label) } }
        for area in q.areas { texts += [("area \(area.id)", area.title)] + (area.description.map { [("area \(area.id)", $0)] } ?? []) }
        texts += q.phases.map { ("phase \($0.id)", $0.title) }
        for document in q.documents { texts += [("document \(document.id)", document.title)] + (document.description.map { [("document \(document.id)", $0)] } ?? []) }
        for action in q.actions { texts += [action.title, action.description, action.owner].compactMap { $0.map { ("action \(action.id)", $0) } } }
        for milestone in q.milestones { texts += [milestone.title, milestone.description].compactMap { $0.map { ("milestone \(milestone.id)", $0) } } }
        for clause in q.allClauses { texts += [clause.title, clause.summary].compactMap { $0.map { ("clause \(clause.id)", $0) } } }
        for question in q.allQuestions {
            texts += [question.text, question.help].compactMap { $0.map { ("question \(question.id)", $0) } }
            texts += question.evidence.map { ("question \(question.id) evidence", $0) }
        }
        #expect(texts.count > 1000)
        let incomplete = texts.filter { _, text in ["en", "zh-Hans"].contains { (text.translations[$0] ?? "").isEmpty } }.map(\.0)
        #expect(incomplete == [])
    }

    @Test func everyQuestionThatCanShowAGapLinksAnActionAndHasHelpAndEvidence() throws {
        let q = try #require(Self.questionnaire)
        for question in q.allQuestions {
            let scale = try #require(q.scale(question.scale))
            let canShowGap = scale.options.contains { $0.score < q.thresholds.compliant }
            #expect(!canShowGap || !question.actions.isEmpty, "\(question.id) links no action")
            #expect(question.help != nil && !question.evidence.isEmpty, "\(question.id) lacks help or evidence")
            #expect(question.area != nil)
        }
    }

    @Test func everyDocumentIsCheckedByAQuestionAndWrittenByAnAction() throws {
        let q = try #require(Self.questionnaire)
        let checked = Set(q.allQuestions.flatMap(\.documents))
        let written = Set(q.actions.flatMap(\.documents))
        for document in q.documents {
            #expect(checked.contains(document.id), "no question checks \(document.id)")
            #expect(written.contains(document.id), "no action writes \(document.id)")
        }
    }

    @Test func theActionAndMilestoneGraphIsAcyclicAndRespectsPhaseOrder() throws {
        let q = try #require(Self.questionnaire)
        #expect(q.phases.map(\.id) == ["prepare", "establish", "operate", "certify"])
        var phase: [String: Int] = [:], after: [String: [String]] = [:]
        for action in q.actions { phase[action.id] = q.phaseIndex(action.phase); after[action.id] = action.after }
        for milestone in q.milestones { phase[milestone.id] = q.phaseIndex(milestone.phase); after[milestone.id] = milestone.after }
        // Kahn's algorithm: every step can be placed once all it waits for is placed.
        var placed = Set<String>(), progress = true
        while progress {
            progress = false
            for (id, waits) in after where !placed.contains(id) && waits.allSatisfy(placed.contains) {
                placed.insert(id)
                progress = true
            }
        }
        #expect(placed.count == after.count, "steps in a cycle: \(Set(after.keys).subtracting(placed).sorted())")
        for (id, waits) in after {
            for other in waits { #expect(phase[other]! <= phase[id]!, "\(id) waits for \(other) of a later phase") }
        }
    }

    @Test func theFourRequirementAreasAndTheCertificationMilestonesArePresent() throws {
        let q = try #require(Self.questionnaire)
        #expect(q.areas.map(\.id) == ["organisation", "documentation", "service", "performance"])
        for area in q.areas { #expect(q.allQuestions.contains { $0.area == area.id }) }
        #expect(Set(q.milestones.map(\.id)).isSuperset(of: [
            "MS-TRIAL-OPERATION", "MS-INTERNAL-AUDIT", "MS-MANAGEMENT-REVIEW", "MS-CB-SELECTION", "MS-STAGE1", "MS-STAGE2",
        ]))
        let trial = try #require(q.milestones.first { $0.id == "MS-TRIAL-OPERATION" })
        let minimum = try #require(q.milestones.first { $0.id == "MS-MINIMUM-OPERATION" })
        #expect(minimum.after == ["MS-TRIAL-OPERATION"])
        #expect((12...16).contains(trial.weeks + minimum.weeks), "trial operation and the minimum operating period run about three months")
        let kickoff = try #require(q.milestones.first { $0.id == "MS-KICKOFF" })
        #expect(kickoff.phase == "prepare", "every plan starts with the kick-off")
        let selection = try #require(q.milestones.first { $0.id == "MS-CB-SELECTION" })
        #expect(q.phaseIndex(selection.phase)! < q.phaseIndex("operate")!, "the certification body is chosen while the system is being established")
        #expect(Set(q.scales.map(\.id)) == ["ypn", "ypn-na", "maturity"])
        #expect(q.allQuestions.contains { $0.mandatory } && q.allQuestions.contains { !$0.mandatory })
    }
}
