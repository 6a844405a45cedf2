/// An empty CSV export template for any survey tool (Google Forms, …): an id column, an optional
/// group column, then one `[Q-…] text` column per question; and a second file that lists each
/// question's allowed answers.
public struct SurveyTemplateWriter {
    public let design: SurveyDesign
    public var idColumn = "Respondent ID"
    public var groupColumn: String?
    public var groups: [String] = []

    public init(design: SurveyDesign) {
        self.design = design
    }

    /// The template: the header row only.
    public func template() -> [UInt8] {
        let language = design.languages[0]
        var header = [idColumn] + (groupColumn.map { [$0] } ?? [])
        header += design.items.map { "[\($0.question.id)] " + design.questionnaire.text($0.question.text, language) }
        return CSVTable(header: header).bytes()
    }

    /// The allowed answers: per question its id, clause, text and the values and labels it accepts.
    public func allowedAnswers() -> [UInt8] {
        let q = design.questionnaire
        let labels = design.languages.map { "labels (\($0))" }
        var table = CSVTable(header: ["column", "question", "clause", "mandatory", "values"] + labels)
        if let groupColumn, !groups.isEmpty {
            table.append([.text(groupColumn), .empty, .empty, .text("yes"), .text(groups.joined(separator: " | "))] + labels.map { _ in .empty })
        }
        for item in design.items {
            guard let scale = q.scale(item.question.scale) else { continue }
            let values = scale.options.map(\.value) + (scale.allowNA ? ["na"] : [])
            var row: [CSVTable.Cell] = [.text("[\(item.question.id)]"), .text(item.question.id), .text(item.clause.id),
                                        .text(item.question.mandatory ? "yes" : "no"), .text(values.joined(separator: " | "))]
            for language in design.languages {
                let texts = scale.options.map { q.text($0.label, language) } + (scale.allowNA ? [language == "zh-Hans" ? "不适用" : "N/A"] : [])
                row.append(.text(texts.joined(separator: " | ")))
            }
            table.append(row)
        }
        return table.bytes()
    }
}
