import Testing
@testable import GapKit

/// Properties of the scoring rules, over the shipped questionnaire and seeded random answers.
@Suite struct ScoringPropertyTests {
    static let questionnaire = try! QuestionnaireLoader().load(file: Repository.path("questionnaires/iso20000-1-2018.yaml")).questionnaire
    static let seeds: [UInt64] = Array(1...40)

    /// Random answers: each question unanswered, `na` (where allowed) or a random option.
    static func randomAnswers(seed: UInt64) -> AnswerSet {
        var random = SeededGenerator(seed: seed)
        var set = AnswerSet(questionnaire: questionnaire.id, date: CalendarDate("2026-11-20"))
        for question in questionnaire.allQuestions {
            let scale = questionnaire.scale(question.scale)!
            switch Int.random(in: 0..<10, using: &random) {
            case 0: continue
            case 1 where scale.allowNA: set.set(Answer(question: question.id, value: .notApplicable))
            default: set.set(Answer(question: question.id, value: .option(scale.options.randomElement(using: &random)!.value)))
            }
        }
        return set
    }

    static func scores(_ a: Assessment) -> [Double?] {
        [a.overall.score] + a.areas.map(\.summary.score) + a.clauses.map(\.summary.score)
    }

    @Test(arguments: seeds)
    func everyScoreAndCoverageStaysBetween0And1(seed: UInt64) {
        let a = Scorer(Self.questionnaire).score(Self.randomAnswers(seed: seed))
        let values = Self.scores(a) + a.questions.map(\.score) + [a.overall.coverage] + a.clauses.map(\.summary.coverage)
        #expect(values.compactMap { $0 }.allSatisfy { (0...1).contains($0) })
        let plan = Planner(Self.questionnaire, start: CalendarDate("2026-11-20")!).plan(a)
        #expect(plan.phases.compactMap(\.projectedScore).allSatisfy { (0...1).contains($0) })
        #expect(plan.actions.allSatisfy { $0.benefit > 0 && $0.benefit <= 1 && $0.priority > 0 })
    }

    @Test func theTopOptionEverywhereScores1IsReadyAndNeedsNoPlan() {
        var set = AnswerSet(questionnaire: Self.questionnaire.id)
        for question in Self.questionnaire.allQuestions {
            let top = Self.questionnaire.scale(question.scale)!.options.max { $0.score < $1.score }!
            set.set(Answer(question: question.id, value: .option(top.value)))
        }
        let a = Scorer(Self.questionnaire).score(set)
        #expect(Self.scores(a).allSatisfy { $0 == 1 })
        #expect(a.readiness == .init(verdict: .ready, major: 0, minor: 0, observation: 0, unanswered: 0))
        #expect(a.nonconformities.isEmpty)
        let plan = Planner(Self.questionnaire, start: CalendarDate("2026-11-20")!).plan(a)
        #expect(plan.actions.isEmpty)
        #expect(plan.documents.allSatisfy { $0.status == .ok })
    }

    @Test(arguments: seeds)
    func nonconformitiesNeverOutnumberTheFindingsTheyGroup(seed: UInt64) {
        let a = Scorer(Self.questionnaire).score(Self.randomAnswers(seed: seed))
        let findings = a.questions.filter { $0.finding == .major || $0.finding == .minor }
        #expect(a.nonconformities.count <= findings.count)
        #expect(a.readiness.major + a.readiness.minor == a.nonconformities.count)
        #expect(a.readiness.major >= Set(findings.filter { $0.finding == .major }.map(\.nonconformity)).count)
        #expect(a.readiness.observation == a.questions.filter { $0.finding == .observation }.count)
        // Every major or minor finding belongs to exactly one nonconformity, and nothing else does.
        #expect(a.nonconformities.flatMap(\.questions).sorted() == findings.map(\.id).sorted())
        #expect(a.questions.allSatisfy { ($0.nonconformity != nil) == ($0.finding == .major || $0.finding == .minor) })
    }

    /// Some requirement questions answered, at least one left unanswered: never ready or nearly ready.
    @Test(arguments: seeds)
    func requirementQuestionsAnsweredOnlyPartlyAreNeverReadyOrNearlyReady(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed &+ 7000)
        var answers = AnswerSet(questionnaire: Self.questionnaire.id)
        let questions = Self.questionnaire.allQuestions
        // Answer everything at the top of its scale, then leave a random applicable requirement question unanswered,
        // and give random answers to some other questions.
        for question in questions where question.appliesIf == nil {
            let options = Self.questionnaire.scale(question.scale)!.options
            let option = Int.random(in: 0..<4, using: &random) == 0 ? options.randomElement(using: &random)! : options.max { $0.score < $1.score }!
            answers.set(Answer(question: question.id, value: .option(option.value)))
        }
        let requirement = try #require(questions.filter { $0.mandatory && $0.appliesIf == nil }.randomElement(using: &random))
        answers.set(Answer(question: requirement.id, value: nil))
        let a = Scorer(Self.questionnaire).score(answers)
        #expect(a.readiness.unanswered >= 1)
        #expect(a.readiness.verdict == .notReady || a.readiness.verdict == .incomplete)
        #expect((a.readiness.verdict == .notReady) == (a.readiness.major > 0))
    }

    @Test func nothingAnsweredIsIncomplete() {
        let a = Scorer(Self.questionnaire).score(AnswerSet(questionnaire: Self.questionnaire.id))
        #expect(a.readiness.verdict == .incomplete && a.nonconformities.isEmpty)
        #expect(a.readiness.unanswered == Self.questionnaire.allQuestions.filter(\.mandatory).count)
    }

    /// Answering `na` is the same as not answering, for every score (questions no applies_if names).
    @Test(arguments: seeds)
    func naAnswersNeverChangeOtherQuestionsScores(seed: UInt64) {
        var random = SeededGenerator(seed: seed &+ 1000)
        let answers = Self.randomAnswers(seed: seed)
        let conditioned = Set(Self.questionnaire.allQuestions.compactMap(\.appliesIf?.question))
        let candidates = Self.questionnaire.allQuestions.filter {
            Self.questionnaire.scale($0.scale)!.allowNA && !conditioned.contains($0.id)
        }
        guard let question = candidates.randomElement(using: &random) else { return }
        var withNA = answers, without = answers
        withNA.set(Answer(question: question.id, value: .notApplicable))
        without.set(Answer(question: question.id, value: nil))
        let (a, b) = (Scorer(Self.questionnaire).score(withNA), Scorer(Self.questionnaire).score(without))
        #expect(Self.scores(a) == Self.scores(b))
        #expect(zip(a.questions, b.questions).allSatisfy { $0.id == question.id || $0.score == $1.score })
    }
}

/// docs/SCORING.md, "Comparing numbers": a score exactly on a threshold reaches it, even when
/// floating point computes it a hair below (1.2 / 1.5 = 0.7999999999999999, 0.6 / 1.5 = 0.39999999999999997).
@Suite struct ThresholdTests {
    static func questionnaire(weights: [Double]) throws -> Questionnaire {
        let questions = weights.enumerated().map { "      - {id: Q\($0 + 1), text: Q\($0 + 1)?, area: a, weight: \($1)}" }
        let yaml = """
            gapkit: 1
            id: edge
            title: Edge
            default_scale: ypn
            scales:
              - id: ypn
                options:
                  - {value: "yes", label: Yes, score: 1}
                  - {value: "no", label: No, score: 0}
            areas:
              - {id: a, title: A}
            clauses:
              - id: "1"
                title: One
                questions:

            """ + questions.joined(separator: "\n") + "\n"
        return try QuestionnaireLoader().load(yaml, path: "edge.yaml").questionnaire
    }

    @Test(arguments: [([0.3, 1.2], ["no", "yes"], Assessment.Status.compliant), ([0.6, 0.9], ["yes", "no"], .partial)])
    func aScoreExactlyOnAThresholdReachesIt(weights: [Double], values: [String], status: Assessment.Status) throws {
        var answers = AnswerSet(questionnaire: "edge")
        for (index, value) in values.enumerated() { answers.set(Answer(question: "Q\(index + 1)", value: .option(value))) }
        let overall = Scorer(try Self.questionnaire(weights: weights)).score(answers).overall
        let exact = status == .compliant ? 0.8 : 0.4
        #expect(overall.score! < exact, "the premise: the sum comes out a hair below \(exact)")
        #expect(overall.status == status)
    }
}
