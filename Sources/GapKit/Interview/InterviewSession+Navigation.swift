import Foundation

extension InterviewSession {
    /// A list of clauses shown a page at a time: what it was filtered by, and the first row of the next page.
    struct Listing: Sendable {
        var filter: String?
        var offset: Int
    }

    /// The clauses in scope, parents before children.
    var clausesInScope: [Questionnaire.Clause] {
        scope.map { [$0] + Self.descendants($0) } ?? questionnaire.allClauses
    }

    static func descendants(_ clause: Questionnaire.Clause) -> [Questionnaire.Clause] {
        clause.clauses.flatMap { [$0] + descendants($0) }
    }

    /// `g`: to a clause by its id, or by words of its title or of one of its questions' texts.
    mutating func jump(to target: String?) -> Outcome {
        guard let target, !target.isEmpty else { return again(view.t("Type g and a clause id or words of its title, e.g. g 8.5.1 or g change.")) }
        let candidates = clausesInScope
        if let clause = candidates.first(where: { $0.id == target }) { return jump(to: clause) }
        let words = target.lowercased().split(separator: " ").map(String.init)
        let matches = candidates.filter { clause in
            guard !clause.questions.isEmpty else { return false }
            let texts = ([clause.title] + clause.questions.map(\.text)).flatMap { $0.translations.values }.map { $0.lowercased() }
            return words.allSatisfy { word in texts.contains { $0.contains(word) } }
        }
        switch matches.count {
        case 0:
            let hint = Suggestion.closest(to: target, in: candidates.map(\.id)).map { " " + view.t("Did you mean {1}?", $0) } ?? ""
            return refuse(view.t("There is no clause '{1}' here.", target) + hint + " " + view.t("Type l to list the clauses."))
        case 1:
            // To the question the words describe, if one does; else to the clause's first.
            let question = matches[0].questions.first { question in
                let texts = question.text.translations.values.map { $0.lowercased() }
                return applies(question) && words.allSatisfy { word in texts.contains { $0.contains(word) } }
            }
            if let question, let index = walk.firstIndex(where: { $0.id == question.id }) {
                position = index
                return Outcome(output: screen(), changed: nil, finished: false)
            }
            return jump(to: matches[0])
        default:
            let rows = matches.prefix(max(3, height - 4)).map { "  g " + TerminalWidth.truncate($0.id + "  " + text($0.title), to: view.width - 4) + "\n" }
            let more = matches.count > rows.count ? view.t("… and {1} more: type more words.", matches.count - rows.count) + "\n" : ""
            var outcome = again(view.t("'{1}' matches {2} clauses; type one of:", target, matches.count))
            outcome.output += rows.joined() + more
            return outcome
        }
    }

    private mutating func jump(to clause: Questionnaire.Clause) -> Outcome {
        let ids = Set(clause.allQuestions.map(\.id))
        guard let target = walk.indices.first(where: { ids.contains(walk[$0].id) && applies(walk[$0]) }) else {
            return again(view.t("Clause {1} has no question that applies.", clause.id))
        }
        position = target
        return Outcome(output: screen(), changed: nil, finished: false)
    }

    /// `l`: the clauses in scope with their progress, a page of the terminal's height at a time.
    ///
    /// `l 8` lists clause 8 and its sub-clauses; `l open` those with questions still to answer;
    /// other words list the clauses whose titles hold them.
    mutating func list(filter: String?) -> Outcome {
        list(Listing(filter: filter, offset: 0))
    }

    mutating func list(_ listing: Listing) -> Outcome {
        let rows = listedClauses(listing.filter)
        guard !rows.isEmpty else { return refuse(view.t("No clause matches '{1}'.", listing.filter ?? "")) }
        let page = max(5, height - 3)
        let shown = rows[listing.offset..<min(rows.count, listing.offset + page)]
        var out = shown.map { line(for: $0) + "\n" }.joined()
        if shown.endIndex < rows.count {
            out += view.block(view.t("{1}–{2} of {3} clauses. Enter: more; any command ends the list.", listing.offset + 1, shown.endIndex, rows.count), .dim)
            self.listing = Listing(filter: listing.filter, offset: shown.endIndex)
        } else if current == nil {
            out += allAnswered()
        }
        return Outcome(output: out, changed: nil, finished: false)
    }

    func listedClauses(_ filter: String?) -> [Questionnaire.Clause] {
        let clauses = clausesInScope.filter { !$0.questions.isEmpty }
        guard let filter = filter?.lowercased(), !filter.isEmpty else { return clauses }
        if filter == "open" || filter == "未答" {
            return clauses.filter { clause in clause.questions.contains { applies($0) && answers[$0.id]?.value == nil } }
        }
        if filter.first?.isNumber == true {
            return clauses.filter { $0.id == filter || $0.id.hasPrefix(filter + ".") }
        }
        return clauses.filter { clause in clause.title.translations.values.contains { $0.lowercased().contains(filter) } }
    }

    /// A clause's row: marked when it holds the current question, its id, title and answered/applicable count.
    func line(for clause: Questionnaire.Clause) -> String {
        let here = current.flatMap { clauseOf[$0.id]?.id }
        let applicable = clause.questions.filter { applies($0) }
        let done = applicable.filter { answers[$0.id]?.value != nil }.count
        let marker = clause.id == here ? "→ " : "  "
        return marker + TerminalWidth.padRight(clause.id, to: 9)
            + TerminalWidth.padRight(TerminalWidth.truncate(text(clause.title), to: view.width - 20), to: view.width - 19)
            + "\(done)/\(applicable.count)"
    }

    /// Progress as answers given over the questions in scope that apply.
    func progress() -> String {
        let applicable = walk.filter { applies($0) }
        return "[" + view.t("{1}/{2} answered", applicable.filter { answers[$0.id]?.value != nil }.count, applicable.count) + "]"
    }

    /// The answers given in a clause over its questions that apply: "(1/3)".
    func clauseProgress(_ clause: Questionnaire.Clause) -> String {
        let applicable = clause.questions.filter { applies($0) }
        return view.t(" ({1}/{2})", applicable.filter { answers[$0.id]?.value != nil }.count, applicable.count)
    }
}
