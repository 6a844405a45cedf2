import Testing
@testable import GapKit

/// Each validation rule of questionnaires/SCHEMA.md, with the exact lines a user sees.
@Suite struct ValidationRuleTests {
    static let base = """
        gapkit: 1
        id: t
        title: T
        languages: [en, zh-Hans]
        default_scale: ypn
        scales:
          - id: ypn
            options:
              - {value: "yes", label: "Yes", score: 1}
              - {value: "no", label: "No", score: 0}
        areas:
          - {id: service, title: Service}
        phases:
          - {id: prepare, title: Prepare}
          - {id: establish, title: Establish}
        documents:
          - {id: DOC-1, title: Policy, clause: "4.1", kind: maintained}
        actions:
          - {id: ACT-1, title: First, phase: prepare, effort: 2}
          - {id: ACT-2, title: Second, phase: establish, effort: 3, after: [ACT-1]}
        milestones:
          - {id: MS-1, title: Audit, phase: establish, weeks: 2, after: [ACT-2]}
        clauses:
          - id: "4.1"
            title: Context
            questions:
              - {id: Q-1, text: One?, area: service, documents: [DOC-1], actions: [ACT-1]}
              - {id: Q-2, text: Two?, area: service, actions: [ACT-2], applies_if: {question: Q-1, in: ["yes"]}}

        """

    /// The `file:line:col: severity: message` lines for `text`, or "valid".
    static func headlines(_ text: String) -> [String] {
        do {
            let loaded = try QuestionnaireLoader().load(text, path: "q.yaml")
            return DiagnosticRenderer().render(loaded.warnings, in: loaded.file).split(separator: "\n")
                .filter { $0.hasPrefix("q.yaml") }.map(String.init) + ["valid"]
        } catch let error as DiagnosticsError {
            return error.description.split(separator: "\n").filter { $0.hasPrefix("q.yaml") }.map(String.init)
        } catch {
            return ["\(error)"]
        }
    }

    static func edited(_ replacements: [(String, String)]) -> String {
        var text = base
        for (old, new) in replacements {
            precondition(text.contains(old), "the base has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test func theBaseIsValid() {
        #expect(Self.headlines(Self.base) == ["valid"])
    }

    @Test(arguments: [
        ("missing required key", [("title: T\n", "")],
         ["q.yaml:1:1: error: the questionnaire is missing the required key 'title'"]),
        ("unknown key with a suggestion", [("area: service, documents", "area: service, mandetory: true, documents")],
         ["q.yaml:27:46: error: unknown key 'mandetory' in question 'Q-1'; did you mean 'mandatory'?"]),
        ("unknown key without a suggestion", [("effort: 2}", "effort: 2, cost: 100}")],
         ["q.yaml:19:58: error: unknown key 'cost' in action 'ACT-1' (expected one of: id, title, description, phase, effort, owner, after, documents)"]),
        ("a number that is text", [("effort: 2}", "effort: a lot}")],
         ["q.yaml:19:55: error: expected a number for 'effort', found 'a lot'"]),
        ("a quoted number", [("effort: 2}", "effort: \"2\"}")],
         ["q.yaml:19:55: error: expected a number for 'effort', found '2' (remove the quotes to make it a number)"]),
        ("a boolean that is not one", [("area: service, documents", "area: service, mandatory: yes, documents")],
         ["q.yaml:27:57: error: expected true or false for 'mandatory', found 'yes'"]),
        ("a list that is a scalar", [("after: [ACT-1]}", "after: ACT-1}")],
         ["q.yaml:20:68: error: expected a list for 'after', found 'ACT-1'"]),
        ("duplicate id", [("{id: Q-2,", "{id: Q-1,")],
         ["q.yaml:28:9: error: duplicate question id 'Q-1'", "q.yaml:27:9: note: 'Q-1' was first defined here",
          "q.yaml:28:87: error: question 'Q-1' cannot depend on its own answer in applies_if"]),
        ("unknown area", [("{id: Q-1, text: One?, area: service", "{id: Q-1, text: One?, area: servce")],
         ["q.yaml:27:37: error: unknown area 'servce'; did you mean 'service'?"]),
        ("unknown scale", [("text: One?,", "text: One?, scale: ypm,")],
         ["q.yaml:27:38: error: unknown scale 'ypm'; did you mean 'ypn'?"]),
        ("unknown default scale", [("default_scale: ypn", "default_scale: maturity")],
         ["q.yaml:5:16: error: unknown scale 'maturity'"]),
        ("unknown document", [("documents: [DOC-1]", "documents: [DOC-2]")],
         ["q.yaml:27:58: error: unknown document 'DOC-2'; did you mean 'DOC-1'?"]),
        ("unknown action", [("actions: [ACT-1]}", "actions: [ACT-9]}")],
         ["q.yaml:27:76: error: unknown action 'ACT-9'; did you mean 'ACT-1'?"]),
        ("a milestone as a question's action", [("actions: [ACT-1]}", "actions: [MS-1]}")],
         ["q.yaml:27:76: error: 'MS-1' is a milestone; a question links actions"]),
        ("unknown after", [("after: [ACT-1]}", "after: [ACT-3]}")],
         ["q.yaml:20:69: error: unknown action 'ACT-3'; did you mean 'ACT-1'?"]),
        ("unknown phase", [("phase: prepare, effort: 2", "phase: prepair, effort: 2")],
         ["q.yaml:19:38: error: unknown phase 'prepair'; did you mean 'prepare'?"]),
        ("unknown clause of a document", [("clause: \"4.1\"", "clause: \"4.2\"")],
         ["q.yaml:17:40: error: unknown clause '4.2'; did you mean '4.1'?"]),
        ("unknown applies_if question", [("{question: Q-1,", "{question: Q-7,")],
         ["q.yaml:28:87: error: unknown question 'Q-7'; did you mean 'Q-1'?"]),
        ("a cycle of after links", [("effort: 2}", "effort: 2, after: [MS-1]}")],
         ["q.yaml:19:66: error: 'MS-1' is a milestone; an action can only come after actions",
          "q.yaml:19:66: error: 'ACT-1' (phase 'prepare') cannot come after 'MS-1', which is in the later phase 'establish'",
          "q.yaml:20:69: error: 'after' links form a cycle: ACT-1 → MS-1 → ACT-2 → ACT-1"]),
        ("an action after one of a later phase", [("phase: establish, effort: 3", "phase: prepare, effort: 3"),
                                                   ("phase: prepare, effort: 2}", "phase: establish, effort: 2}")],
         ["q.yaml:20:67: error: 'ACT-2' (phase 'prepare') cannot come after 'ACT-1', which is in the later phase 'establish'"]),
        ("a score outside 0…1", [("score: 1}", "score: 1.5}")],
         ["q.yaml:9:45: error: 'score' must be between 0 and 1, found 1.5"]),
        ("a weight of zero", [("title: Context\n", "title: Context\n    weight: 0\n")],
         ["q.yaml:26:13: error: 'weight' must be greater than 0, found 0"]),
        ("a negative effort", [("effort: 3", "effort: -3")],
         ["q.yaml:20:58: error: 'effort' must be greater than 0, found -3"]),
        ("an effort beyond any plan", [("effort: 3", "effort: 1e300")],
         ["q.yaml:20:58: error: 'effort' must be at most 10000, found 1e300"]),
        ("an endless milestone", [("weeks: 2,", "weeks: 1000,")],
         ["q.yaml:22:55: error: 'weeks' must be at most 520, found 1000"]),
        ("a text without the default language", [("title: Context", "title: {zh-Hans: 组织环境}")],
         ["q.yaml:25:12: error: 'title' has no text in 'en', the default language"]),
        ("a text in an undeclared language", [("title: Context", "title: {en: Context, zh-Hant: 組織環境}")],
         ["q.yaml:25:26: error: 'title' has text in 'zh-Hant', which is not in the questionnaire's languages (en, zh-Hans); did you mean 'zh-Hans'?"]),
        ("applies_if on itself", [("{question: Q-1,", "{question: Q-2,")],
         ["q.yaml:28:87: error: question 'Q-2' cannot depend on its own answer in applies_if"]),
        ("applies_if with a value that is no answer", [("in: [\"yes\"]", "in: [\"yes\", maybe]")],
         ["q.yaml:28:104: error: 'maybe' is not an answer to question 'Q-1' (scale 'ypn': yes, no, na)"]),
        ("a reserved option value", [("{value: \"no\"", "{value: na")],
         ["q.yaml:10:17: error: option value 'na' is reserved for 'not applicable'; use allow_na instead"]),
        ("a duplicate option value", [("{value: \"no\"", "{value: \"yes\"")],
         ["q.yaml:10:17: error: duplicate option value 'yes' in scale 'ypn'", "q.yaml:9:17: note: 'yes' was first defined here"]),
        ("thresholds in the wrong order", [("default_scale: ypn\n", "default_scale: ypn\nthresholds: {compliant: 0.5, partial: 0.6}\n")],
         ["q.yaml:6:13: error: threshold 'partial' (0.6) is above 'compliant' (0.5)"]),
        ("an unsupported schema version", [("gapkit: 1", "gapkit: 2")],
         ["q.yaml:1:9: error: unsupported schema version '2'; this GapKit reads 'gapkit: 1'"]),
        ("a question without a scale", [("default_scale: ypn\n", "")],
         ["q.yaml:26:9: error: question 'Q-1' has no 'scale' and the questionnaire has no 'default_scale'",
          "q.yaml:27:9: error: question 'Q-2' has no 'scale' and the questionnaire has no 'default_scale'"]),
        ("a question without an area", [("text: One?, area: service,", "text: One?,")],
         ["q.yaml:27:9: error: question 'Q-1' is missing the required key 'area'"]),
        ("a duplicate language", [("[en, zh-Hans]", "[en, zh-Hans, en]")],
         ["q.yaml:4:26: error: language 'en' is listed twice"]),
        ("a clause with nothing in it warns", [("clauses:\n", "clauses:\n  - {id: \"4.2\", title: Empty}\n")],
         ["q.yaml:24:5: warning: clause '4.2' has no questions and no sub-clauses; it will be reported as not assessed", "valid"]),
    ] as [(String, [(String, String)], [String])])
    func eachRuleReportsItsProblemAtItsPosition(rule: String, edits: [(String, String)], expected: [String]) {
        #expect(Self.headlines(Self.edited(edits)) == expected, "\(rule)")
    }

    @Test func aNonMappingRootAnEmptyFileAndTwoDocumentsAreRejected() {
        #expect(Self.headlines("- a\n- b\n") == ["q.yaml:1:1: error: expected the questionnaire as a mapping of keys, found a list"])
        #expect(Self.headlines("") == ["q.yaml: error: the file holds no questionnaire (it is empty)"])
        #expect(Self.headlines(Self.base + "---\nmore: 1\n").first == "q.yaml:30:1: error: a questionnaire file holds one YAML document, but this one holds 2")
    }

    @Test func valuesAreReadByTheSchemaNotByYAMLGuessing() throws {
        let text = Self.edited([("{value: \"yes\"", "{value: yes"), ("{value: \"no\"", "{value: no"), ("id: \"4.1\"", "id: 4.10"),
                                ("clause: \"4.1\"", "clause: 4.10"), ("in: [\"yes\"]", "in: [yes]")])
        let questionnaire = try QuestionnaireLoader().load(text, path: "q.yaml").questionnaire
        #expect(questionnaire.scales[0].options.map(\.value) == ["yes", "no"])
        #expect(questionnaire.clauses[0].id == "4.10")
        #expect(questionnaire.allQuestions[1].appliesIf == .init(question: "Q-1", values: ["yes"]))
    }

    @Test func defaultsAreFilledIn() throws {
        let questionnaire = try QuestionnaireLoader().load(Self.base, path: "q.yaml").questionnaire
        let question = questionnaire.allQuestions[0]
        #expect(questionnaire.thresholds == .default)
        #expect(questionnaire.scales[0].allowNA)
        #expect(question.scale == "ypn" && question.weight == 1 && !question.mandatory)
        #expect(questionnaire.clauses[0].weight == 1)
        #expect(questionnaire.text(question.text, "zh-Hans") == "One?")
    }
}

extension ValidationRuleTests {
    @Test func aDuplicateKeyIsReportedTogetherWithTheSchemaProblems() {
        #expect(Self.headlines(Self.edited([("title: T\n", "title: T\ntitle: U\n"), ("area: service, documents", "area: servce, documents")])) == [
            "q.yaml:4:1: error: duplicate key 'title' in this mapping",
            "q.yaml:3:1: note: 'title' was first defined here",
            "q.yaml:28:37: error: unknown area 'servce'; did you mean 'service'?",
        ])
    }
}

/// The traceability keys: `requirements` at the top level and a question's `covers`.
extension ValidationRuleTests {
    static let traced = edited([
        ("clauses:\n", "requirements:\n  - {id: R-4.1-1, clause: \"4.1\", text: {en: Know the issues., zh-Hans: 了解内外部因素。}}\n  - {id: R-4.1-2, clause: \"4.1\", text: Review them.}\nclauses:\n"),
        ("actions: [ACT-1]}", "actions: [ACT-1], covers: [R-4.1-1, R-4.1-2]}"),
    ])

    @Test func requirementsAndCoversAreRead() throws {
        #expect(Self.headlines(Self.traced) == ["valid"])
        let questionnaire = try QuestionnaireLoader().load(Self.traced, path: "q.yaml").questionnaire
        #expect(questionnaire.requirements.map(\.id) == ["R-4.1-1", "R-4.1-2"])
        #expect(questionnaire.requirements[0].clause == "4.1")
        #expect(questionnaire.text(questionnaire.requirements[0].text, "zh-Hans") == "了解内外部因素。")
        #expect(questionnaire.allQuestions.map(\.covers) == [["R-4.1-1", "R-4.1-2"], []])
    }

    @Test(arguments: [
        ("an unknown requirement, with a suggestion", [("covers: [R-4.1-1, R-4.1-2]", "covers: [R-4.1-1, R-4.1-3]")],
         ["q.yaml:25:5: warning: requirement 'R-4.1-2' is covered by no question; list it in a question's 'covers'",
          "q.yaml:30:102: error: unknown requirement 'R-4.1-3'; did you mean 'R-4.1-1'?"]),
        ("a requirement of a clause that does not exist", [("{id: R-4.1-2, clause: \"4.1\"", "{id: R-4.1-2, clause: \"4.2\"")],
         ["q.yaml:25:27: error: unknown clause '4.2'; did you mean '4.1'?"]),
        ("a requirement without a clause", [("{id: R-4.1-2, clause: \"4.1\", text", "{id: R-4.1-2, text")],
         ["q.yaml:25:5: error: requirement 'R-4.1-2' is missing the required key 'clause'"]),
        ("a duplicate requirement id", [("{id: R-4.1-2,", "{id: R-4.1-1,")],
         ["q.yaml:25:5: error: duplicate requirement id 'R-4.1-1'", "q.yaml:24:5: note: 'R-4.1-1' was first defined here",
          "q.yaml:30:102: error: unknown requirement 'R-4.1-2'; did you mean 'R-4.1-1'?"]),
        ("an unknown key in a requirement", [("text: Review them.}", "text: Review them., clase: \"4.1\"}")],
         ["q.yaml:25:54: error: unknown key 'clase' in requirement 'R-4.1-2'; did you mean 'clause'?"]),
        ("a requirement no question covers warns", [("covers: [R-4.1-1, R-4.1-2]", "covers: [R-4.1-1]")],
         ["q.yaml:25:5: warning: requirement 'R-4.1-2' is covered by no question; list it in a question's 'covers'", "valid"]),
        ("covers that is not a list", [("covers: [R-4.1-1, R-4.1-2]", "covers: R-4.1-1")],
         ["q.yaml:24:5: warning: requirement 'R-4.1-1' is covered by no question; list it in a question's 'covers'",
          "q.yaml:25:5: warning: requirement 'R-4.1-2' is covered by no question; list it in a question's 'covers'",
          "q.yaml:30:92: error: expected a list for 'covers', found 'R-4.1-1'"]),
    ] as [(String, [(String, String)], [String])])
    func eachTraceabilityRuleReportsItsProblemAtItsPosition(rule: String, edits: [(String, String)], expected: [String]) {
        var text = Self.traced
        for (old, new) in edits {
            precondition(text.contains(old), "the traced base has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        #expect(Self.headlines(text) == expected, "\(rule)")
    }
}
