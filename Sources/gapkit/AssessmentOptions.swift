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

    @Option(help: "An engagement file: client, document control, scope, interviews, documents, plan settings (docs/ENGAGEMENT.md).",
            completion: .file())
    var engagement: String?

    /// Loads and checks the files; a problem is printed and becomes the exit code. The questionnaire
    /// comes back with the engagement's plan settings (efforts, owners) applied.
    func load() throws -> (Questionnaire, AnswerSet, Engagement?) {
        do {
            let questionnaire = try QuestionnaireLoader().load(file: self.questionnaire).questionnaire
            if let lang, !questionnaire.languages.contains(lang) {
                throw ValidationError("--lang \(lang): the questionnaire has texts in \(questionnaire.languages.joined(separator: ", "))")
            }
            let answers = try AnswerLoader(questionnaire: questionnaire).load(file: answers)
            guard let engagement else { return (questionnaire, answers, nil) }
            let loaded = try EngagementLoader(questionnaire: questionnaire).load(file: engagement)
            return (loaded.apply(to: questionnaire), answers, loaded)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw report(error)
        }
    }
}

/// `--capacity` and `--start` of the commands that plan.
struct PlanningOptions: ParsableArguments {
    @Option(help: "Person-days of work per week (0.1 to 10000; default: the engagement's, else 5).")
    var capacity: Double?

    @Option(help: "The first day of week 1, YYYY-MM-DD (default: the answers' date).")
    var start: String?

    func validate() throws {
        if let capacity, !Planner.capacityRange.contains(capacity) {
            throw ValidationError("--capacity must be between \(NumberFormat.days(Planner.capacityRange.lowerBound)) and "
                + "\(NumberFormat.days(Planner.capacityRange.upperBound)) person-days a week, not \(capacity)")
        }
        if let start, CalendarDate(start) == nil { throw ValidationError("--start must be a day written YYYY-MM-DD, not '\(start)'") }
    }

    /// `--capacity`, else the engagement's, else 5 person-days a week.
    func capacity(_ engagement: Engagement?) -> Double { capacity ?? engagement?.plan.capacity ?? 5 }

    /// `--start`, else the engagement's plan start, else the answers' date.
    func startDate(for answers: AnswerSet, _ engagement: Engagement? = nil) throws -> CalendarDate {
        if let start, let date = CalendarDate(start) { return date }
        guard let date = engagement?.plan.start ?? answers.date else {
            throw ValidationError("the answers have no date; give --start YYYY-MM-DD")
        }
        return date
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
