import Foundation

/// A walk through a questionnaire's questions, one typed line at a time, as in an interview.
///
/// The session only turns lines into output and changes to the answers; the `gapkit ask`
/// command reads the terminal, saves after every change and handles signals.
public struct InterviewSession: Sendable {
    /// What one line of input did.
    public struct Outcome: Sendable {
        public var output: String
        /// The question whose answer, note or evidence changed: the file must be saved.
        public var changed: String?
        /// The walk is over (quit, or nothing left to ask).
        public var finished: Bool
    }

    enum Mode: Sendable { case command, note, evidence }

    public let questionnaire: Questionnaire
    public internal(set) var answers: AnswerSet
    public let view: InterviewView
    /// The questions in scope, depth first.
    let walk: [Questionnaire.Question]
    let clauseOf: [String: Questionnaire.Clause]
    let scope: Questionnaire.Clause?
    var position = 0
    var mode = Mode.command

    /// The clause that `--clause` names does not exist.
    public struct UnknownClause: Error, Sendable {
        public var id: String
        public var suggestion: String?
    }

    public init(questionnaire: Questionnaire, answers: AnswerSet, clause: String? = nil, view: InterviewView) throws(UnknownClause) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.view = view
        var clauseOf: [String: Questionnaire.Clause] = [:]
        for leaf in questionnaire.allClauses { for question in leaf.questions { clauseOf[question.id] = leaf } }
        self.clauseOf = clauseOf
        if let clause {
            guard let found = questionnaire.allClauses.first(where: { $0.id == clause }) else {
                throw UnknownClause(id: clause, suggestion: Suggestion.closest(to: clause, in: questionnaire.allClauses.map(\.id)))
            }
            scope = found
            walk = found.allQuestions
        } else {
            scope = nil
            walk = questionnaire.allQuestions
        }
    }

    public var prompt: String {
        switch mode {
        case .command: return "> "
        case .note: return "note> "
        case .evidence: return "evidence> "
        }
    }

    var current: Questionnaire.Question? { walk.indices.contains(position) ? walk[position] : nil }

    /// Opens at the first unanswered question in scope.
    public mutating func start() -> Outcome {
        let hint = view.styled("Type an option's value or number. ? help · n note · e evidence · s skip · b back · g CLAUSE jump · l list · q quit", .dim)
        position = -1
        var output = hint + "\n"
        guard let next = nextUnanswered(after: -1, output: &output) else {
            position = walk.count
            return Outcome(output: output + allAnswered(), changed: nil, finished: false)
        }
        position = next
        return Outcome(output: output + screen(), changed: nil, finished: false)
    }

    /// Handles one line: an answer, a command, or the text of a note or evidence.
    public mutating func handle(_ line: String) -> Outcome {
        let input = line.trimmingCharacters(in: .whitespaces)
        guard let question = current else { return handleAfterTheWalk(input) }
        switch mode {
        case .note, .evidence:
            let wasNote = mode == .note
            mode = .command
            guard !input.isEmpty else { return again("Nothing recorded.") }
            var answer = answers[question.id] ?? Answer(question: question.id, value: nil)
            if wasNote { answer.note = input } else { answer.evidence.append(input) }
            answers.set(answer)
            return Outcome(output: view.styled(wasNote ? "Note saved." : "Evidence saved.", .answer) + "\n" + screen(),
                           changed: question.id, finished: false)
        case .command:
            break
        }
        let scale = questionnaire.scale(question.scale)
        if let value = answerValue(input, scale: scale) { return record(value, for: question) }
        let (command, argument) = Self.split(input)
        switch command {
        case "":
            return again("Type an answer, or ? for help.")
        case "?", "h", "help":
            return Outcome(output: help(question) + "\n" + screen(), changed: nil, finished: false)
        case "n", "e":
            mode = command == "n" ? .note : .evidence
            // Inline text (`n Policy drafted`) is recorded at once, as if typed on the next line.
            if let argument { return handle(argument) }
            let what = command == "n" ? "the note (it replaces the current one)" : "one piece of evidence"
            return Outcome(output: "Type \(what), then Enter; an empty line cancels.\n", changed: nil, finished: false)
        case "s":
            return move(from: position, skipped: true)
        case "b":
            guard let previous = previousApplicable(before: position) else { return again("This is the first question.") }
            position = previous
            return Outcome(output: screen(), changed: nil, finished: false)
        case "g":
            return jump(to: argument)
        case "l":
            return Outcome(output: list() + screen(), changed: nil, finished: false)
        case "q":
            return Outcome(output: "", changed: nil, finished: true)
        default:
            let options = (scale?.options.map(\.value) ?? []) + (scale?.allowNA == true ? ["na"] : [])
            return again("'\(input)' is not an answer here. Answers: \(options.joined(separator: ", ")) or 1–\(options.count).")
        }
    }

    /// An option's value wins over its number (on a 0–5 scale, `3` is the value "3"); then `na`; then a number 1…n.
    func answerValue(_ input: String, scale: Questionnaire.Scale?) -> Answer.Value? {
        guard let scale, !input.isEmpty else { return nil }
        if let option = scale.options.first(where: { $0.value == input })
            ?? scale.options.first(where: { $0.value.lowercased() == input.lowercased() }) {
            return .option(option.value)
        }
        if input.lowercased() == "na", scale.allowNA { return .notApplicable }
        if let number = Int(input) {
            if (1...scale.options.count).contains(number) { return .option(scale.options[number - 1].value) }
            if scale.allowNA, number == scale.options.count + 1 { return .notApplicable }
        }
        return nil
    }

    private mutating func record(_ value: Answer.Value, for question: Questionnaire.Question) -> Outcome {
        var answer = answers[question.id] ?? Answer(question: question.id, value: nil)
        answer.value = value
        answers.set(answer)
        var outcome = move(from: position, skipped: false)
        outcome.output = view.styled("✓ \(question.id): \(label(value, question))", .answer) + "\n" + outcome.output
        outcome.changed = question.id
        return outcome
    }

    private mutating func move(from index: Int, skipped: Bool) -> Outcome {
        var output = ""
        guard let next = nextUnanswered(after: index, output: &output) else {
            position = walk.count
            return Outcome(output: output + allAnswered(), changed: nil, finished: false)
        }
        position = next
        return Outcome(output: output + screen(), changed: nil, finished: false)
    }

    /// Past the last question the session waits: answers can still be revised until `q` or the end of input.
    private mutating func handleAfterTheWalk(_ input: String) -> Outcome {
        mode = .command
        let (command, argument) = Self.split(input)
        switch command {
        case "b":
            guard let previous = previousApplicable(before: position) else { return Outcome(output: allAnswered(), changed: nil, finished: false) }
            position = previous
            return Outcome(output: screen(), changed: nil, finished: false)
        case "g":
            return jump(to: argument)
        case "l":
            return Outcome(output: list() + allAnswered(), changed: nil, finished: false)
        case "q":
            return Outcome(output: "", changed: nil, finished: true)
        default:
            return Outcome(output: allAnswered(), changed: nil, finished: false)
        }
    }

    /// What is shown past the last question.
    func allAnswered() -> String {
        "\n" + view.wrap("Every question in scope is answered or skipped. To change an answer type b (back) or g CLAUSE (jump); l lists the clauses; q finishes.") + "\n"
    }

    private mutating func jump(to id: String?) -> Outcome {
        guard let id, !id.isEmpty else { return again("Type g and a clause id, e.g. g 8.5.1.") }
        let candidates = (scope.map { [$0] + Self.descendants($0) } ?? questionnaire.allClauses)
        guard let clause = candidates.first(where: { $0.id == id }) else {
            let hint = Suggestion.closest(to: id, in: candidates.map(\.id)).map { " Did you mean \($0)?" } ?? ""
            return again("There is no clause '\(id)' here.\(hint) Type l to list the clauses.")
        }
        let ids = Set(clause.allQuestions.map(\.id))
        guard let target = walk.indices.first(where: { ids.contains(walk[$0].id) && applies(walk[$0]) }) else {
            return again("Clause \(id) has no question that applies.")
        }
        position = target
        return Outcome(output: screen(), changed: nil, finished: false)
    }

    private static func descendants(_ clause: Questionnaire.Clause) -> [Questionnaire.Clause] {
        clause.clauses.flatMap { [$0] + descendants($0) }
    }

    private func again(_ hint: String) -> Outcome {
        Outcome(output: view.styled(hint, .warning) + "\n" + screen(), changed: nil, finished: false)
    }

    static func split(_ input: String) -> (String, String?) {
        guard let space = input.firstIndex(of: " ") else { return (input.lowercased(), nil) }
        let rest = input[space...].trimmingCharacters(in: .whitespaces)
        return (input[..<space].lowercased(), rest.isEmpty ? nil : rest)
    }

    // MARK: Walking

    /// Whether `applies_if` lets the question be asked, given the answers so far.
    func applies(_ question: Questionnaire.Question) -> Bool {
        guard let condition = question.appliesIf, let value = answers[condition.question]?.value else { return true }
        return condition.values.contains(value.description)
    }

    /// The next question after `index` that applies and has no answer; says which ones it skips.
    private func nextUnanswered(after index: Int, output: inout String) -> Int? {
        var i = index + 1
        while i < walk.count {
            let question = walk[i]
            if !applies(question), let condition = question.appliesIf {
                let given = answers[condition.question]?.value?.description ?? ""
                output += view.styled("\(question.id) does not apply (only if \(condition.question) is \(condition.values.joined(separator: " or ")); it is \(given)): skipped.", .dim) + "\n"
            } else if answers[question.id]?.value == nil {
                return i
            }
            i += 1
        }
        return nil
    }

    private func previousApplicable(before index: Int) -> Int? {
        var i = min(index, walk.count) - 1
        while i >= 0 {
            if applies(walk[i]) { return i }
            i -= 1
        }
        return nil
    }

    // MARK: Text

    func text(_ text: LocalizedText?) -> String { text.map { questionnaire.text($0, view.language) } ?? "" }

    func label(_ value: Answer.Value, _ question: Questionnaire.Question) -> String {
        guard case .option(let option) = value else { return "na (not applicable)" }
        let label = text(questionnaire.scale(question.scale)?.option(option)?.label)
        return label.isEmpty || label == option ? option : "\(option) (\(label))"
    }

    /// The question as it is shown: progress, clause, text, options and the current answer.
    func screen() -> String {
        guard let question = current else { return "" }
        let clause = clauseOf[question.id]
        let progress = "[\(position + 1)/\(walk.count)] \(NumberFormat.percent(Double(position + 1) / Double(walk.count), decimals: 0))"
        var out = "\n" + view.styled(progress, .dim) + "  " + view.styled("\(clause?.id ?? "") \(text(clause?.title))", .clause) + "\n"
        let mandatory = question.mandatory ? view.styled(" (mandatory)", .dim) : ""
        out += view.wrap(view.styled(question.id, .bold) + "  " + text(question.text)) + mandatory + "\n"
        if let scale = questionnaire.scale(question.scale) {
            let answer = answers[question.id]
            let width = scale.options.map { TerminalWidth.of($0.value) }.max() ?? 1
            for (index, option) in scale.options.enumerated() {
                let chosen = answer?.value == .option(option.value)
                let line = "  \(index + 1)) \(TerminalWidth.padRight(option.value, to: width))  \(text(option.label))"
                out += (chosen ? view.styled(line + "  ◀", .answer) : line) + "\n"
            }
            if scale.allowNA {
                let line = "  \(scale.options.count + 1)) \(TerminalWidth.padRight("na", to: width))  not applicable"
                out += (answer?.value == .notApplicable ? view.styled(line + "  ◀", .answer) : line) + "\n"
            }
            if let answer {
                var facts: [String] = []
                if let value = answer.value { facts.append("answer \(label(value, question))") }
                if let note = answer.note { facts.append("note: \(note)") }
                if !answer.evidence.isEmpty { facts.append("evidence: \(answer.evidence.joined(separator: "; "))") }
                if !facts.isEmpty { out += view.wrap(view.styled("Current " + facts.joined(separator: " · "), .answer), indent: "  ") + "\n" }
            }
        }
        return out
    }

    func help(_ question: Questionnaire.Question) -> String {
        var out = ""
        if let summary = clauseOf[question.id]?.summary { out += view.wrap("Clause: " + text(summary), indent: "  ") + "\n" }
        if let help = question.help { out += view.wrap("Good looks like: " + text(help), indent: "  ") + "\n" }
        if !question.evidence.isEmpty {
            out += "  Ask to see:\n" + question.evidence.map { view.wrap("- " + text($0), indent: "    ") + "\n" }.joined()
        }
        return out.isEmpty ? "  No help for this question.\n" : out
    }

    /// The leaf clauses in scope with how many of their questions are answered.
    func list() -> String {
        let clauses = (scope.map { [$0] + Self.descendants($0) } ?? questionnaire.allClauses).filter { !$0.questions.isEmpty }
        let here = current.flatMap { clauseOf[$0.id]?.id }
        return clauses.map { clause in
            let done = clause.questions.filter { answers[$0.id]?.value != nil }.count
            let marker = clause.id == here ? "→ " : "  "
            let line = marker + TerminalWidth.padRight(clause.id, to: 9) + TerminalWidth.padRight(TerminalWidth.truncate(text(clause.title), to: view.width - 20), to: view.width - 19) + "\(done)/\(clause.questions.count)"
            return line + "\n"
        }.joined()
    }
}
