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
        position = -1
        var output = view.block(Self.keyHint(view.t("Type an option's value or number. ? help · n note · e evidence · s skip · b back · g CLAUSE jump · l list · q quit")), .dim)
        guard let next = nextUnanswered(after: -1, output: &output) else {
            position = walk.count
            return Outcome(output: output + allAnswered(), changed: nil, finished: false)
        }
        position = next
        return Outcome(output: output + screen(), changed: nil, finished: false)
    }

    /// The key hint with each key kept with its meaning and each `·` with the key before it, so
    /// that it wraps only between keys: the spaces inside them become no-break spaces.
    static func keyHint(_ hint: String) -> String {
        guard let sentence = hint.range(of: ". ") ?? hint.range(of: "。") else { return hint }
        let keys = hint[sentence.upperBound...].components(separatedBy: " · ")
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "\u{A0}") }
        return hint[..<sentence.upperBound].trimmingCharacters(in: .whitespaces) + "\n" + keys.joined(separator: "\u{A0}· ")
    }

    /// Handles one line: an answer, a command, or the text of a note or evidence.
    public mutating func handle(_ line: String) -> Outcome {
        let input = line.trimmingCharacters(in: .whitespaces)
        guard let question = current else { return handleAfterTheWalk(input) }
        switch mode {
        case .note, .evidence:
            let wasNote = mode == .note
            mode = .command
            guard !input.isEmpty else { return again(view.t("Nothing recorded.")) }
            var answer = answers[question.id] ?? Answer(question: question.id, value: nil)
            if wasNote { answer.note = input } else { answer.evidence.append(input) }
            answers.set(answer)
            return Outcome(output: view.block(view.t(wasNote ? "Note saved." : "Evidence saved."), .answer) + screen(),
                           changed: question.id, finished: false)
        case .command:
            break
        }
        let scale = questionnaire.scale(question.scale)
        if let value = answerValue(input, scale: scale) { return record(value, for: question) }
        let (command, argument) = Self.split(input)
        switch command {
        case "":
            return again(view.t("Type an answer, or ? for help."))
        case "?", "h", "help":
            return Outcome(output: help(question) + "\n" + screen(), changed: nil, finished: false)
        case "n", "e":
            mode = command == "n" ? .note : .evidence
            // Inline text (`n Policy drafted`) is recorded at once, as if typed on the next line.
            if let argument { return handle(argument) }
            let what = command == "n" ? "Type the note (it replaces the current one), then Enter; an empty line cancels."
                : "Type one piece of evidence, then Enter; an empty line cancels."
            return Outcome(output: view.block(view.t(what)), changed: nil, finished: false)
        case "s":
            return move(from: position, skipped: true)
        case "b":
            guard let previous = previousApplicable(before: position) else { return again(view.t("This is the first question.")) }
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
            let echo = TerminalWidth.truncate(input, to: 40)  // a pasted paragraph is not repeated in full
            if let scale, Self.valuesAreNumbers(scale) {
                return again(view.t("'{1}' is not an answer here. Answers: {2}.", echo, options.joined(separator: ", ")))
            }
            return again(view.t("'{1}' is not an answer here. Answers: {2} or 1–{3}.", echo, options.joined(separator: ", "), options.count))
        }
    }

    /// An option's value wins over its number (on a 0–5 scale, `3` is the value "3"); then `na`; then a number 1…n.
    ///
    /// On a scale whose values are all whole numbers, a number is only ever a value: `6` on a
    /// 0–5 scale is no answer, not the sixth option.
    func answerValue(_ input: String, scale: Questionnaire.Scale?) -> Answer.Value? {
        guard let scale, !input.isEmpty else { return nil }
        let numeric = Self.valuesAreNumbers(scale)
        if let option = scale.options.first(where: { $0.value == input })
            ?? scale.options.first(where: { $0.value.lowercased() == input.lowercased() })
            ?? (numeric ? Int(input).flatMap { number in scale.options.first { Int($0.value) == number } } : nil) {
            return .option(option.value)
        }
        if input.lowercased() == "na", scale.allowNA { return .notApplicable }
        if !numeric, let number = Int(input) {
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
        outcome.output = view.block("✓ \(question.id): \(label(value, question))", .answer) + outcome.output
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
        "\n" + view.block(view.t("Every question in scope is answered or skipped. To change an answer type b (back) or g CLAUSE (jump); l lists the clauses; q finishes."))
    }

    private mutating func jump(to id: String?) -> Outcome {
        guard let id, !id.isEmpty else { return again(view.t("Type g and a clause id, e.g. g 8.5.1.")) }
        let candidates = (scope.map { [$0] + Self.descendants($0) } ?? questionnaire.allClauses)
        guard let clause = candidates.first(where: { $0.id == id }) else {
            let hint = Suggestion.closest(to: id, in: candidates.map(\.id)).map { " " + view.t("Did you mean {1}?", $0) } ?? ""
            return again(view.t("There is no clause '{1}' here.", id) + hint + " " + view.t("Type l to list the clauses."))
        }
        let ids = Set(clause.allQuestions.map(\.id))
        guard let target = walk.indices.first(where: { ids.contains(walk[$0].id) && applies(walk[$0]) }) else {
            return again(view.t("Clause {1} has no question that applies.", id))
        }
        position = target
        return Outcome(output: screen(), changed: nil, finished: false)
    }

    private static func descendants(_ clause: Questionnaire.Clause) -> [Questionnaire.Clause] {
        clause.clauses.flatMap { [$0] + descendants($0) }
    }

    private func again(_ hint: String) -> Outcome {
        Outcome(output: view.block(hint, .warning) + screen(), changed: nil, finished: false)
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
                output += view.block(view.t("{1} does not apply (only if {2} is {3}; it is {4}): skipped.", question.id, condition.question,
                                            condition.values.joined(separator: view.t(" or ")), given), .dim)
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
        guard case .option(let option) = value else { return view.t("na (not applicable)") }
        let label = text(questionnaire.scale(question.scale)?.option(option)?.label)
        return label.isEmpty || label == option ? option : "\(option) (\(label))"
    }

    /// The question as it is shown: progress, clause, text, options and the current answer, every line within the width.
    func screen() -> String {
        guard let question = current else { return "" }
        let clause = clauseOf[question.id]
        let progress = "[\(position + 1)/\(walk.count)] \(NumberFormat.percent(Double(position + 1) / Double(walk.count), decimals: 0))"
        let heading = view.wrap(progress + "  " + "\(clause?.id ?? "") \(text(clause?.title))",
                                continuation: String(repeating: " ", count: TerminalWidth.of(progress) + 2))
        var out = "\n" + heading.split(separator: "\n").enumerated().map { index, line in
            index == 0 && line.hasPrefix(progress)
                ? view.styled(progress, .dim) + view.styled(String(line.dropFirst(progress.count)), .clause)
                : view.styled(String(line), .clause)
        }.joined(separator: "\n") + "\n"
        let mandatory = question.mandatory ? view.t(" (requirement of the standard)") : ""
        let asked = view.wrap(question.id + "  " + text(question.text) + mandatory)
        out += (asked.hasPrefix(question.id) ? view.styled(question.id, .bold) + asked.dropFirst(question.id.count) : asked) + "\n"
        if let scale = questionnaire.scale(question.scale) {
            let answer = answers[question.id]
            var rows = scale.options.map { (value: $0.value, label: text($0.label), chosen: answer?.value == .option($0.value)) }
            if scale.allowNA { rows.append((value: "na", label: view.t("not applicable"), chosen: answer?.value == .notApplicable)) }
            // On a scale of numbers the values are what is typed: no option numbers beside them.
            let numbered = !Self.valuesAreNumbers(scale)
            let number = String(rows.count).count
            let width = rows.map { TerminalWidth.of($0.value) }.max() ?? 1
            for (index, row) in rows.enumerated() {
                let lead = numbered ? "  " + TerminalWidth.padLeft("\(index + 1)", to: number) + ") " : "  "
                let line = lead + TerminalWidth.padRight(row.value, to: width) + "  " + row.label + (row.chosen ? "  ◀" : "")
                out += view.block(line, row.chosen ? .answer : nil, continuation: String(repeating: " ", count: TerminalWidth.of(lead) + width + 2))
            }
            if let answer {
                var facts: [String] = []
                if let value = answer.value { facts.append(view.t("answer {1}", label(value, question))) }
                if let note = answer.note { facts.append(view.t("note: {1}", note)) }
                if !answer.evidence.isEmpty { facts.append(view.t("evidence: {1}", answer.evidence.joined(separator: "; "))) }
                if !facts.isEmpty { out += view.block(view.t("Current") + " " + facts.joined(separator: " · "), .answer, indent: "  ") }
            }
        }
        return out
    }

    /// Whether every option value of the scale is a whole number (a 0–5 maturity scale): then a
    /// typed number is always a value, never an option's position.
    static func valuesAreNumbers(_ scale: Questionnaire.Scale) -> Bool {
        scale.options.allSatisfy { Int($0.value) != nil }
    }

    func help(_ question: Questionnaire.Question) -> String {
        var out = ""
        if let summary = clauseOf[question.id]?.summary { out += view.block(view.t("Clause: {1}", text(summary)), indent: "  ") }
        if let help = question.help { out += view.block(view.t("Good looks like: {1}", text(help)), indent: "  ") }
        if !question.evidence.isEmpty {
            out += "  " + view.t("Ask to see:") + "\n" + question.evidence.map { view.block("- " + text($0), indent: "    ", continuation: "      ") }.joined()
        }
        return out.isEmpty ? "  " + view.t("No help for this question.") + "\n" : out
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
