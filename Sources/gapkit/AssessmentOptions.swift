import ArgumentParser
import GapKit

/// The questionnaire and answer files that `score`, `plan` and `assess` read.
struct AssessmentOptions: ParsableArguments {
    @Argument(help: "The questionnaire YAML file.", completion: .file())
    var questionnaire: String

    @Argument(help: "The answer files of the assessment (YAML or JSON), merged when there are several.", completion: .file())
    var answers: [String]

    @Option(help: "How to settle answers that differ between answer files: worst (the lowest score) or latest (the latest 'on' or file date).")
    var prefer: AnswerMerger.Preference?

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
            let answers = try Self.merge(self.answers, questionnaire: questionnaire, prefer: prefer).answers
            guard let engagement else { return (questionnaire, answers, nil) }
            let loaded = try EngagementLoader(questionnaire: questionnaire).load(file: engagement)
            return (loaded.apply(to: questionnaire), answers, loaded)
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            throw report(error)
        }
    }
}

extension AssessmentOptions {
    /// Loads the answer files; several are merged (`AnswerMerger`). Conflicts left unsettled are
    /// printed at every position and end the command with status 65; settled ones are listed as warnings.
    static func merge(_ paths: [String], questionnaire: Questionnaire, prefer: AnswerMerger.Preference?,
                      keepConflicts: Bool = false) throws -> AnswerMerger.Result {
        let loader = AnswerLoader(questionnaire: questionnaire)
        if paths.count == 1 { return AnswerMerger.Result(answers: try loader.load(file: paths[0]), conflicts: []) }
        var files: [(path: String, answers: AnswerSet)] = []
        var failed: ExitCode?
        for path in paths {
            do {
                files.append((path, try loader.load(file: path)))
            } catch {
                failed = failed ?? report(error)  // every file's problems, then the first one's status
            }
        }
        if let failed { throw failed }
        let result = AnswerMerger(questionnaire: questionnaire).merge(files, prefer: prefer)
        if let prefer {
            for conflict in result.conflicts { Terminal.printError(conflict.warning(prefer)) }
        } else if !result.conflicts.isEmpty, !keepConflicts {
            for conflict in result.conflicts { for line in conflict.errors { Terminal.printError(line) } }
            Terminal.printError("\(result.conflicts.count) question\(result.conflicts.count == 1 ? " is" : "s are") answered differently in the answer files.")
            throw ExitStatus.dataError
        }
        return result
    }
}

extension AnswerMerger.Preference: ExpressibleByArgument {}

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
