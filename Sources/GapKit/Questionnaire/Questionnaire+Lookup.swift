import Foundation

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

extension Questionnaire {
    /// The owner of an action as the plan knows it: its `owner` text in the default language,
    /// trimmed; nil when it has none (or only spaces).
    public func owner(of action: Action) -> String? {
        guard let owner = action.owner else { return nil }
        let text = self.text(owner).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Every named owner of an action, in the order the actions are declared.
    public var owners: [String] {
        var seen = Set<String>()
        return actions.compactMap { owner(of: $0) }.filter { seen.insert($0).inserted }
    }

    /// The owner a person means by `name` (trimmed): an owner as the plan knows it, or an owner's
    /// text in another language of the questionnaire; nil when no action has that owner.
    public func owner(named name: String) -> String? {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if owners.contains(name) { return name }
        for action in actions {
            guard let identity = owner(of: action), let texts = action.owner?.translations.values else { continue }
            if texts.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == name }) { return identity }
        }
        return nil
    }
}
