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

    /// One action at a time in rank order at the capacity; each phase starts once the earlier ones
    /// have ended; weeks and dates follow from the times.
    @Test(arguments: seeds)
    func theScheduleFollowsCapacityPhasesAndTheWeekRule(seed: UInt64) {
        let capacity = Double(seed % 9 + 1)
        let start = CalendarDate("2026-11-20")!
        let plan = Planner(questionnaire, capacity: capacity, start: start)
            .plan(Scorer(questionnaire).score(ScoringPropertyTests.randomAnswers(seed: seed)))
        var previousEnd = 0.0
        for action in plan.actions {
            #expect(action.schedule.start >= previousEnd - 1e-9, "\(action.id) overlaps the action before it")
            #expect(abs(action.schedule.end - action.schedule.start - action.effort / capacity) < 1e-9)
            previousEnd = action.schedule.end
        }
        let items = plan.actions.map { ($0.phase, $0.schedule) } + plan.milestones.map { ($0.phase, $0.schedule) }
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
}
