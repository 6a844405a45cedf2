// libFuzzer entry point for GapKit (issue 12). Built by scripts/fuzz.sh together with the
// sources of the GapKit library, so it reaches internal readers too. The target is chosen by
// the environment variable GAPKIT_FUZZ_TARGET: yaml, questionnaire, answers, csv or template.
//
// Every target feeds the bytes to a reader and lets it fail as it should (a thrown diagnostic);
// a crash, a sanitizer report, a timeout or a broken invariant below is a finding.
import Foundation
import Mustache

/// A small questionnaire that answer files are checked against.
let fuzzQuestionnaire: Questionnaire = {
    let text = """
        gapkit: 1
        id: mini
        title: Mini
        default_scale: ypn
        scales:
          - id: ypn
            options:
              - {value: "yes", label: "Yes", score: 1}
              - {value: partial, label: Partly, score: 0.5}
              - {value: "no", label: "No", score: 0}
        clauses:
          - id: "4"
            title: Context
            weight: 2
            questions:
              - {id: Q1, text: One?, mandatory: true}
              - {id: Q2, text: Two?, applies_if: {question: Q1, in: ["yes"]}}

        """
    return try! QuestionnaireLoader().load(text, path: "mini.yaml").questionnaire
}()

enum FuzzTarget: String {
    case yaml, questionnaire, answers, csv, template
}

let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["GAPKIT_FUZZ_TARGET"] ?? "yaml"
    guard let target = FuzzTarget(rawValue: name) else { fatalError("GAPKIT_FUZZ_TARGET: unknown target \(name)") }
    return target
}()

/// Every score GapKit computes is a number in 0…1, never NaN or infinite.
func checkScores(_ assessment: Assessment) {
    for summary in [assessment.overall] + assessment.areas.map(\.summary) + assessment.clauses.map(\.summary) {
        if let score = summary.score, !(score >= -1e-9 && score <= 1 + 1e-9) { fatalError("score out of 0…1: \(score)") }
        if !summary.weight.isFinite { fatalError("weight not finite: \(summary.weight)") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch fuzzTarget {
    case .yaml:
        _ = try? YAMLLoader().parse(bytes: bytes, path: size % 2 == 0 ? "f.yaml" : "f.json")
    case .questionnaire:
        if let loaded = try? QuestionnaireLoader().load(String(decoding: bytes, as: UTF8.self), path: "q.yaml") {
            let questionnaire = loaded.questionnaire
            var answers = AnswerSet(questionnaire: questionnaire.id)
            for (index, question) in questionnaire.allQuestions.enumerated() {
                if let options = questionnaire.scale(question.scale)?.options, !options.isEmpty {
                    answers.set(Answer(question: question.id, value: .option(options[index % options.count].value)))
                }
            }
            let assessment = Scorer(questionnaire).score(answers)
            checkScores(assessment)
            _ = BatchReport.band(assessment.overall.score)
        }
    case .answers:
        // The same bytes as YAML and as JSON: the JSON rewriting must never crash or loop.
        for path in ["a.yaml", "a.json"] {
            if let answers = try? AnswerLoader(questionnaire: fuzzQuestionnaire).load(bytes: bytes, path: path) {
                checkScores(Scorer(fuzzQuestionnaire).score(answers))
            }
        }
    case .csv:
        var options = CSVReader.Options()
        options.delimiter = CSVDialect.delimiter(of: bytes)
        options.chunkSize = 64
        options.maxRecordBytes = 1 << 16
        let reader = CSVReader(bytes: bytes, options: options)
        var matcher = CellMatcher(scale: fuzzQuestionnaire.scales[0], languages: ["en"], map: ColumnMap())
        _ = try? reader.forEachRecord { record in
            for index in 0..<record.count {
                let field = record[index]
                let code = field.withUnescapedBytes { matcher.code(UnsafeRawBufferPointer($0)) }
                if code >= 3, code < CellMatcher.notApplicable { fatalError("code \(code) is no option and no reserved code") }
                _ = CSVTable.field(field.string)
            }
        }
    case .template:
        let text = String(decoding: bytes, as: UTF8.self)
        if let template = try? ReportTemplates.parse(text, name: "fuzz.mustache", partial: "style") {
            var library = MustacheLibrary()
            library.register(template, named: "style")
            // A list of one: sections nested over longer lists multiply the work (docs/FUZZING.md, "Known limits").
            let item: [String: Any] = ["a": "x", "b": true]
            _ = template.render(["a": [item], "b": "<&>", "lang": "en"] as [String: Any], library: library)
        }
    }
    return 0
}
