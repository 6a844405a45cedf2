/// LimeSurvey's tab-separated survey structure (.txt, "Import survey"): one group per clause with
/// questions, one list question (`L`) per GapKit question with its answer options, whose
/// assessment values are the options' scores × 100; the help as question help; mandatory
/// questions marked `Y`; each language as its own block, the first language first.
public struct LimeSurveyWriter {
    public let design: SurveyDesign

    public init(design: SurveyDesign) {
        self.design = design
    }

    static let columns = ["class", "type/scale", "name", "relevance", "text", "help", "language", "validation", "mandatory", "other",
                          "default", "same_default"]

    /// The file's text: UTF-8 with a byte-order mark, as LimeSurvey writes it, one row per line.
    public func text() -> String {
        let q = design.questionnaire
        var rows: [[String]] = [Self.columns]
        func row(_ values: [String: String]) { rows.append(Self.columns.map { values[$0] ?? "" }) }
        let base = design.languages[0]
        row(["class": "S", "name": "language", "text": base])
        if design.languages.count > 1 { row(["class": "S", "name": "additional_languages", "text": design.languages.dropFirst().joined(separator: " ")]) }
        row(["class": "S", "name": "assessments", "text": "Y"])
        for language in design.languages {
            row(["class": "SL", "name": "surveyls_title", "text": q.text(q.title, language), "language": language])
            if let description = q.description {
                row(["class": "SL", "name": "surveyls_description", "text": q.text(description, language), "language": language])
            }
        }
        for language in design.languages {
            var lastClause: String?
            for item in design.items {
                if item.clause.id != lastClause {
                    lastClause = item.clause.id
                    row(["class": "G", "name": "\(item.clause.id) \(q.text(item.clause.title, language))", "relevance": "1",
                         "text": item.clause.summary.map { q.text($0, language) } ?? "", "language": language])
                }
                row(["class": "Q", "type/scale": "L", "name": item.code, "relevance": "1", "text": q.text(item.question.text, language),
                     "help": item.question.help.map { q.text($0, language) } ?? "", "language": language,
                     "mandatory": item.question.mandatory ? "Y" : "N", "other": "N", "same_default": "0"])
                guard let scale = q.scale(item.question.scale) else { continue }
                for option in scale.options {
                    row(["class": "A", "type/scale": "0", "name": design.answerCodes[option.value] ?? option.value,
                         "relevance": Self.assessment(option.score), "text": q.text(option.label, language), "language": language])
                }
                if scale.allowNA {
                    row(["class": "A", "type/scale": "0", "name": SurveyDesign.notApplicableCode, "relevance": "0",
                         "text": language == "zh-Hans" ? "不适用" : "Not applicable", "language": language])
                }
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(Self.cell).joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }

    /// A score as a whole-number assessment value: 0.5 → 50.
    static func assessment(_ score: Double) -> String { String(Int((score * 100).rounded())) }

    /// Tabs and line breaks cannot be in a cell of this format: a line break becomes `<br />`
    /// (LimeSurvey shows texts as HTML) and `<`, `&` are escaped so a text cannot become markup.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\t": out += " "
            case "\r\n", "\n", "\r": out += "<br />"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.append(character)
            }
        }
        return out
    }
}
