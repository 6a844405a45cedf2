import ArgumentParser
import GapKit

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The prioritised implementation plan: actions by phase, scheduled into weeks, with milestones and documents.",
        discussion: "The rules are in docs/SCORING.md. JSON numbers are unrounded; text rounds for people."
    )

    @OptionGroup var input: AssessmentOptions
    @OptionGroup var planning: PlanningOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let (questionnaire, answers, engagement) = try input.load()
        let assessment = Scorer(questionnaire).score(answers)
        let plan = try planning.planner(questionnaire, answers: answers, engagement: engagement).plan(assessment)
        switch format {
        case .text: print(PlanText(questionnaire, plan, language: input.lang).render(), terminator: "")
        case .json: print(JSONWriter().string(plan.json), terminator: "")
        }
    }
}
