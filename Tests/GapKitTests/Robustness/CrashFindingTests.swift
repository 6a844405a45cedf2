import Foundation
import Testing
@testable import GapKit

/// Issue 12, findings 1–4: inputs that crashed GapKit are now refused with a diagnostic.
@Suite struct CrashFindingTests {
    /// A questionnaire with one clause of weight `clauseWeight`, one question of weight
    /// `questionWeight`, and a scale of `options` options.
    static func questionnaire(clauseWeight: String = "1", questionWeight: String = "1", options: Int = 2) -> String {
        let list = (0..<options).map { "      - {value: o\($0), label: O\($0), score: \(options > 1 ? Double($0) / Double(options - 1) : 1)}" }
        return """
            gapkit: 1
            id: t
            title: T
            default_scale: s
            scales:
              - id: s
                options:
            \(list.joined(separator: "\n"))
            clauses:
              - id: "1"
                title: One
                weight: \(clauseWeight)
                questions:
                  - {id: Q-1, text: One?, weight: \(questionWeight)}

            """
    }

    static func errors(_ text: String) -> [String] {
        do {
            _ = try QuestionnaireLoader().load(text, path: "q.yaml")
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics.filter { $0.severity == .error }.map { "\($0.position?.description ?? "-"): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    // Finding 1: the path weight overflowed to infinity and every score became NaN.
    @Test(arguments: [
        ("1e308", "10", ["13:13: 'weight' must be at most 1000, found 1e308"]),
        ("1000", "1000", []),
        ("1000", "1001", ["15:39: 'weight' must be at most 1000, found 1001"]),
        ("0.0001", "0.001", ["15:39: the weights of question 'Q-1' and the clauses above it multiply to 1e-07; the product must lie between 0.000001 and 1000000"]),
        ("1e-300", "1", ["13:13: the weights of clause '1' and the clauses above it multiply to 1e-300; the product must lie between 0.000001 and 1000000"]),
    ])
    func weightsAndTheirProductsAreBounded(clause: String, question: String, expected: [String]) {
        #expect(Self.errors(Self.questionnaire(clauseWeight: clause, questionWeight: question)) == expected)
    }

    @Test func nestedClauseWeightsMultiplyWithinTheBound() throws {
        // 1000 × 1000 × 2 = 2,000,000: each weight is allowed, their product is not.
        let text = Self.questionnaire(clauseWeight: "1000").replacingOccurrences(of: """
                questions:
                  - {id: Q-1, text: One?, weight: 1}
            """, with: """
                clauses:
                  - id: "1.1"
                    title: Inner
                    weight: 1000
                    questions:
                      - {id: Q-1, text: One?, weight: 2}
            """)
        #expect(Self.errors(text) == ["19:43: the weights of question 'Q-1' and the clauses above it multiply to 2000000; the product must lie between 0.000001 and 1000000"])
    }

    @Test func theLargestAllowedWeightsStillScoreToFiniteNumbers() throws {
        let loaded = try QuestionnaireLoader().load(Self.questionnaire(clauseWeight: "1000", questionWeight: "1000"), path: "q.yaml")
        let answers = try AnswerLoader(questionnaire: loaded.questionnaire).load("gapkit: 1\nquestionnaire: t\nanswers: {Q-1: o1}\n", path: "a.yaml")
        let overall = Scorer(loaded.questionnaire).score(answers).overall
        #expect(overall.score == 1)
        #expect(overall.weight == 1_000_000)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1])
    func theHeatmapBandOfAnyNumberIsABand(score: Double) {
        #expect(["b0", "b4", "bn"].contains(BatchReport.band(score)))
    }

    // Finding 2: option indexes are one byte in `batch`; 257 options trapped, 253–256 collided with reserved codes.
    @Test(arguments: [200, 201, 257])
    func aScaleHasAtMost200Options(options: Int) {
        let expected = options <= Questionnaire.Scale.maxOptions ? [] : ["8:7: scale 's' has \(options) options; a scale has at most 200"]
        #expect(Self.errors(Self.questionnaire(options: options)) == expected)
    }

    @Test func theLastOfTwoHundredOptionsIsAnAnswerInBatch() throws {
        let questionnaire = try QuestionnaireLoader().load(Self.questionnaire(options: 200), path: "q.yaml").questionnaire
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("s.csv").path
        try Data("id,Q-1\nr1,o199\nr2,o198\n".utf8).write(to: URL(fileURLWithPath: csv))
        let runner = try BatchRunner(questionnaire: questionnaire, options: BatchOptions(), respondents: nil, rejects: nil)
        try runner.read(csv)
        let result = try runner.finish()
        #expect(runner.rejectedCells == 0)
        #expect(result.overall.questions[0].answered == 2)
        #expect(result.overall.questions[0].distribution.suffix(2).map(\.count) == [1, 1])
    }

    // Findings 3 and 4: a partial including itself, and sections nested 3,000 deep, overflowed the stack.
    static func loadTemplates(_ files: [String: String]) -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            _ = try ReportTemplates.load(directory: folder.path)
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics.map { "\(URL(fileURLWithPath: error.file.path).lastPathComponent):\($0.position?.description ?? "-"): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    @Test(arguments: [
        ("body {}\n{{> style}}\n", "style.css:2:1: the partial 'style' includes itself, so it would never finish"),
        ("{{#brand}}\n  {{< style}}{{/style}}\n{{/brand}}\n", "style.css:2:3: the partial 'style' includes itself, so it would never finish"),
        ("{{>*name}}", "style.css:1:1: dynamic partials ('{{>*…}}') are not supported in report templates"),
    ])
    func aPartialCannotIncludeItself(style: String, expected: String) {
        #expect(Self.loadTemplates(["style.css": style]) == [expected])
    }

    @Test func theStyleMayBeIncludedByTheReports() {
        #expect(Self.loadTemplates(["report.md.mustache": "{{> style}}\n# {{standard}}\n"]) == [])
    }

    @Test(arguments: [32, 33, 3_000])
    func sectionsNestAtMost32Deep(depth: Int) {
        let text = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        let expected = depth <= TemplateCheck.maxNesting ? []
            : ["report.md.mustache:1:193: sections nest more than 32 deep; a template nests at most 32"]
            + (2 * depth > TemplateCheck.maxTags ? ["report.md.mustache:1:\(6 * TemplateCheck.maxTags + 1): more than 1000 tags; a template has at most 1000"] : [])
        #expect(Self.loadTemplates(["report.md.mustache": text]) == expected)
    }

    @Test func aTemplateCannotChangeItsDelimitersToHideItsNesting() {
        #expect(Self.loadTemplates(["report.md.mustache": "{{=<% %>=}}\n<%#a%><%/a%>\n"])
                == ["report.md.mustache:1:1: changing the tag delimiters ('{{=… …=}}') is not supported in report templates"])
    }

    @Test func aLongTagIsRefusedBeforeItsTransformsAreParsedRecursively() {
        let tag = "{{" + String(repeating: "a(", count: 200) + "b" + String(repeating: ")", count: 200) + "}}"
        #expect(Self.loadTemplates(["report.md.mustache": tag])
                == ["report.md.mustache:1:1: a tag of 601 bytes; a tag other than a comment has at most 256"])
    }
}
