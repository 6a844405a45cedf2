/// The prioritised implementation plan: actions in order, scheduled into weeks, with milestones,
/// projected scores per phase and the status of every required document.
///
/// Computed by `Planner` with the rules of docs/SCORING.md.
public struct Plan: Sendable {
    /// Person-days of work per week, per owner.
    public var capacity: Capacity
    /// The first day of week 1.
    public var start: CalendarDate
    /// Needed actions, in rank order.
    public var actions: [Action]
    /// Every milestone of the questionnaire, in schedule order.
    public var milestones: [Milestone]
    public var phases: [Phase]
    public var documents: [Document]

    /// What each owner gives: person-days of work a week.
    public struct Capacity: Hashable, Sendable {
        /// What every owner gives unless `owners` says otherwise.
        public var `default`: Double
        /// Owner (as `Questionnaire.owner(of:)` names it) → person-days a week.
        public var owners: [String: Double]

        /// `--capacity` when not given: half a person's working week.
        public static let defaultPerOwner = 2.5

        public init(default: Double = Capacity.defaultPerOwner, owners: [String: Double] = [:]) {
            self.default = `default`
            self.owners = owners
        }

        /// The capacity of an owner; actions without an owner share one unnamed owner at the default.
        public func of(_ owner: String?) -> Double { owner.flatMap { owners[$0] } ?? self.default }
    }

    public struct Action: Hashable, Sendable {
        public var id: String
        public var rank: Int
        public var phase: String
        /// Who does it: the action's owner in the default language, trimmed; nil when it has none.
        public var owner: String?
        public var effort: Double
        /// Overall score points the action gains (0…1).
        public var benefit: Double
        /// Severity-weighted gain per person-day.
        public var priority: Double
        /// The open questions that link it.
        public var questions: [String]
        /// The needed actions it waits for.
        public var after: [String]
        public var schedule: Schedule
    }

    public struct Milestone: Hashable, Sendable {
        public var id: String
        public var phase: String
        public var weeks: Double
        /// What it waits for: needed actions and milestones.
        public var after: [String]
        public var schedule: Schedule
    }

    public struct Phase: Hashable, Sendable {
        public var id: String
        /// The overall score once every action up to this phase is done.
        public var projectedScore: Double?
        /// Person-days of the needed actions of this phase.
        public var effort: Double
    }

    public struct Document: Hashable, Sendable {
        public enum Status: String, Sendable {
            case missing, partial, ok, unknown
        }

        public var id: String
        /// Required by the standard (true) or recommended practice (false).
        public var required: Bool
        public var status: Status
        /// Needed actions that write or revise it, in rank order.
        public var actions: [String]
    }

    /// When something happens, in weeks from `start`: fractional times and the 1-based calendar weeks they fall in.
    public struct Schedule: Hashable, Sendable {
        public var start: Double
        public var end: Double
        public var startWeek: Int
        public var endWeek: Int
        public var startDate: CalendarDate
        public var endDate: CalendarDate
    }

    /// The named owners of the plan's actions, in the rank order of their first action.
    public var owners: [String] {
        var seen = Set<String>()
        return actions.compactMap(\.owner).filter { seen.insert($0).inserted }
    }

    public var totalEffort: Double { actions.reduce(0) { $0 + $1.effort } }

    /// The last week in which anything of the plan happens (0 for an empty plan).
    public var weeks: Int {
        (actions.map(\.schedule.endWeek) + milestones.map(\.schedule.endWeek)).max() ?? 0
    }
}
