/// What a consultancy knows about one engagement beyond the answers: the client, the report's
/// document control, scope, basis and method, the interviews held, the client's documents, the
/// consultant's conclusion, the organisation and plan settings. Read from an engagement file
/// (docs/ENGAGEMENT.md) by `EngagementLoader`.
///
/// Every text may be in one language or several (`{en: …, zh-Hans: …}`).
public struct Engagement: Hashable, Sendable {
    public var questionnaire: String
    public var client = Client()
    public var consultant = Consultant()
    public var report = DocumentControl()
    public var scope = Scope()
    /// The standard, contracts, laws and regulations the diagnosis is based on.
    public var basis: [LocalizedText] = []
    /// Interviews, document review, observation, sampling.
    public var method: [LocalizedText] = []
    public var interviews: [Interview] = []
    public var documentsReviewed: [ReviewedDocument] = []
    public var conclusion = Conclusion()
    public var organisation = Organisation()
    public var plan = PlanSettings()

    public init(questionnaire: String) {
        self.questionnaire = questionnaire
    }

    public struct Client: Hashable, Sendable {
        public var name: LocalizedText?
        public var shortName: LocalizedText?
    }

    public struct Consultant: Hashable, Sendable {
        public var name: LocalizedText?
        public var firm: LocalizedText?
    }

    /// The report's document control block.
    public struct DocumentControl: Hashable, Sendable {
        public var number: String?
        public var version: String?
        public var date: CalendarDate?
        public var preparedBy: LocalizedText?
        public var reviewedBy: LocalizedText?
        public var approvedBy: LocalizedText?
        public var confidentiality: LocalizedText?
    }

    public struct Scope: Hashable, Sendable {
        public var services: [LocalizedText] = []
        public var sites: [LocalizedText] = []
        public var departments: [LocalizedText] = []

        public var isEmpty: Bool { services.isEmpty && sites.isEmpty && departments.isEmpty }
    }

    /// One interview of the schedule.
    public struct Interview: Hashable, Sendable {
        public var date: CalendarDate?
        public var name: LocalizedText?
        public var role: LocalizedText?
        public var department: LocalizedText?
        /// Clause ids of the questionnaire that the interview covered.
        public var clauses: [String] = []
    }

    /// A document of the client's existing system, and what should happen to it.
    public struct ReviewedDocument: Hashable, Sendable {
        public enum Disposition: String, Hashable, Sendable, CaseIterable {
            case keep, revise, merge, retire
        }

        public var id: String
        public var title: LocalizedText?
        public var version: String?
        public var disposition: Disposition?
    }

    /// The consultant's own conclusion; empty parts are derived from the scores.
    public struct Conclusion: Hashable, Sendable {
        public var narrative: LocalizedText?
        public var strengths: [LocalizedText] = []
        public var keyProblems: [LocalizedText] = []
        public var recommendation: LocalizedText?
        public var certificateScope: LocalizedText?
    }

    public struct Organisation: Hashable, Sendable {
        public var steeringGroup: [LocalizedText] = []
        public var managementRepresentative: LocalizedText?
        /// Owner role (as the questionnaire names it) → who carries it at the client.
        public var owners: [String: Assignment] = [:]

        public struct Assignment: Hashable, Sendable {
            public var department: LocalizedText?
            public var person: LocalizedText?
        }

        public var isEmpty: Bool { steeringGroup.isEmpty && managementRepresentative == nil && owners.isEmpty }
    }

    /// Plan settings; command-line flags win over them.
    public struct PlanSettings: Hashable, Sendable {
        public var start: CalendarDate?
        public var capacity: Double?
        public var ownerCapacity: [String: Double] = [:]
        /// Multiplies every action's effort (a larger or smaller organisation than the questionnaire assumes).
        public var effortFactor: Double?
        public var actions: [String: ActionSettings] = [:]

        public struct ActionSettings: Hashable, Sendable {
            public var effort: Double?
            public var owner: String?
        }
    }
}

extension Engagement {
    /// The questionnaire with this engagement's effort factor and action efforts and owners applied.
    public func apply(to questionnaire: Questionnaire) -> Questionnaire {
        var q = questionnaire
        for index in q.actions.indices {
            let id = q.actions[index].id
            if let factor = plan.effortFactor { q.actions[index].effort *= factor }
            if let effort = plan.actions[id]?.effort { q.actions[index].effort = effort }
            if let owner = plan.actions[id]?.owner { q.actions[index].owner = LocalizedText(owner, language: q.defaultLanguage) }
        }
        return q
    }
}
