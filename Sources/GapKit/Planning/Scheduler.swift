/// Places needed actions and milestones on a calendar of weeks (docs/SCORING.md, "Schedule").
///
/// Owners work in parallel, each on one action at a time: phase by phase, in rank order, an action
/// starts once its phase has started, what it comes `after` has ended and its owner is free, and
/// takes effort / its owner's capacity weeks. Milestones start at the beginning of a week, take
/// their own elapsed weeks and use no capacity. Nothing of a phase starts before everything of the
/// earlier phases has ended; a milestone also waits for what it comes `after`.
struct Scheduler {
    var questionnaire: Questionnaire
    var capacity: Plan.Capacity
    var start: CalendarDate

    func schedule(_ actions: inout [Plan.Action], neededIds: Set<String>) -> [Plan.Milestone] {
        var end: [String: Double] = [:]
        var barrier = 0.0
        // When each owner finishes its latest action; actions without an owner share the nil owner.
        var free: [String?: Double] = [:]
        var milestones: [Plan.Milestone] = []
        for phase in questionnaire.phases {
            var phaseEnd = barrier
            for index in actions.indices where actions[index].phase == phase.id {
                let owner = actions[index].owner
                // `after` holds needed actions only; each was placed before this one (rank order respects it).
                let begin = actions[index].after.compactMap { end[$0] }.reduce(max(barrier, free[owner] ?? 0), max)
                let finish = begin + actions[index].effort / capacity.of(owner)
                actions[index].schedule = schedule(from: begin, to: finish)
                end[actions[index].id] = finish
                free[owner] = finish
                phaseEnd = max(phaseEnd, finish)
            }
            // Milestones of the phase in declared order, each once all it waits for is placed.
            var pending = questionnaire.milestones.filter { $0.phase == phase.id }
            while let next = pending.first(where: { $0.after.allSatisfy { end[$0] != nil || !isScheduled($0, neededIds) } }) {
                let after = next.after.filter { isScheduled($0, neededIds) }
                // A milestone (an audit, a review, an operating period) starts on a week boundary.
                let begin = (after.map { end[$0]! }.reduce(barrier, max) - Scorer.tolerance).rounded(.up)
                end[next.id] = begin + next.weeks
                phaseEnd = max(phaseEnd, begin + next.weeks)
                milestones.append(.init(id: next.id, phase: next.phase, weeks: next.weeks, after: after,
                                        schedule: schedule(from: begin, to: begin + next.weeks)))
                pending.removeAll { $0.id == next.id }
            }
            barrier = phaseEnd
        }
        return milestones
    }

    /// Needed actions and all milestones are on the schedule; actions that are not needed are not.
    private func isScheduled(_ id: String, _ neededIds: Set<String>) -> Bool {
        neededIds.contains(id) || questionnaire.milestones.contains { $0.id == id }
    }

    /// Week w (1-based) covers [w−1, w) weeks from the start; an item ending exactly on a week boundary ends in the week before it.
    private func schedule(from begin: Double, to finish: Double) -> Plan.Schedule {
        let startWeek = Int(begin.rounded(.down)) + 1
        let endWeek = max(startWeek, Int(finish.rounded(.up)))
        return Plan.Schedule(start: begin, end: finish, startWeek: startWeek, endWeek: endWeek,
                             startDate: start.adding(days: 7 * (startWeek - 1)), endDate: start.adding(days: 7 * endWeek - 1))
    }
}
