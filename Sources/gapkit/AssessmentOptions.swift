import ArgumentParser
import GapKit

/// The questionnaire and answer file that `score`, `plan` and `assess` read.
struct AssessmentOptions: ParsableArguments {
    @Argument(help: "The questionnaire YAML file.")
    var questionnaire: String

    @Argument(help: "The answer file (YAML or JSON).")
    var answers: String

    @Option(help: "Language of the texts (default: the questionnaire's first language).")
    var lang: String?

    /// Loads and checks both files; a problem is printed and becomes the exit code.
    func load() throws -> (Questionnaire, AnswerSet) {
        do {
            let questionnaire = try QuestionnaireLoader().load(file: self.questionnaire).questionnaire
            if let lang, !questionnaire.languages.contains(lang) {
                throw ValidationError("--lang \(lang): the questionnaire has texts in \(questionnaire.languages.joined(separator: ", "))")
            }
            return (questionnaire, try AnswerLoader(questionnaire: questionnaire).load(file: answers))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw report(error)
        }
    }
}

/// `--capacity` and `--start` of the commands that plan.
struct PlanningOptions: ParsableArguments {
    @Option(help: "Person-days of work per week (0.1 to 10000).")
    var capacity: Double = 5

    @Option(help: "The first day of week 1, YYYY-MM-DD (default: the answers' date).")
    var start: String?

    func validate() throws {
        guard capacity >= Planner.capacityRange.lowerBound, capacity <= Planner.capacityRange.upperBound else {
            throw ValidationError("--capacity must be between \(NumberFormat.days(Planner.capacityRange.lowerBound)) and "
                + "\(NumberFormat.days(Planner.capacityRange.upperBound)) person-days a week, not \(capacity)")
        }
        if let start, CalendarDate(start) == nil { throw ValidationError("--start must be a day written YYYY-MM-DD, not '\(start)'") }
    }

    func startDate(for answers: AnswerSet) throws -> CalendarDate {
        if let start, let date = CalendarDate(start) { return date }
        guard let date = answers.date else { throw ValidationError("the answers have no date; give --start YYYY-MM-DD") }
        return date
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
