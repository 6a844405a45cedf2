import Testing
@testable import GapKit

@Suite struct InterviewSessionTests {
    static let questionnaire = try! QuestionnaireLoader().load("""
        gapkit: 1
        id: mini
        title: Mini
        default_scale: ypn
        scales:
          - id: ypn
            allow_na: false
            options:
              - {value: "yes", label: "Yes", score: 1}
              - {value: "no", label: "No", score: 0}
          - id: level
            options:
              - {value: "1", label: Initial, score: 0.2}
              - {value: "2", label: Repeatable, score: 0.4}
              - {value: "3", label: Defined, score: 0.6}
        clauses:
          - id: "4"
            title: Context
            clauses:
              - id: "4.1"
                title: Issues
                summary: Issues are known.
                questions:
                  - {id: Q1, text: Issues listed?, help: A list with owners., evidence: [Issue register]}
                  - {id: Q2, text: How mature?, scale: level}
          - id: "5"
            title: Leadership
            questions:
              - {id: Q3, text: Policy?}
              - {id: Q4, text: Policy communicated?, applies_if: {question: Q3, in: ["yes"]}}
              - {id: Q5, text: Roles?}
        """, path: "mini.yaml").questionnaire

    static func session(_ answers: AnswerSet = AnswerSet(questionnaire: "mini"), clause: String? = nil) throws -> InterviewSession {
        try InterviewSession(questionnaire: questionnaire, answers: answers, clause: clause,
                             view: InterviewView(colour: false, language: "en"))
    }

    /// Runs lines through a started session; returns it and the last outcome.
    static func run(_ lines: [String], _ start: InterviewSession) -> (InterviewSession, InterviewSession.Outcome) {
        var session = start
        var outcome = session.start()
        for line in lines { outcome = session.handle(line) }
        return (session, outcome)
    }

    @Test func aValueWinsOverANumberAndNumbersPickOptionsByPosition() throws {
        let (session, _) = Self.run(["2", "3"], try Self.session())
        #expect(session.answers["Q1"]?.value == .option("no"), "2 is the second option of yes/no")
        #expect(session.answers["Q2"]?.value == .option("3"), "on the level scale, 3 is the value 3, not the third option")
        let (other, _) = Self.run(["YES", "1"], try Self.session())
        #expect(other.answers["Q1"]?.value == .option("yes") && other.answers["Q2"]?.value == .option("1"))
    }

    @Test func onAScaleOfNumbersANumberIsAValueNeverAPositionAndTheMenuHasNoNumbers() throws {
        var session = try Self.session()
        _ = session.start()
        let screen = session.handle("yes").output
        #expect(screen.contains("\n  1   Initial\n  2   Repeatable\n  3   Defined\n  na  not applicable\n"), "values only, no 1) 2) 3)")
        for input in ["4", "0", "-1"] {  // 4 was "na", the fourth entry
            let outcome = session.handle(input)
            #expect(outcome.changed == nil)
            #expect(outcome.output.hasPrefix("'\(input)' is not an answer here. Answers: 1, 2, 3, na.\n"))
        }
        #expect(session.handle("03").changed == "Q2")
        #expect(session.answers["Q2"]?.value == .option("3"))
    }

    @Test func aQuestionThatDoesNotApplyIsSkippedAndSaidSo() throws {
        let (session, outcome) = Self.run(["yes", "1", "no"], try Self.session())
        #expect(outcome.output.hasPrefix("✓ Q3 → No\nQ4 does not apply (only if Q3 is yes; it is no): skipped.\n"))
        #expect(session.current?.id == "Q5")
    }

    @Test func notesAndEvidenceAreRecordedInlineOrOnTheNextLine() throws {
        let (session, outcome) = Self.run(["n Register drafted", "e", "ISSUES v0.1", "e Minutes 2026-10", "n", ""], try Self.session())
        #expect(session.answers["Q1"] == Answer(question: "Q1", value: nil, note: "Register drafted", evidence: ["ISSUES v0.1", "Minutes 2026-10"]))
        #expect(outcome.output.hasPrefix("Nothing recorded.\n"))
        #expect(outcome.changed == nil)
    }

    @Test func skipBackAndJumpMoveThroughTheWalk() throws {
        var session = try Self.session()
        _ = session.start()
        #expect(session.handle("s").output.contains("[0/5 answered]  4.1 Issues (0/2)\nQ2"))
        #expect(session.handle("b").output.contains("[0/5 answered]  4.1 Issues (0/2)\nQ1"))
        #expect(session.handle("b").output.hasPrefix("This is the first question.\n"))
        #expect(session.handle("g 5").output.contains("Q3  Policy?"))
        #expect(session.handle("g 4.2").output.hasPrefix("There is no clause '4.2' here. Did you mean 4.1? Type l to list the clauses.\n"))
        #expect(session.handle("g").output.hasPrefix("Type g and a clause id or words of its title, e.g. g 8.5.1 or g change.\n"))
        #expect(session.current?.id == "Q3")
    }

    @Test func badInputGetsAHintAndTheSameQuestion() throws {
        var session = try Self.session()
        _ = session.start()
        for input in ["", "maybe", "7", "na"] {
            let outcome = session.handle(input)
            #expect(outcome.changed == nil && !outcome.finished)
            #expect(!outcome.output.contains("Q1  Issues listed?"), "the hint alone: the question is still on the screen above")
            #expect(outcome.rejected == !input.isEmpty, "\(input)")
        }
        #expect(session.current?.id == "Q1" && session.rejectedLines == 3)
        #expect(session.handle("maybe").output.hasPrefix("'maybe' is not an answer here. Answers: yes, no or 1–2.\n"))
        let pasted = String(repeating: "The register exists. ", count: 20)
        #expect(session.handle(pasted).output.hasPrefix("'The register exists. The register exist…' is not an answer here."))
    }

    @Test func resumingStartsAtTheFirstUnansweredQuestionAndShowsTheCurrentAnswerWhenGoingBack() throws {
        let answers = AnswerSet(questionnaire: "mini", answers: [
            Answer(question: "Q1", value: .option("yes"), note: "Seen"), Answer(question: "Q2", value: .option("2")),
        ])
        var session = try Self.session(answers)
        #expect(session.start().output.contains("Q3  Policy?"))
        let back = session.handle("b").output
        #expect(back.contains("  2   Repeatable  ◀") && back.contains("Current answer 2 (Repeatable)"))
    }

    @Test func afterTheLastQuestionTheSessionWaitsForRevisionsUntilQuit() throws {
        var (session, done) = Self.run(["yes", "1", "no", "no"], try Self.session())
        #expect(!done.finished)
        #expect(done.output.hasSuffix("\nEvery question in scope is answered or skipped. To change an answer type b\n(back) or g CLAUSE (jump); l lists the clauses; q finishes.\n"))
        for input in ["", "yes", "s", "?", "l"] {
            let outcome = session.handle(input)
            #expect(!outcome.finished && outcome.changed == nil && outcome.output.contains("Every question in scope is answered"), "\(input)")
        }
        #expect(session.handle("b").output.contains("Q5  Roles?"))
        let revised = session.handle("yes")
        #expect(revised.changed == "Q5" && !revised.finished && session.answers["Q5"]?.value == .option("yes"))
        #expect(session.handle("g 4.1").output.contains("Q1  Issues listed?"))
        #expect(session.handle("no").changed == "Q1")
        #expect(session.answers["Q1"]?.value == .option("no"))
        #expect(session.handle("q").finished)

        let (_, quit) = Self.run(["q"], try Self.session())
        #expect(quit.finished && quit.changed == nil)
    }

    @Test func resumingAFullyAnsweredFileWaitsAtThePromptInsteadOfEnding() throws {
        let answers = AnswerSet(questionnaire: "mini", answers: ["Q1", "Q3", "Q4", "Q5"].map { Answer(question: $0, value: .option("yes")) }
            + [Answer(question: "Q2", value: .option("2"))])
        var session = try Self.session(answers)
        let start = session.start()
        #expect(!start.finished && start.output.contains("Every question in scope is answered"))
        #expect(session.handle("b").output.contains("Q5  Roles?"))
    }

    @Test func aClauseLimitsTheWalkAndTheJumps() throws {
        var session = try Self.session(clause: "4.1")
        #expect(session.start().output.contains("[0/2 answered]  4.1 Issues (0/2)"))
        #expect(session.handle("g 5").output.hasPrefix("There is no clause '5' here."))
        #expect(throws: InterviewSession.UnknownClause.self) { try Self.session(clause: "4.9") }
    }

    @Test func theListShowsProgressPerClause() throws {
        let (_, outcome) = Self.run(["yes", "l"], try Self.session())
        #expect(outcome.output.hasPrefix("→ 4.1      Issues"))
        #expect(outcome.output.contains("1/2\n") && outcome.output.contains("5        Leadership"))
    }

    @Test func wrappingCutsAWordLongerThanALineAndIndentsContinuations() {
        let view = InterviewView(colour: false, width: 40, language: "en")
        let text = view.wrap("Saved in /srv/clients/acme-cloud-services/interviews/2026-11-20/answers.yaml", continuation: "    ")
        #expect(text == "Saved in\n    /srv/clients/acme-cloud-services/int\n    erviews/2026-11-20/answers.yaml")
    }

    @Test func wrappingKeepsLinesWithinTheWidthCountingChineseAsTwoColumns() {
        let view = InterviewView(colour: false, width: 40, language: "zh-Hans")
        let text = view.wrap("是否有经批准的变更管理方针，规定了纳入变更控制的服务和配置项以及紧急变更的处理方式？ And some English words too")
        #expect(text.split(separator: "\n").allSatisfy { TerminalWidth.of($0) <= 40 })
        #expect(text.split(separator: "\n").count >= 3)
    }
}
