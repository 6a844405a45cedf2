/// A gap-analysis questionnaire: a standard's clauses, the questions that test them, and what closes each gap.
///
/// Built only by `QuestionnaireLoader`, which guarantees that every reference resolves, ids are
/// unique, `after` links form no cycle and every number is in range (see questionnaires/SCHEMA.md).
public struct Questionnaire: Sendable {
    public static let schemaVersion = 1
    /// The largest weight of one clause or question (questionnaires/SCHEMA.md, "Bounds").
    public static let maxWeight = 1_000.0
    /// Where the product of the weights on a question's path must lie, so that sums of weighted
    /// scores over any number of questions stay finite and never divide by zero.
    public static let pathWeights = 1e-6...1e6

    public var id: String
    public var title: LocalizedText
    public var version: String?
    /// Languages of the texts; the first is the default, which every text has.
    public var languages: [String]
    public var description: LocalizedText?
    public var thresholds: Thresholds
    /// How question findings become nonconformities (`findings`).
    public var findings: FindingRules
    public var scales: [Scale]
    public var defaultScale: String?
    public var areas: [Area]
    public var phases: [Phase]
    public var documents: [Document]
    public var actions: [Action]
    public var milestones: [Milestone]
    /// The standard's requirements ("shall" statements), each in our own words; questions `cover` them.
    public var requirements: [Requirement] = []
    public var clauses: [Clause]

    public var defaultLanguage: String { languages[0] }

    /// Status boundaries for scores in 0…1.
    public struct Thresholds: Hashable, Sendable {
        public var compliant: Double
        public var partial: Double

        public static let `default` = Thresholds(compliant: 0.8, partial: 0.4)
    }

    /// The grade of a nonconformity as a certification body grades it.
    public enum Grade: String, Hashable, Sendable, CaseIterable {
        case major, minor
    }

    /// `findings`: how question findings are graded as nonconformities.
    public struct FindingRules: Hashable, Sendable {
        /// The least number of minor question findings in one group that make it a major
        /// nonconformity; nil: never.
        public var escalateMinors: Int?

        public static let `default` = FindingRules(escalateMinors: nil)
        /// The smallest `escalate_minors` a questionnaire may give: one minor alone stays minor.
        public static let leastEscalation = 2
    }

    /// An answer scale: the options a question can be answered with.
    public struct Scale: Hashable, Sendable {
        /// The most options a scale may have: `gapkit batch` stores an answer as one byte, with
        /// codes from 250 up reserved for not applicable, empty and rejected cells.
        public static let maxOptions = 200

        public var id: String
        public var options: [Option]
        /// Whether `na` (not applicable) is an acceptable answer.
        public var allowNA: Bool

        public struct Option: Hashable, Sendable {
            /// What an answer file holds, e.g. `yes` or `3`; always text.
            public var value: String
            public var label: LocalizedText
            /// 0 (nothing in place) … 1 (fully meets the requirement).
            public var score: Double
        }

        public func option(_ value: String) -> Option? { options.first { $0.value == value } }
    }

    /// A requirement area that questions are scored under (e.g. organisation, documentation).
    public struct Area: Hashable, Sendable {
        public var id: String
        public var title: LocalizedText
        public var description: LocalizedText?
    }

    /// A stage of the implementation project, in execution order.
    public struct Phase: Hashable, Sendable {
        public var id: String
        public var title: LocalizedText
    }

    /// An item of documented information the standard requires.
    public struct Document: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable, CaseIterable {
            /// Kept up to date: a policy, plan, procedure or agreement.
            case maintained
            /// Kept as evidence: a record.
            case retained
        }

        public var id: String
        public var title: LocalizedText
        public var clause: String?
        public var kind: Kind
        public var description: LocalizedText?
        /// Whether the standard requires it (true) or it is recommended practice (false).
        public var required: Bool
    }

    /// A remediation action that closes gaps.
    public struct Action: Hashable, Sendable {
        public var id: String
        public var title: LocalizedText
        public var description: LocalizedText?
        public var phase: String
        /// Person-days, greater than 0 and at most `maximumEffort`.
        public var effort: Double
        public var owner: LocalizedText?
        /// Actions that must be done before this one.
        public var after: [String]
        /// Documents the action writes or revises.
        public var documents: [String]

        /// The largest effort a questionnaire may give one action: about 40 person-years.
        public static let maximumEffort = 10_000.0
    }

    /// A step every certification project passes through, with an elapsed duration.
    public struct Milestone: Hashable, Sendable {
        public var id: String
        public var title: LocalizedText
        public var description: LocalizedText?
        public var phase: String
        /// Elapsed duration in weeks, greater than 0 and at most `maximumWeeks`.
        public var weeks: Double
        /// Actions and milestones that must be done first.
        public var after: [String]

        /// The longest a milestone may take: ten years.
        public static let maximumWeeks = 520.0
    }

    /// One requirement of the standard, paraphrased: what a question must test for the standard to be covered.
    public struct Requirement: Hashable, Sendable {
        public var id: String
        /// The clause that states it; always a clause of the questionnaire.
        public var clause: String
        public var text: LocalizedText
    }

    /// A clause of the standard: a node of the tree, holding sub-clauses and questions.
    public struct Clause: Hashable, Sendable {
        public var id: String
        public var title: LocalizedText
        public var summary: LocalizedText?
        public var weight: Double
        public var clauses: [Clause]
        public var questions: [Question]
    }

    /// One verifiable thing an auditor would ask.
    public struct Question: Hashable, Sendable {
        public var id: String
        public var text: LocalizedText
        public var help: LocalizedText?
        /// The scale's id: the question's own, or the questionnaire's `default_scale`.
        public var scale: String
        public var area: String?
        public var weight: Double
        /// The question tests a requirement of the standard (shown to people as such, never as "mandatory").
        public var mandatory: Bool
        /// The grade of a gap on a requirement question (`gap_finding`, default major).
        public var gapFinding: Grade
        /// The nonconformity group (`nc_group`): by default the id of the clause that directly contains the question.
        public var ncGroup: String
        public var evidence: [LocalizedText]
        public var documents: [String]
        public var actions: [String]
        public var appliesIf: Condition?
        /// Ids of the requirements this question tests.
        public var covers: [String] = []
    }

    /// `applies_if`: the question applies only when another question's answer is one of `values`.
    public struct Condition: Hashable, Sendable {
        public var question: String
        public var values: [String]
    }
}
