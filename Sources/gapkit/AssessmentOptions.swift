import ArgumentParser
import Foundation
import GapKit

/// The questionnaire and answer files that `score`, `plan` and `assess` read.
struct AssessmentOptions: ParsableArguments {
    @Argument(help: "The questionnaire YAML file.", completion: .yamlFile)
    var questionnaire: String

    @Argument(help: "The answer files of the assessment (YAML or JSON), merged when there are several.", completion: .answerFile)
    var answers: [String]

    @Option(help: "How to settle answers that differ between answer files: worst (the lowest score) or latest (the latest 'on' or file date).")
    var prefer: AnswerMerger.Preference?

    @Option(help: "Language of the texts (default: the questionnaire's first language).", completion: .languages)
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

/// `--capacity`, `--owner-capacity` and `--start` of the commands that plan.
struct PlanningOptions: ParsableArguments {
    @Option(help: "Person-days of work per week each owner gives (0.1 to 10000; default: the engagement's, else 2.5).")
    var capacity: Double?

    @Option(name: .customLong("owner-capacity"),
            help: ArgumentHelp("Person-days a week of one owner, as ROLE=N (repeatable); ROLE is an action owner of the questionnaire.",
                               valueName: "ROLE=N"))
    var ownerCapacity: [String] = []

    @Option(help: "The first day of week 1, YYYY-MM-DD (default: the answers' date).")
    var start: String?

    func validate() throws {
        if let capacity { try Self.checkRange(capacity, "--capacity") }
        _ = try ownerCapacities()
        if let start, CalendarDate(start) == nil { throw ValidationError("--start must be a day written YYYY-MM-DD, not '\(start)'") }
    }

    private static func checkRange(_ value: Double, _ what: String) throws {
        guard value >= Planner.capacityRange.lowerBound, value <= Planner.capacityRange.upperBound else {
            throw ValidationError("\(what) must be between \(NumberFormat.days(Planner.capacityRange.lowerBound)) and "
                + "\(NumberFormat.days(Planner.capacityRange.upperBound)) person-days a week, not \(value)")
        }
    }

    /// `--owner-capacity` as written: (role, person-days a week), each checked for form and range.
    private func ownerCapacities() throws -> [(role: String, capacity: Double)] {
        try ownerCapacity.map { text in
            guard let equals = text.lastIndex(of: "="),
                  case let role = text[..<equals].trimmingCharacters(in: .whitespaces), !role.isEmpty,
                  let value = Double(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw ValidationError("--owner-capacity must be ROLE=N (an action owner and person-days a week), not '\(text)'")
            }
            try Self.checkRange(value, "--owner-capacity \(role)")
            return (role, value)
        }
    }

    /// Owner → person-days a week, the roles resolved against the questionnaire's owners.
    func ownerCapacities(for questionnaire: Questionnaire) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for (role, capacity) in try ownerCapacities() {
            guard let owner = questionnaire.owner(named: role) else {
                let hint = Suggestion.closest(to: role, in: questionnaire.owners).map { "; did you mean '\($0)'?" }
                    ?? " (owners: \(questionnaire.owners.joined(separator: ", ")))"
                throw ValidationError("--owner-capacity: no action of the questionnaire is owned by '\(role)'\(hint)")
            }
            guard result[owner] == nil else { throw ValidationError("--owner-capacity gives '\(owner)' twice") }
            result[owner] = capacity
        }
        return result
    }

    /// The planner of these options: flags win over the engagement's plan settings, which win over
    /// the defaults (2.5 person-days a week for every owner, the answers' date).
    func planner(_ questionnaire: Questionnaire, answers: AnswerSet, engagement: Engagement?) throws -> Planner {
        let owners = (engagement?.plan.ownerCapacity ?? [:]).merging(try ownerCapacities(for: questionnaire)) { _, flag in flag }
        return Planner(questionnaire, capacity: capacity ?? engagement?.plan.capacity ?? Plan.Capacity.defaultPerOwner,
                       ownerCapacities: owners, start: try startDate(for: answers, engagement))
    }

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
