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
        /// The line was refused (not an answer, an unknown clause, a control character).
        public var rejected = false
    }

    enum Mode: Sendable { case command, note, evidence }

    public let questionnaire: Questionnaire
    public internal(set) var answers: AnswerSet
    public internal(set) var view: InterviewView
    /// How many lines were refused so far: a script that had any ends with a non-zero status.
    public private(set) var rejectedLines = 0
    /// Rows of the terminal: `l` shows a page of that many lines.
    public var height = 24
    /// Who is being interviewed and on which day: recorded with every answer (`by`, `on`).
    public var interviewee: String?
    public var interviewDate: CalendarDate?
    /// The questions in scope, depth first.
    let walk: [Questionnaire.Question]
    let clauseOf: [String: Questionnaire.Clause]
    let scope: Questionnaire.Clause?
    var position = 0
    var mode = Mode.command
    /// The `l` list whose next page an empty line shows.
    var listing: Listing?

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
        var output = view.block(Self.keyHint(view.t("Type an option's value, number or label. ? help · n note · e evidence · s skip · b back · g clause or words · l list · q quit")), .dim)
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
        let outcome = handleLine(line)
        if outcome.rejected { rejectedLines += 1 }
        return outcome
    }

    private mutating func handleLine(_ line: String) -> Outcome {
        let pendingList = listing
        listing = nil
        let input = line.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces)
        if let bad = input.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            mode = .command
            let code = "U+" + String(repeating: "0", count: max(0, 4 - String(bad.value, radix: 16).count)) + String(bad.value, radix: 16, uppercase: true)
            return refuse(view.t("The line holds the control character {1} (an escape code?): nothing recorded.", code))
        }
        if let pendingList, input.isEmpty { return list(pendingList) }
        guard let question = current else { return handleAfterTheWalk(input) }
        switch mode {
        case .note, .evidence:
            let wasNote = mode == .note
            mode = .command
            guard !input.isEmpty else { return again(view.t("Nothing recorded.")) }
            var answer = answers[question.id] ?? Answer(question: question.id, value: nil)
            if wasNote { answer.note = input } else { answer.evidence.append(input) }
            answers.set(answer)
            let saved = wasNote ? view.t("Note saved.") : view.t("Evidence {1} saved.", answer.evidence.count)
            return Outcome(output: view.block("✓ " + saved, .answer), changed: question.id, finished: false)
        case .command:
            break
        }
        let scale = questionnaire.scale(question.scale)
        switch scale?.reading(of: input) ?? .none {
        case .value(let value): return record(value, for: question)
        case .ambiguous(let values):
            let choices = values.map { "\($0) (\(shortLabel(.option($0), question)))" }
            return refuse(view.t("'{1}' could mean {2}: type one of them.", TerminalWidth.truncate(input, to: 40),
                                 choices.joined(separator: view.t(" or "))))
        case .notApplicableRefused:
            return refuse(view.t("This question cannot be answered 'not applicable'."))
        case .none:
            break
        }
        let (command, argument) = Self.split(input)
        switch command {
        case "":
            return again(view.t("Type an answer, or ? for help."))
        case "?", "h", "help":
            return Outcome(output: help(question), changed: nil, finished: false)
        case "n" where argument == "-":
            guard var answer = answers[question.id], answer.note != nil else { return again(view.t("There is no note to clear.")) }
            answer.note = nil
            answers.set(answer)
            return Outcome(output: view.block(view.t("Note cleared."), .answer), changed: question.id, finished: false)
        case "e" where argument.map({ $0.hasPrefix("-") && Int($0.dropFirst()) != nil }) == true:
            let number = Int(argument!.dropFirst())!
            guard var answer = answers[question.id], answer.evidence.indices.contains(number - 1) else {
                return refuse(view.t("There is no evidence {1}; the current evidence is numbered in the question's Current line.", number))
            }
            let removed = answer.evidence.remove(at: number - 1)
            answers.set(answer)
            return Outcome(output: view.block(view.t("Evidence {1} removed: {2}", number, TerminalWidth.truncate(removed, to: 50)), .answer),
                           changed: question.id, finished: false)
        case "n", "e":
            mode = command == "n" ? .note : .evidence
            // Inline text (`n Policy drafted`) is recorded at once, as if typed on the next line.
            if let argument { return handleLine(argument) }
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
            return list(filter: argument)
        case "q":
            return Outcome(output: "", changed: nil, finished: true)
        default:
            let options = (scale?.options.map(\.value) ?? []) + (scale?.allowNA == true ? ["na"] : [])
            let echo = TerminalWidth.truncate(input, to: 40)  // a pasted paragraph is not repeated in full
            if let scale, Self.valuesAreNumbers(scale) {
                return refuse(view.t("'{1}' is not an answer here. Answers: {2}.", echo, options.joined(separator: ", ")))
            }
            return refuse(view.t("'{1}' is not an answer here. Answers: {2} or 1–{3}.", echo, options.joined(separator: ", "), options.count))
        }
    }

    private mutating func record(_ value: Answer.Value, for question: Questionnaire.Question) -> Outcome {
        var answer = answers[question.id] ?? Answer(question: question.id, value: nil)
        if let interviewee, answer.value != value || !answer.interviewees.contains(interviewee) {
            answer.interviewees = [interviewee]
            answer.on = interviewDate
        }
        answer.value = value
        answers.set(answer)
        var outcome = move(from: position, skipped: false)
        outcome.output = view.block("✓ \(question.id) → \(fullLabel(value, question))", .answer) + outcome.output
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
            return list(filter: argument)
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

    /// A hint; the question stays on the screen above it.
    func again(_ hint: String) -> Outcome {
        Outcome(output: view.block(hint, .warning), changed: nil, finished: false)
    }

    /// A hint for a line that was refused (counted: a script with refused lines ends with status 65).
    func refuse(_ hint: String) -> Outcome {
        Outcome(output: view.block(hint, .warning), changed: nil, finished: false, rejected: true)
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

    /// What the echo after an answer shows: the option's full label in the interview's language ("否 – 尚未建立").
    func fullLabel(_ value: Answer.Value, _ question: Questionnaire.Question) -> String {
        guard case .option(let option) = value else { return view.t("not applicable") }
        let label = text(questionnaire.scale(question.scale)?.option(option)?.label)
        return label.isEmpty ? option : label
    }

    /// The part of an option's label before " – " ("是", "Partial"), or the whole label.
    func shortLabel(_ value: Answer.Value, _ question: Questionnaire.Question) -> String {
        let label = fullLabel(value, question)
        return label.range(of: " – ").map { String(label[..<$0.lowerBound]) } ?? label
    }

    /// Longest a note or evidence is shown in the question's Current line: three lines' worth.
    var factWidth: Int { view.width * 3 }

    /// The question as it is shown: progress, clause, text, options and the current answer, every line within the width.
    func screen() -> String {
        guard let question = current else { return "" }
        let clause = clauseOf[question.id]
        let progress = self.progress()
        let heading = view.wrap(progress + "  " + "\(clause?.id ?? "") \(text(clause?.title))" + (clause.map(clauseProgress) ?? ""),
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
            if !numbered { out += view.block(view.t("Numbers are values here: type the value."), .dim, indent: "  ") }
            if let answer {
                var facts: [String] = []
                if let value = answer.value { facts.append(view.t("answer {1}", label(value, question))) }
                if let note = answer.note { facts.append(view.t("note: {1}", TerminalWidth.truncate(note, to: factWidth))) }
                if !answer.evidence.isEmpty {
                    let numbered = answer.evidence.enumerated().map { "\($0.offset + 1)) " + TerminalWidth.truncate($0.element, to: factWidth) }
                    facts.append(view.t("evidence: {1}", numbered.joined(separator: "; ")))
                }
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
        if out.isEmpty { out = "  " + view.t("No help for this question.") + "\n" }
        return out + view.block(view.t("Keys: n TEXT note · n - clears it · e TEXT evidence · e -N removes evidence N · s skip · b back · g CLAUSE or WORDS jump · l [8 | open | WORDS] list · q quit"), .dim, indent: "  ")
    }
}
