/// A printable interview guide: per clause, the questions with their options as tick boxes, what
/// good looks like, the evidence to ask for and room for notes, with who is interviewed and when on top.
///
/// Built from the questionnaire alone (and, for one interviewee, the engagement's schedule), so
/// the same inputs give the same guide, byte for byte.
public struct InterviewGuide: Sendable {
    public struct Section: Sendable {
        public var clause: Questionnaire.Clause
        public var questions: [Questionnaire.Question]
    }

    public let questionnaire: Questionnaire
    public let language: String
    public let sections: [Section]
    /// Who is interviewed, their role and the day, when known (else blank lines to fill in).
    public var interviewee: String?
    public var role: String?
    public var date: CalendarDate?

    /// A clause given that the questionnaire does not have.
    public struct UnknownClause: Error, Sendable {
        public var id: String
        public var suggestion: String?
    }

    /// The guide for `clauses` (ids; each with its sub-clauses), or for every clause when empty.
    public init(questionnaire: Questionnaire, clauses: [String] = [], language: String? = nil) throws(UnknownClause) {
        self.questionnaire = questionnaire
        self.language = language ?? questionnaire.defaultLanguage
        var chosen: [Questionnaire.Clause] = []
        let all = questionnaire.allClauses
        for id in clauses {
            guard let clause = all.first(where: { $0.id == id }) else {
                throw UnknownClause(id: id, suggestion: Suggestion.closest(to: id, in: all.map(\.id)))
            }
            chosen.append(clause)
        }
        var seen = Set<String>()
        var sections: [Section] = []
        for clause in (clauses.isEmpty ? all : chosen.flatMap { [$0] + Self.descendants($0) }) where !clause.questions.isEmpty {
            guard seen.insert(clause.id).inserted else { continue }
            sections.append(Section(clause: clause, questions: clause.questions))
        }
        self.sections = sections
    }

    static func descendants(_ clause: Questionnaire.Clause) -> [Questionnaire.Clause] {
        clause.clauses.flatMap { [$0] + descendants($0) }
    }

    /// The interviews of an engagement's schedule that name `person` (by name or role), to guide that interview.
    public static func interviews(in engagement: Engagement, for person: String) -> [Engagement.Interview] {
        let wanted = person.lowercased()
        return engagement.interviews.filter { interview in
            [interview.name, interview.role].compactMap { $0 }.contains { text in text.translations.values.contains { $0.lowercased() == wanted } }
        }
    }

    func text(_ text: LocalizedText?) -> String { text.map { questionnaire.text($0, language) } ?? "" }

    var strings: Strings { Strings("guide", language: language) }

    /// A question's options with their labels in the guide's language, "not applicable" last where allowed.
    func options(_ question: Questionnaire.Question) -> [String] {
        guard let scale = questionnaire.scale(question.scale) else { return [] }
        return scale.options.map { text($0.label).isEmpty ? $0.value : text($0.label) }
            + (scale.allowNA ? [strings("not applicable")] : [])
    }
}
