import Testing
@testable import GapKit

/// Properties of the plan and its schedule (docs/SCORING.md), over the shipped questionnaire and
/// seeded random answers.
@Suite struct PlanPropertyTests {
    static let questionnaire = ScoringPropertyTests.questionnaire
    var questionnaire: Questionnaire { Self.questionnaire }
    static let seeds = ScoringPropertyTests.seeds

    @Test(arguments: seeds)
    func thePlanNeverPutsAnActionBeforeOneItDependsOn(seed: UInt64) {
        let a = Scorer(questionnaire).score(ScoringPropertyTests.randomAnswers(seed: seed))
        let plan = Planner(questionnaire, capacity: Double(seed % 7 + 1), start: CalendarDate("2026-11-20")!).plan(a)
        let byId = Dictionary(uniqueKeysWithValues: plan.actions.map { ($0.id, $0) })
        let phase = { (id: String) in questionnaire.phaseIndex(id)! }
        for action in plan.actions {
            for dependency in questionnaire.action(action.id)!.after {
                guard let before = byId[dependency] else { continue }
                #expect(before.rank < action.rank, "\(dependency) must come before \(action.id)")
                #expect(before.schedule.end <= action.schedule.start)
            }
        }
        #expect(plan.actions.map { phase($0.phase) } == plan.actions.map { phase($0.phase) }.sorted())
        let ends = Dictionary(uniqueKeysWithValues: plan.actions.map { ($0.id, $0.schedule.end) } + plan.milestones.map { ($0.id, $0.schedule.end) })
        for milestone in plan.milestones {
            #expect(milestone.after.allSatisfy { ends[$0]! <= milestone.schedule.start })
        }
        #expect(plan.milestones.count == questionnaire.milestones.count)
    }

    /// The questionnaire with its owners replaced: each action gets one of `roles` at random (or none).
    static func withRandomOwners(seed: UInt64, roles: [String?]) -> Questionnaire {
        var random = SeededGenerator(seed: seed &+ 5000)
        var questionnaire = Self.questionnaire
        for index in questionnaire.actions.indices {
            questionnaire.actions[index].owner = roles.randomElement(using: &random)!.map { LocalizedText($0, language: "en") }
        }
        return questionnaire
    }

    /// Each owner works on one action at a time at its own capacity; every action starts at or after
    /// its phase's start and the end of what it comes after; weeks and dates follow from the times.
    @Test(arguments: seeds)
    func ownersWorkInParallelButEachOnOneActionAtATime(seed: UInt64) {
        let questionnaire = Self.withRandomOwners(seed: seed, roles: ["Service manager", "Quality manager", " Quality manager ", "CIO", nil])
        let capacities = ["Service manager": Double(seed % 4 + 1), "CIO": 0.5]
        let start = CalendarDate("2026-11-20")!
        let plan = Planner(questionnaire, capacity: 2.5, ownerCapacities: capacities, start: start)
            .plan(Scorer(questionnaire).score(ScoringPropertyTests.randomAnswers(seed: seed)))
        for (owner, actions) in Dictionary(grouping: plan.actions, by: \.owner) {
            let sorted = actions.sorted { $0.schedule.start < $1.schedule.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(a.schedule.end <= b.schedule.start + 1e-9, "\(owner ?? "no owner") runs \(a.id) and \(b.id) at once")
            }
        }
        #expect(Set(plan.actions.compactMap(\.owner)).isSubset(of: ["Service manager", "Quality manager", "CIO"]))
        let phaseStart = Dictionary(grouping: plan.actions.map { ($0.phase, $0.schedule.start) } + plan.milestones.map { ($0.phase, $0.schedule.start) },
                                    by: \.0).mapValues { $0.map(\.1).min()! }
        let items = plan.actions.map { ($0.phase, $0.schedule) } + plan.milestones.map { ($0.phase, $0.schedule) }
        let byId = Dictionary(uniqueKeysWithValues: plan.actions.map { ($0.id, $0) })
        for action in plan.actions {
            #expect(abs(action.schedule.end - action.schedule.start - action.effort / (capacities[action.owner ?? ""] ?? 2.5)) < 1e-9)
            #expect(action.after.allSatisfy { byId[$0]!.schedule.end <= action.schedule.start + 1e-9 }, "\(action.id) starts before what it comes after ends")
            #expect(action.schedule.start >= phaseStart[action.phase]! - 1e-9)
        }
        for (phase, schedule) in items {
            let index = questionnaire.phaseIndex(phase)!
            let earlier = items.filter { questionnaire.phaseIndex($0.0)! < index }
            #expect(earlier.allSatisfy { $0.1.end <= schedule.start + 1e-9 }, "something of \(phase) starts before an earlier phase ends")
        }
        for (_, schedule) in items {
            #expect(schedule.startWeek == Int(schedule.start.rounded(.down)) + 1)
            #expect(schedule.endWeek == max(schedule.startWeek, Int(schedule.end.rounded(.up))))
            #expect(schedule.startDate == start.adding(days: 7 * (schedule.startWeek - 1)))
            #expect(schedule.endDate == start.adding(days: 7 * schedule.endWeek - 1))
        }
        for milestone in plan.milestones {
            #expect(abs(milestone.schedule.end - milestone.schedule.start - milestone.weeks) < 1e-9)
            #expect(milestone.schedule.start == milestone.schedule.start.rounded(), "\(milestone.id) starts on a week boundary")
        }
    }

    /// With one owner for every action (the same named one, or none) the schedule is exactly GapKit 1's.
    @Test(arguments: seeds)
    func oneOwnerGivesTheScheduleOfVersion1(seed: UInt64) {
        let capacity = Double(seed % 9 + 1) / 2
        let roles: [String?] = seed % 2 == 0 ? [nil] : ["Project manager"]
        let questionnaire = Self.withRandomOwners(seed: seed, roles: roles)
        let start = CalendarDate("2026-11-20")!
        let plan = Planner(questionnaire, capacity: capacity, start: start)
            .plan(Scorer(questionnaire).score(ScoringPropertyTests.randomAnswers(seed: seed)))
        let expected = Version1Schedule(questionnaire: questionnaire, capacity: capacity).times(plan)
        #expect(plan.actions.map { [$0.schedule.start, $0.schedule.end] } == expected.actions)
        #expect(plan.milestones.map { [$0.schedule.start, $0.schedule.end] } == expected.milestones)
    }
}

/// GapKit 1's schedule, as docs/SCORING.md gave it: one action at a time in rank order at the
/// capacity; milestones from the first week boundary after what they wait for; phases in order.
struct Version1Schedule {
    var questionnaire: Questionnaire
    var capacity: Double

    func times(_ plan: Plan) -> (actions: [[Double]], milestones: [[Double]]) {
        var end: [String: Double] = [:], actions: [[Double]] = [], milestones: [[Double]] = []
        var barrier = 0.0, cursor = 0.0
        let needed = Set(plan.actions.map(\.id)), milestoneIds = Set(questionnaire.milestones.map(\.id))
        for phase in questionnaire.phases {
            var phaseEnd = barrier
            cursor = max(cursor, barrier)
            for action in plan.actions where action.phase == phase.id {
                let begin = cursor
                cursor += action.effort / capacity
                actions.append([begin, cursor])
                end[action.id] = cursor
                phaseEnd = max(phaseEnd, cursor)
            }
            var pending = questionnaire.milestones.filter { $0.phase == phase.id }
            while let next = pending.first(where: { $0.after.allSatisfy { end[$0] != nil || !(needed.contains($0) || milestoneIds.contains($0)) } }) {
                let after = next.after.filter { needed.contains($0) || milestoneIds.contains($0) }
                let begin = (after.map { end[$0]! }.reduce(barrier, max) - 1e-9).rounded(.up)
                end[next.id] = begin + next.weeks
                phaseEnd = max(phaseEnd, begin + next.weeks)
                milestones.append([begin, begin + next.weeks])
                pending.removeAll { $0.id == next.id }
            }
            barrier = phaseEnd
        }
        return (actions, milestones)
    }
}
