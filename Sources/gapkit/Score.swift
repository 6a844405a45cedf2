import ArgumentParser
import GapKit

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score answers: per requirement area and clause, with findings and a readiness verdict.",
        discussion: "The rules are in docs/SCORING.md. JSON numbers are unrounded; text rounds for people."
    )

    @OptionGroup var input: AssessmentOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let (questionnaire, answers, _) = try input.load()
        let assessment = Scorer(questionnaire).score(answers)
        switch format {
        case .text: print(AssessmentText(questionnaire, assessment, answers, language: input.lang).render(), terminator: "")
        case .json: print(JSONWriter().string(assessment.json), terminator: "")
        }
    }
}
