import Testing
@testable import GapKit

/// The keys that grade nonconformities (`gap_finding`, `nc_group`, `findings`, a document's `required`):
/// each rule with the exact line a user sees, and the defaults when the keys are absent.
extension ValidationRuleTests {
    @Test(arguments: [
        ("gap_finding on a question that is not a requirement", [("area: service, documents", "area: service, gap_finding: minor, documents")],
         ["q.yaml:27:59: error: 'gap_finding' grades a gap on a requirement of the standard, but question 'Q-1' is not one; add 'mandatory: true' or remove 'gap_finding'"]),
        ("gap_finding with mandatory: false", [("area: service, documents", "area: service, mandatory: false, gap_finding: major, documents")],
         ["q.yaml:27:77: error: 'gap_finding' grades a gap on a requirement of the standard, but question 'Q-1' is not one; add 'mandatory: true' or remove 'gap_finding'"]),
        ("gap_finding that is no grade", [("area: service, documents", "area: service, mandatory: true, gap_finding: severe, documents")],
         ["q.yaml:27:76: error: 'gap_finding' must be 'major' or 'minor', found 'severe'"]),
        ("gap_finding that is a list", [("area: service, documents", "area: service, mandatory: true, gap_finding: [minor], documents")],
         ["q.yaml:27:76: error: expected text for 'gap_finding', found a list"]),
        ("nc_group with a space", [("area: service, documents", "area: service, nc_group: audit programme, documents")],
         ["q.yaml:27:56: error: 'nc_group' must be an identifier without spaces, found 'audit programme'"]),
        ("escalate_minors of 1", [("default_scale: ypn\n", "default_scale: ypn\nfindings: {escalate_minors: 1}\n")],
         ["q.yaml:6:29: error: 'escalate_minors' must be a whole number of at least 2, found 1"]),
        ("escalate_minors that is a fraction", [("default_scale: ypn\n", "default_scale: ypn\nfindings: {escalate_minors: 2.5}\n")],
         ["q.yaml:6:29: error: 'escalate_minors' must be a whole number of at least 2, found 2.5"]),
        ("escalate_minors beyond any whole number", [("default_scale: ypn\n", "default_scale: ypn\nfindings: {escalate_minors: 1e300}\n")],
         ["q.yaml:6:29: error: 'escalate_minors' must be a whole number of at least 2, found 1e300"]),
        ("escalate_minors that is quoted", [("default_scale: ypn\n", "default_scale: ypn\nfindings: {escalate_minors: \"3\"}\n")],
         ["q.yaml:6:29: error: expected a number for 'escalate_minors', found '3' (remove the quotes to make it a number)"]),
        ("an unknown key in findings", [("default_scale: ypn\n", "default_scale: ypn\nfindings: {escalate_minor: 3}\n")],
         ["q.yaml:6:12: error: unknown key 'escalate_minor' in findings; did you mean 'escalate_minors'?"]),
        ("findings that is not a mapping", [("default_scale: ypn\n", "default_scale: ypn\nfindings: 3\n")],
         ["q.yaml:6:11: error: expected findings as a mapping of keys, found '3'"]),
        ("a document's required that is not a boolean", [("kind: maintained}", "kind: maintained, required: maybe}")],
         ["q.yaml:17:75: error: expected true or false for 'required', found 'maybe'"]),
    ] as [(String, [(String, String)], [String])])
    func eachDiagnosisKeyRuleReportsItsProblemAtItsPosition(rule: String, edits: [(String, String)], expected: [String]) {
        #expect(Self.headlines(Self.edited(edits)) == expected, "\(rule)")
    }

    @Test func diagnosisKeysAreReadWhenValid() throws {
        let text = Self.edited([
            ("default_scale: ypn\n", "default_scale: ypn\nfindings: {escalate_minors: 3}\n"),
            ("kind: maintained}", "kind: maintained, required: false}"),
            ("area: service, documents", "area: service, mandatory: true, gap_finding: minor, nc_group: NC-DOCS, documents"),
        ])
        let questionnaire = try QuestionnaireLoader().load(text, path: "q.yaml").questionnaire
        #expect(questionnaire.findings.escalateMinors == 3)
        #expect(questionnaire.documents[0].required == false)
        let (first, second) = (questionnaire.allQuestions[0], questionnaire.allQuestions[1])
        #expect(first.mandatory && first.gapFinding == .minor && first.ncGroup == "NC-DOCS")
        #expect(second.gapFinding == .major && second.ncGroup == "4.1")
    }

    @Test func diagnosisKeysHaveTheirDefaults() throws {
        let questionnaire = try QuestionnaireLoader().load(Self.base, path: "q.yaml").questionnaire
        #expect(questionnaire.findings == .default && questionnaire.findings.escalateMinors == nil)
        #expect(questionnaire.documents.allSatisfy { $0.required })
        #expect(questionnaire.allQuestions.map(\.ncGroup) == ["4.1", "4.1"])
        #expect(questionnaire.allQuestions.allSatisfy { $0.gapFinding == .major })
    }
}
