/// Scores of one answer set: per question, clause, area and overall, with findings, the
/// nonconformities they raise and a readiness verdict.
///
/// Computed by `Scorer` with the rules of docs/SCORING.md.
public struct Assessment: Sendable {
    public var thresholds: Questionnaire.Thresholds
    public var overall: Summary
    /// One per requirement area, in the questionnaire's order.
    public var areas: [Group]
    /// One per clause, depth first in the questionnaire's order.
    public var clauses: [Group]
    /// One per question, in the questionnaire's order.
    public var questions: [QuestionResult]
    /// Major before minor, then by the document position of their first question; numbered NC-01, NC-02, …
    public var nonconformities: [Nonconformity]
    public var readiness: Readiness

    /// The status of a score, or of a question.
    public enum Status: String, Sendable {
        case compliant, partial, gap
        case notAssessed = "not-assessed"
        case notApplicable = "na"
        case unanswered
    }

    /// What an auditor would note for an answered, applicable question that is partial or a gap.
    public enum Finding: String, Sendable, CaseIterable, Comparable {
        case major, minor, observation

        public static func < (a: Finding, b: Finding) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// Score and coverage of a set of questions.
    public struct Summary: Hashable, Sendable {
        /// Σ W·s / Σ W over the answered applicable questions; nil when there are none.
        public var score: Double?
        public var status: Status
        /// Answered applicable / applicable; nil when no question applies.
        public var coverage: Double?
        public var answered: Int
        public var applicable: Int
        /// Σ W over the answered applicable questions.
        public var weight: Double
    }

    /// A clause subtree or a requirement area.
    public struct Group: Hashable, Sendable {
        public var id: String
        public var summary: Summary
    }

    public struct QuestionResult: Hashable, Sendable {
        public var id: String
        public var clause: String
        public var area: String?
        public var answer: Answer?
        /// W(q): the question's weight times the weights of every clause on its path.
        public var weight: Double
        /// s(q), the chosen option's score; nil unless answered and applicable.
        public var score: Double?
        public var applicable: Bool
        public var status: Status
        public var finding: Finding?
        /// The id of the nonconformity the question's finding belongs to (`NC-03`); nil for an observation or none.
        public var nonconformity: String? = nil

        /// Answered, applicable and partial or a gap: what the plan works on.
        public var isOpen: Bool { status == .partial || status == .gap }
    }

    /// One nonconformity as a certification body raises it: the major or minor findings of one `nc_group`.
    public struct Nonconformity: Hashable, Sendable {
        /// `NC-01`, `NC-02`, … in the order of `Assessment.nonconformities`.
        public var id: String
        /// The `nc_group` of its questions.
        public var group: String
        /// The clause that directly contains its first question.
        public var clause: String
        public var grade: Questionnaire.Grade
        /// Major only because it holds at least `findings.escalate_minors` minor findings.
        public var escalated: Bool
        /// Its questions (those with a major or minor finding), in questionnaire order.
        public var questions: [String]
    }

    public struct Readiness: Hashable, Sendable {
        public enum Verdict: String, Sendable, CaseIterable {
            /// A major nonconformity.
            case notReady = "not-ready"
            /// No major nonconformity, but a requirement question is unanswered, or nothing applicable is.
            case incomplete
            /// Minor nonconformities only, every requirement question answered.
            case nearlyReady = "nearly-ready"
            case ready
        }

        public var verdict: Verdict
        /// Major nonconformities.
        public var major: Int
        /// Minor nonconformities.
        public var minor: Int
        /// Observation findings (per question).
        public var observation: Int
        /// Applicable requirement questions (`mandatory: true`) without an answer.
        public var unanswered: Int
    }

    public func question(_ id: String) -> QuestionResult? { questions.first { $0.id == id } }
    public func clause(_ id: String) -> Group? { clauses.first { $0.id == id } }
    public func area(_ id: String) -> Group? { areas.first { $0.id == id } }
}
