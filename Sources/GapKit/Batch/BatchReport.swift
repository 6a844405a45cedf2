/// The HTML cohort report of a batch: a heatmap of groups × requirement areas, the questions
/// people disagree on, and response counts, in the gap report's style.
public struct BatchReport {
    public var questionnaire: Questionnaire
    public var result: BatchResult
    public var language: String
    public var templates: ReportTemplates?

    public init(questionnaire: Questionnaire, result: BatchResult, language: String?, templates: ReportTemplates? = nil) {
        self.questionnaire = questionnaire
        self.result = result
        self.language = language ?? questionnaire.defaultLanguage
        self.templates = templates
    }

    public func html() throws -> String {
        let templates = try self.templates ?? ReportTemplates.builtIn()
        return templates.batch.render(XMLCharacters.cleaned(values()), library: templates.library)
    }

    func text(_ text: LocalizedText?) -> String { text.map { questionnaire.text($0, language) } ?? "" }

    /// Five bands of a score for the heatmap (b0 worst … b4 best), `bn` for none.
    static func band(_ score: Double?) -> String {
        guard let score else { return "bn" }
        return "b\(min(4, Int(score * 5)))"
    }

    func values() -> [String: Any] {
        let strings = ReportStrings.table(for: language)
        let t = { (key: String) in strings[key] ?? key }
        let questions = questionnaire.questionIndex
        var clauseOf: [String: String] = [:]
        for clause in questionnaire.allClauses { for question in clause.questions { clauseOf[question.id] = clause.id } }
        func cell(_ summary: Assessment.Summary) -> [String: Any] {
            ["score": NumberFormat.percent(summary.score, decimals: 0), "band": Self.band(summary.score),
             "status": t("status_\(summary.status.rawValue)"), "status_class": summary.status.rawValue]
        }
        // The readiness verdict of a group: `incomplete` where requirement questions went unanswered.
        func verdict(_ readiness: Assessment.Readiness) -> [String: Any] {
            ["label": t("verdict_\(readiness.verdict.rawValue)"), "class": readiness.verdict.rawValue]
        }
        let groups: [[String: Any]] = ([result.overall] + result.groups).map { group in
            let name = group.key.isEmpty ? t("everyone") : group.key.map(\.value).joined(separator: " · ")
            return ["name": name, "respondents": group.respondents, "overall": cell(group.assessment.overall),
                    "verdict": verdict(group.assessment.readiness),
                    "areas": group.assessment.areas.map { cell($0.summary) }]
        }
        let disagreements: [[String: Any]] = result.overall.questions.filter(\.disagreement).map { stat in
            ["id": stat.id, "clause": clauseOf[stat.id] ?? "", "text": text(questions[stat.id]?.text), "answered": stat.answered,
             "mean": NumberFormat.percent(stat.mean, decimals: 0),
             "range": "\(NumberFormat.percent(stat.min, decimals: 0))–\(NumberFormat.percent(stat.max, decimals: 0))",
             "distribution": stat.distribution.filter { $0.count > 0 }.map { "\($0.value): \($0.count)" }.joined(separator: ", ")]
        }
        let everyone = result.overall
        return [
            "lang": language, "t": strings, "standard": text(questionnaire.title), "respondents": result.respondents,
            "rejected": result.rejectedCells, "aggregate": result.options.aggregate.rawValue,
            "overall": cell(everyone.assessment.overall), "verdict": verdict(everyone.assessment.readiness),
            "disagreements": disagreements.count,
            "any_disagreements": !disagreements.isEmpty, "disagreement_list": disagreements,
            "areas": questionnaire.areas.map { ["title": text($0.title)] }, "groups": groups,
            "brand": ["primary": Branding.default.primaryColor],
            "print": ["footer": ReportContext.cssString("\(t("batch_title"))\(t("colon"))\(text(questionnaire.title))"),
                      "page_before": ReportContext.cssString(t("page_before")), "page_of": ReportContext.cssString(t("page_of")),
                      "page_after": ReportContext.cssString(t("page_after"))],
            "questions": everyone.questions.map { stat -> [String: Any] in
                ["id": stat.id, "text": text(questions[stat.id]?.text), "answered": stat.answered, "na": stat.notApplicable,
                 "unanswered": everyone.respondents - stat.answered - stat.notApplicable,
                 "score": NumberFormat.percent(stat.score, decimals: 0)]
            },
        ]
    }
}
