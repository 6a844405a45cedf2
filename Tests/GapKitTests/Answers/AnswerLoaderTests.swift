import Testing
@testable import GapKit

@Suite struct AnswerLoaderTests {
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
          - id: onoff
            options:
              - {value: "on", label: "On", score: 1}
              - {value: "off", label: "Off", score: 0}
          - id: level
            options:
              - {value: "0", label: None, score: 0}
              - {value: "3", label: Defined, score: 1}
        clauses:
          - id: "4.3"
            title: Scope
            questions:
              - {id: Q-4.3-1, text: Scope?}
              - {id: Q-4.3-2, text: Switch?, scale: onoff}
              - {id: Q-4.3-3, text: Level?, scale: level}
        """, path: "mini.yaml").questionnaire

    func load(_ text: String) throws -> AnswerSet {
        try AnswerLoader(questionnaire: Self.questionnaire).load(text, path: "a.yaml")
    }

    /// The `file:line:col: error: message` lines a user sees.
    func errors(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return ["(loaded)"]
        } catch {
            return "\(error)".split(separator: "\n").filter { $0.hasPrefix("a.yaml") }.map(String.init)
        }
    }

    @Test func unquotedYesNoOnOffAndNumbersAreTheOptionValuesAsText() throws {
        let set = try load("gapkit: 1\nquestionnaire: mini\nanswers:\n  Q-4.3-1: no\n  Q-4.3-2: on\n  Q-4.3-3: 3\n")
        #expect(set.answers.map(\.value) == [.option("no"), .option("on"), .option("3")])
    }

    @Test func jsonAnswerFilesReadTheSameWayAndNumbersBecomeText() throws {
        let set = try load(#"{"gapkit": 1, "questionnaire": "mini", "date": "2026-11-20", "answers": {"Q-4.3-3": 3, "Q-4.3-2": {"value": "na", "note": "No switch"}}}"#)
        #expect(set.answers.map(\.value) == [.option("3"), .notApplicable])
        #expect(set["Q-4.3-2"]?.note == "No switch")
        #expect(set.date == CalendarDate("2026-11-20"))
    }

    @Test func theLongFormKeepsNotesAndEvidenceAndAnEmptyValueIsUnanswered() throws {
        let set = try load("""
            gapkit: 1
            questionnaire: mini
            respondent: {name: Li Wei, role: IT service manager, organization: Acme}
            consultant: Zhang Min
            answers:
              Q-4.3-1: {value: "yes", note: "Signed 2026-03", evidence: [SCOPE v1.2, Minutes]}
              Q-4.3-2: {note: "Ask the network team"}
              Q-4.3-3:
            """)
        #expect(set["Q-4.3-1"] == Answer(question: "Q-4.3-1", value: .option("yes"), note: "Signed 2026-03", evidence: ["SCOPE v1.2", "Minutes"]))
        #expect(set["Q-4.3-2"]?.value == nil && set["Q-4.3-2"]?.note == "Ask the network team")
        #expect(set["Q-4.3-3"]?.value == nil)
        #expect(set.respondent == .init(name: "Li Wei", role: "IT service manager", organization: "Acme"))
        #expect(set.consultant == "Zhang Min")
    }

    @Test func everyProblemIsReportedAtOnceAtItsPosition() {
        #expect(errors("""
            gapkit: 1
            questionnaire: iso9001
            date: 20 Nov 2026
            answers:
              Q-4.3-9: "yes"
              Q-4.3-1: maybe
              Q-4.3-2: {value: "on", notes: typo}
              Q-4.3-3: na
              Q-4.3-1: "no"
            """) == [
            "a.yaml:2:16: error: these answers are for questionnaire 'iso9001', not 'mini'",
            "a.yaml:3:7: error: 'date' must be a day written YYYY-MM-DD, found '20 Nov 2026'",
            "a.yaml:5:3: error: unknown question 'Q-4.3-9'; did you mean 'Q-4.3-1'?",
            "a.yaml:6:12: error: 'maybe' is not an answer to question 'Q-4.3-1' (scale 'ypn': yes, no)",
            "a.yaml:7:26: error: unknown key 'notes' in the answer to 'Q-4.3-2'; did you mean 'note'?",
            "a.yaml:9:3: error: duplicate key 'Q-4.3-1' in this mapping",
            "a.yaml:6:3: note: 'Q-4.3-1' was first defined here",
        ])
    }

    @Test func naIsRejectedWhereTheScaleDoesNotAllowIt() {
        #expect(errors("gapkit: 1\nquestionnaire: mini\nanswers:\n  Q-4.3-1: na\n") == [
            "a.yaml:4:12: error: question 'Q-4.3-1' cannot be answered 'na': its scale 'ypn' does not allow not applicable",
        ])
    }

    @Test func missingKeysAndUnknownTopLevelKeys() {
        #expect(errors("questionnare: mini\nanswers: {}\n") == [
            "a.yaml:1:1: error: unknown key 'questionnare' in the answer file; did you mean 'questionnaire'?",
            "a.yaml:1:1: error: the answer file is missing the required key 'gapkit'",
            "a.yaml:1:1: error: the answer file is missing the required key 'questionnaire'",
        ])
    }
}
