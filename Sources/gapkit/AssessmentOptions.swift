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

/// `--capacity`, `--owner-capacity` and `--start` of the commands that plan.
struct PlanningOptions: ParsableArguments {
    @Option(help: "Person-days of work per week each owner gives (0.1 to 10000).")
    var capacity: Double = Plan.Capacity.defaultPerOwner

    @Option(name: .customLong("owner-capacity"),
            help: ArgumentHelp("Person-days a week of one owner, as ROLE=N (repeatable); ROLE is an action owner of the questionnaire.",
                               valueName: "ROLE=N"))
    var ownerCapacity: [String] = []

    @Option(help: "The first day of week 1, YYYY-MM-DD (default: the answers' date).")
    var start: String?

    func validate() throws {
        try Self.checkRange(capacity, "--capacity")
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

    /// The planner of these options.
    func planner(_ questionnaire: Questionnaire, answers: AnswerSet) throws -> Planner {
        Planner(questionnaire, capacity: capacity, ownerCapacities: try ownerCapacities(for: questionnaire),
                start: try startDate(for: answers))
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
