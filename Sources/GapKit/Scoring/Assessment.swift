/// Scores of one answer set: per question, clause, area and overall, with findings and a readiness verdict.
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
    public var readiness: Readiness

    /// The status of a score, or of a question.
    public enum Status: String, Sendable {
        case compliant, partial, gap
        case notAssessed = "not-assessed"
        case notApplicable = "na"
        case unanswered
    }

    /// What an auditor would raise for an answered, applicable question that is not compliant.
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

        /// Answered, applicable and not fully met: what the plan works on.
        public var isOpen: Bool { (score ?? 1) < 1 }
    }

    public struct Readiness: Hashable, Sendable {
        public enum Verdict: String, Sendable {
            case notReady = "not-ready"
            case nearlyReady = "nearly-ready"
            case ready
        }

        public var verdict: Verdict
        public var major: Int
        public var minor: Int
        public var observation: Int
    }

    public func question(_ id: String) -> QuestionResult? { questions.first { $0.id == id } }
    public func clause(_ id: String) -> Group? { clauses.first { $0.id == id } }
    public func area(_ id: String) -> Group? { areas.first { $0.id == id } }
}
