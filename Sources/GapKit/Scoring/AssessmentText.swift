/// The readable summary `gapkit score` prints: overall, areas, top-level clauses and the top findings.
public struct AssessmentText: Sendable {
    public var questionnaire: Questionnaire
    public var assessment: Assessment
    public var answers: AnswerSet
    public var language: String
    /// How many findings to list.
    public var topFindings = 10

    public init(_ questionnaire: Questionnaire, _ assessment: Assessment, _ answers: AnswerSet, language: String? = nil) {
        self.questionnaire = questionnaire
        self.assessment = assessment
        self.answers = answers
        self.language = language ?? questionnaire.defaultLanguage
    }

    public func render() -> String {
        let q = questionnaire, a = assessment
        var out = q.text(q.title, language) + "\n"
        let who = [answers.respondent.organization, answers.respondent.name, answers.date?.description].compactMap { $0 }
        if !who.isEmpty { out += who.joined(separator: " · ") + "\n" }
        out += "\n"
        out += "Overall     \(line(a.overall)) coverage \(NumberFormat.percent(a.overall.coverage, decimals: 0))\n"
        out += "Readiness   " + Self.readinessLine(a.readiness) + "\n\n"
        out += table(title: "Area", rows: a.areas.map { group in (q.area(group.id).map { q.text($0.title, language) } ?? group.id, group.summary) })
        out += "\n"
        let clauses = Dictionary(q.allClauses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let topLevel = q.clauses.compactMap { clause in
            a.clause(clause.id).map { (TerminalWidth.padRight(clause.id, to: 4) + q.text(clause.title, language), $0.summary) }
        }
        out += table(title: "Clause", rows: topLevel)
        if !a.nonconformities.isEmpty {
            out += "\nNonconformities (\(a.nonconformities.count))\n"
            for nc in a.nonconformities {
                let grade = nc.grade.rawValue + (nc.escalated ? "*" : "")
                let title = clauses[nc.clause].map { q.text($0.title, language) } ?? ""
                out += "  " + TerminalWidth.padRight(nc.id, to: 7) + TerminalWidth.padRight(grade, to: 7)
                    + TerminalWidth.padRight(nc.clause, to: 10) + TerminalWidth.truncate(title, to: 38)
                    + " (" + (nc.questions.count == 1 ? "1 question" : "\(nc.questions.count) questions") + ")\n"
            }
            if a.nonconformities.contains(where: \.escalated) { out += "  * major: minor findings on one requirement, escalated\n" }
        }
        let findings = Self.ranked(a.questions.filter { $0.finding != nil })
        if !findings.isEmpty {
            out += "\nTop findings (\(min(topFindings, findings.count)) of \(findings.count))\n"
            let questions = q.questionIndex
            for result in findings.prefix(topFindings) {
                let text = questions[result.id].map { q.text($0.text, language) } ?? ""
                let head = "  " + TerminalWidth.padRight(result.finding!.rawValue, to: 12) + TerminalWidth.padRight(result.id, to: 14)
                    + "answer: " + (result.answer?.value?.description ?? "–")
                out += head + "\n      " + TerminalWidth.truncate(text, to: 74) + "\n"
            }
        }
        return out
    }

    /// `not-ready: 9 major, 12 minor nonconformities, 40 observations`, with the unanswered
    /// requirement questions when there are any.
    public static func readinessLine(_ readiness: Assessment.Readiness) -> String {
        var line = "\(readiness.verdict.rawValue): \(readiness.major) major, \(readiness.minor) minor nonconformities, "
            + "\(readiness.observation) observations"
        if readiness.unanswered > 0 {
            line += ", \(readiness.unanswered) requirement question\(readiness.unanswered == 1 ? "" : "s") unanswered"
        }
        return line
    }

    /// Major before minor before observation, then by the size of the gap W·(1 − s), then by clause
    /// (numerically: 4.1 < 8.2 < 10.1), then in questionnaire order.
    public static func ranked(_ results: [Assessment.QuestionResult]) -> [Assessment.QuestionResult] {
        results.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.finding != y.finding { return (x.finding ?? .observation) < (y.finding ?? .observation) }
            let (gx, gy) = (x.weight * (1 - (x.score ?? 1)), y.weight * (1 - (y.score ?? 1)))
            if gx != gy { return gx > gy }
            if x.clause != y.clause { return ClauseOrder.precedes(x.clause, y.clause) }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func line(_ summary: Assessment.Summary) -> String {
        TerminalWidth.padLeft(NumberFormat.percent(summary.score), to: 6) + "  " + TerminalWidth.padRight(summary.status.rawValue, to: 13)
    }

    private func table(title: String, rows: [(String, Assessment.Summary)]) -> String {
        var out = TerminalWidth.padRight(title, to: 50) + " score  status       coverage\n"
        for (name, summary) in rows {
            out += TerminalWidth.padRight(TerminalWidth.truncate(name, to: 49), to: 50) + line(summary)
                + TerminalWidth.padLeft(NumberFormat.percent(summary.coverage, decimals: 0), to: 8) + "\n"
        }
        return out
    }
}
