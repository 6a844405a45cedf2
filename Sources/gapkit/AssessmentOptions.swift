import ArgumentParser
import Foundation
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
