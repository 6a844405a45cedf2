extension Questionnaire {
    /// Every question, depth first in file order.
    public var allQuestions: [Question] { allClauses.flatMap(\.questions) }

    /// Every clause, depth first in file order (parents before children).
    public var allClauses: [Clause] {
        var result: [Clause] = []
        var stack = Array(clauses.reversed())
        while let clause = stack.popLast() {
            result.append(clause)
            stack.append(contentsOf: clause.clauses.reversed())
        }
        return result
    }

    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }
    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }
    public func action(_ id: String) -> Action? { actions.first { $0.id == id } }
    public func phaseIndex(_ id: String) -> Int? { phases.firstIndex { $0.id == id } }

    /// Text in `language`, falling back to the default language.
    public func text(_ text: LocalizedText, _ language: String? = nil) -> String {
        text.text(in: language ?? defaultLanguage, fallback: defaultLanguage)
    }
}

extension Questionnaire.Clause {
    /// Questions in this clause and all its sub-clauses.
    public var allQuestions: [Questionnaire.Question] {
        questions + clauses.flatMap(\.allQuestions)
    }

    /// A clause with no sub-clauses.
    public var isLeaf: Bool { clauses.isEmpty }
}

extension Questionnaire {
    /// Questions by id.
    public var questionIndex: [String: Question] {
        Dictionary(allQuestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
