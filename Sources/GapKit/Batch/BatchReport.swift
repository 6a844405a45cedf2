import Foundation

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
        guard let score, score.isFinite else { return "bn" }
        return "b\(min(4, Int(min(max(score, 0), 1) * 5)))"
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
        let options = result.options
        let fill = { (key: String) -> String in
            t(key).replacingOccurrences(of: "{min_group}", with: String(options.minGroup))
                .replacingOccurrences(of: "{spread}", with: NumberFormat.percent(options.spread, decimals: 0))
                .replacingOccurrences(of: "{stdev}", with: NumberFormat.percent(options.stdev, decimals: 0))
                .replacingOccurrences(of: "{reference}", with: options.referenceGroup.map { "\($0.column) = \($0.value)" } ?? "")
        }
        let groupName = { (g: Int) in result.groups[g].key.map(\.value).joined(separator: " · ") }
        let signed = { (value: Double) in (value > 0 ? "+" : value < 0 ? "−" : "") + NumberFormat.percent(abs(value), decimals: 0) }
        let matrix: [[String: Any]] = result.comparison.ranked.map { question in
            ["id": question.id, "text": text(questions[question.id]?.text),
             "spread": question.spread.map { NumberFormat.percent($0, decimals: 0) } ?? "–", "disagree": question.disagree,
             "cells": question.cells.map { cell -> [String: Any] in
                 var values: [String: Any] = ["mean": cell.mean.map { NumberFormat.percent($0, decimals: 0) } ?? "–",
                                              "band": Self.band(cell.mean), "answered": cell.answered, "disagree": cell.disagree,
                                              "few": cell.answered < options.minGroup]
                 if let difference = cell.difference { values["difference"] = signed(difference) }
                 return values
             }]
        }
        let gaps: [[String: Any]] = result.comparison.perceptionGaps.map { gap in
            let mean = result.groups[gap.group].questions.first { $0.id == gap.question }?.mean
            return ["id": gap.question, "text": text(questions[gap.question]?.text), "group": groupName(gap.group),
                    "mean": NumberFormat.percent(mean, decimals: 0), "difference": signed(gap.difference)]
        }
        let merged: [[String: Any]] = result.mergedGroups.map { merged in
            ["group": merged.group.joined(separator: " · "),
             "spellings": merged.variants.map { "‘" + $0.joined(separator: " · ") + "’" }.joined(separator: ", ")]
        }
        let inExport = Set(result.questionsInExport)
        return [
            "has_groups": !result.groups.isEmpty, "matrix": matrix,
            "groups_only": result.groups.indices.map { ["name": groupName($0)] },
            "by_group_legend": fill("by_group_legend"), "disagreement_rule": fill("disagreement_rule"),
            "reference": options.referenceGroup != nil, "perception_title": fill("perception_gaps"), "no_gaps": fill("no_perception_gaps"),
            "any_gaps": !gaps.isEmpty, "gaps": gaps, "any_merged": !merged.isEmpty, "merged": merged,
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
            "questions": everyone.questions.filter { inExport.contains($0.id) }.map { stat -> [String: Any] in
                ["id": stat.id, "text": text(questions[stat.id]?.text), "answered": stat.answered, "na": stat.notApplicable,
                 "unanswered": everyone.respondents - stat.answered - stat.notApplicable,
                 "score": NumberFormat.percent(stat.score, decimals: 0)]
            },
        ]
    }
}
