/// The clause tree as text: each clause with its question count in total and per requirement area.
public struct QuestionnaireOutline: Sendable {
    public var questionnaire: Questionnaire
    public var language: String
    /// Columns the output should fit in.
    public var width: Int

    public init(_ questionnaire: Questionnaire, language: String? = nil, width: Int = 80) {
        self.questionnaire = questionnaire
        self.language = language ?? questionnaire.defaultLanguage
        self.width = width
    }

    /// The one-line summary `gapkit validate` prints for a valid file.
    public var summary: String {
        let clauses = questionnaire.allClauses
        let questions = questionnaire.allQuestions
        return "\(clauses.count) clauses (\(clauses.filter(\.isLeaf).count) leaves), "
            + "\(questions.count) questions (\(questions.filter(\.mandatory).count) on requirements of the standard), "
            + "\(questionnaire.areas.count) areas, \(questionnaire.actions.count) actions, "
            + "\(questionnaire.milestones.count) milestones, \(questionnaire.documents.count) documents"
    }

    public func render() -> String {
        let q = questionnaire
        var out = q.text(q.title, language) + "\n"
        out += "\(q.id)\(q.version.map { " · version \($0)" } ?? "") · languages \(q.languages.joined(separator: ", "))\n"
        out += summary + "\n\n"
        let areaColumns = q.areas.indices.map { "[\($0 + 1)]" }
        if !q.areas.isEmpty {
            let idWidth = q.areas.map { TerminalWidth.of($0.id) }.max() ?? 0
            for (index, area) in q.areas.enumerated() {
                let line = "\(index == 0 ? "areas" : "     ") \(areaColumns[index]) \(TerminalWidth.padRight(area.id, to: idWidth))  \(q.text(area.title, language))"
                out += TerminalWidth.truncate(line, to: width) + "\n"
            }
            out += "\n"
        }
        let countsWidth = 6 + 5 * areaColumns.count
        let treeWidth = max(30, width - countsWidth)
        out += TerminalWidth.padRight("clause", to: treeWidth) + TerminalWidth.padLeft("total", to: 6)
            + areaColumns.map { TerminalWidth.padLeft($0, to: 5) }.joined() + "\n"
        var stack = q.clauses.reversed().map { ($0, 0) }
        while let (clause, depth) = stack.popLast() {
            let label = String(repeating: "  ", count: depth) + TerminalWidth.padRight(clause.id, to: 8) + " " + q.text(clause.title, language)
            let questions = clause.allQuestions
            out += TerminalWidth.padRight(TerminalWidth.truncate(label, to: treeWidth - 1), to: treeWidth)
            out += TerminalWidth.padLeft(String(questions.count), to: 6)
            for area in q.areas {
                let n = questions.filter { $0.area == area.id }.count
                out += TerminalWidth.padLeft(n == 0 ? "·" : String(n), to: 5)
            }
            out += "\n"
            stack.append(contentsOf: clause.clauses.reversed().map { ($0, depth + 1) })
        }
        let all = q.allQuestions
        out += TerminalWidth.padRight("all clauses", to: treeWidth) + TerminalWidth.padLeft(String(all.count), to: 6)
        for area in q.areas { out += TerminalWidth.padLeft(String(all.filter { $0.area == area.id }.count), to: 5) }
        return out + "\n"
    }
}
