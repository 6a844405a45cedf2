/// One respondent's answers to a questionnaire, as an answer file holds them.
public struct AnswerSet: Sendable {
    public var questionnaire: String
    public var respondent: Respondent
    public var consultant: String?
    /// The date of the assessment; the plan's default start.
    public var date: CalendarDate?
    /// The people interviewed, with their roles; answers name them in `by`.
    public var interviewees: [Interviewee] = []
    /// Answers in file order.
    public private(set) var answers: [Answer]
    /// Where each question's answer is in the file it was read from (its id's position).
    public internal(set) var positions: [String: SourcePosition] = [:]
    private var index: [String: Int]

    public init(questionnaire: String, respondent: Respondent = .init(), consultant: String? = nil,
                date: CalendarDate? = nil, answers: [Answer] = []) {
        self.questionnaire = questionnaire
        self.respondent = respondent
        self.consultant = consultant
        self.date = date
        self.answers = []
        index = [:]
        for answer in answers { set(answer) }
    }

    /// The answer to a question, if there is one.
    public subscript(question: String) -> Answer? {
        index[question].map { answers[$0] }
    }

    /// Adds or replaces the answer to `answer.question`, keeping the place of a replaced answer.
    public mutating func set(_ answer: Answer) {
        if let position = index[answer.question] {
            answers[position] = answer
        } else {
            index[answer.question] = answers.count
            answers.append(answer)
        }
    }

    /// A person interviewed, and their role.
    public struct Interviewee: Hashable, Sendable {
        public var name: String
        public var role: String?

        public init(name: String, role: String? = nil) {
            self.name = name
            self.role = role
        }
    }

    public struct Respondent: Hashable, Sendable {
        public var name: String?
        public var role: String?
        public var organization: String?

        public init(name: String? = nil, role: String? = nil, organization: String? = nil) {
            self.name = name
            self.role = role
            self.organization = organization
        }
    }
}

/// The answer to one question: an option of its scale or "not applicable", with notes and evidence.
public struct Answer: Hashable, Sendable {
    public var question: String
    /// Nil when only a note or evidence was recorded.
    public var value: Value?
    public var note: String?
    public var evidence: [String]
    /// Who gave the answer (`by`): one name, or several when interviews agreed.
    public var interviewees: [String]
    /// When it was given (`on`).
    public var on: CalendarDate?

    public enum Value: Hashable, Sendable, CustomStringConvertible {
        /// An option value of the question's scale, e.g. "yes" or "3".
        case option(String)
        /// `na`: the question does not apply.
        case notApplicable

        public var description: String {
            switch self {
            case .option(let value): return value
            case .notApplicable: return "na"
            }
        }
    }

    /// Only a value: written as `id: value`.
    var isBare: Bool { note == nil && evidence.isEmpty && interviewees.isEmpty && on == nil }

    public init(question: String, value: Value?, note: String? = nil, evidence: [String] = [],
                interviewees: [String] = [], on: CalendarDate? = nil) {
        self.question = question
        self.value = value
        self.note = note
        self.evidence = evidence
        self.interviewees = interviewees
        self.on = on
    }
}
