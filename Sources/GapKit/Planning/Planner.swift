/// Turns an assessment into a prioritised, scheduled implementation plan (docs/SCORING.md, "Plan rules").
public struct Planner: Sendable {
    public var questionnaire: Questionnaire
    /// Person-days of work per week of each owner, each in `capacityRange`.
    public var capacity: Plan.Capacity
    /// Capacities a plan can be made with: with at most 10,000 person-days an action
    /// (`Questionnaire.Action.maximumEffort`), every week number stays a small integer.
    public static let capacityRange = 0.1...10_000.0
    public var start: CalendarDate

    /// - Parameters:
    ///   - capacity: person-days a week every owner gives.
    ///   - ownerCapacities: person-days a week of particular owners (as `Questionnaire.owner(of:)` names them).
    public init(_ questionnaire: Questionnaire, capacity: Double = Plan.Capacity.defaultPerOwner,
                ownerCapacities: [String: Double] = [:], start: CalendarDate) {
        self.questionnaire = questionnaire
        self.capacity = Plan.Capacity(default: capacity, owners: ownerCapacities)
        self.start = start
    }

    public func plan(_ assessment: Assessment) -> Plan {
        let questions = questionnaire.questionIndex
        let total = assessment.overall.weight
        let open = assessment.questions.filter(\.isOpen)

        // benefit(a) and priority(a): each open question spreads its gap evenly over the actions it links.
        var benefit: [String: Double] = [:], severity: [String: Double] = [:], linkedBy: [String: [String]] = [:]
        for result in open {
            guard let links = questions[result.id]?.actions, !links.isEmpty, let score = result.score else { continue }
            let gap = result.weight * (1 - score) / Double(links.count) / total
            let multiplier = Self.severity(result, in: assessment)
            for action in links {
                benefit[action, default: 0] += gap
                severity[action, default: 0] += gap * multiplier
                linkedBy[action, default: []].append(result.id)
            }
        }
        let needed = questionnaire.actions.filter { benefit[$0.id] != nil }
        let neededIds = Set(needed.map(\.id))
        let ordered = order(needed, priority: { severity[$0.id]! / $0.effort }, neededIds: neededIds)

        var actions = ordered.enumerated().map { index, action in
            Plan.Action(id: action.id, rank: index + 1, phase: action.phase, owner: questionnaire.owner(of: action), effort: action.effort,
                        benefit: benefit[action.id]!, priority: severity[action.id]! / action.effort,
                        questions: linkedBy[action.id]!, after: action.after.filter(neededIds.contains),
                        schedule: .init(start: 0, end: 0, startWeek: 1, endWeek: 1, startDate: start, endDate: start))
        }
        let milestones = Scheduler(questionnaire: questionnaire, capacity: capacity, start: start).schedule(&actions, neededIds: neededIds)
        // Every owner of the plan, with what it gives (an owner with no action here is left out).
        let owners = Dictionary(actions.compactMap(\.owner).map { ($0, capacity.of($0)) }, uniquingKeysWith: { a, _ in a })
        return Plan(capacity: .init(default: capacity.default, owners: owners), start: start, actions: actions, milestones: milestones,
                    phases: phases(assessment, actions: actions, questions: questions),
                    documents: documents(assessment, actions: actions))
    }

    /// m(q): 3 for a question of a major nonconformity, 2 of a minor one, 1 for an observation.
    static func severity(_ result: Assessment.QuestionResult, in assessment: Assessment) -> Double {
        guard let id = result.nonconformity, let nonconformity = assessment.nonconformities.first(where: { $0.id == id }) else { return 1 }
        return nonconformity.grade == .major ? 3 : 2
    }

    /// Phases in declared order; within a phase, repeatedly the ready action with the highest priority, ties by id.
    /// An action is ready when every needed action it comes `after` is taken; links to actions not needed are dropped.
    private func order(_ needed: [Questionnaire.Action], priority: (Questionnaire.Action) -> Double,
                       neededIds: Set<String>) -> [Questionnaire.Action] {
        var done = Set<String>(), result: [Questionnaire.Action] = []
        for phase in questionnaire.phases {
            var pending = needed.filter { $0.phase == phase.id }
            while !pending.isEmpty {
                let ready = pending.filter { $0.after.allSatisfy { !neededIds.contains($0) || done.contains($0) } }
                // Validation rules out cycles and links to later phases, so some action is always ready.
                guard let next = ready.max(by: { a, b in
                    let (pa, pb) = (priority(a), priority(b))
                    return Scorer.same(pa, pb) ? a.id > b.id : pa < pb
                }) else { break }
                result.append(next)
                done.insert(next.id)
                pending.removeAll { $0.id == next.id }
            }
        }
        return result
    }

    /// Projected score per phase: open questions whose actions all lie in this phase or earlier count as fully met.
    private func phases(_ assessment: Assessment, actions: [Plan.Action],
                        questions: [String: Questionnaire.Question]) -> [Plan.Phase] {
        let phaseIndex = Dictionary(questionnaire.actions.map { ($0.id, questionnaire.phaseIndex($0.phase) ?? 0) },
                                    uniquingKeysWith: { a, _ in a })
        return questionnaire.phases.enumerated().map { index, phase in
            var weighted = 0.0, weight = 0.0
            for result in assessment.questions {
                guard let score = result.score else { continue }
                let links = questions[result.id]?.actions ?? []
                let closed = result.isOpen && !links.isEmpty && links.allSatisfy { (phaseIndex[$0] ?? .max) <= index }
                weighted += result.weight * (closed ? 1 : score)
                weight += result.weight
            }
            return Plan.Phase(id: phase.id, projectedScore: weight > 0 ? weighted / weight : nil,
                              effort: actions.filter { $0.phase == phase.id }.reduce(0) { $0 + $1.effort })
        }
    }

    /// missing if a question checking the document is a gap, else partial if one is partial, else ok if one is answered.
    private func documents(_ assessment: Assessment, actions: [Plan.Action]) -> [Plan.Document] {
        var statuses: [String: [Assessment.Status]] = [:]
        let questions = questionnaire.questionIndex
        for result in assessment.questions {
            for document in questions[result.id]?.documents ?? [] { statuses[document, default: []].append(result.status) }
        }
        let writers = Dictionary(questionnaire.actions.map { ($0.id, $0.documents) }, uniquingKeysWith: { a, _ in a })
        return questionnaire.documents.map { document in
            let seen = statuses[document.id] ?? []
            let status: Plan.Document.Status = seen.contains(.gap) ? .missing : seen.contains(.partial) ? .partial
                : seen.contains(.compliant) ? .ok : .unknown
            return Plan.Document(id: document.id, required: document.required, status: status,
                                 actions: actions.filter { writers[$0.id]?.contains(document.id) == true }.map(\.id))
        }
    }
}
