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
        out += "Readiness   \(a.readiness.verdict.rawValue): \(a.readiness.major) major, \(a.readiness.minor) minor, \(a.readiness.observation) observations\n\n"
        out += table(title: "Area", rows: a.areas.map { group in (q.area(group.id).map { q.text($0.title, language) } ?? group.id, group.summary) })
        out += "\n"
        let topLevel = q.clauses.compactMap { clause in
            a.clause(clause.id).map { (TerminalWidth.padRight(clause.id, to: 4) + q.text(clause.title, language), $0.summary) }
        }
        out += table(title: "Clause", rows: topLevel)
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

    /// Major before minor before observation, then by the size of the gap W·(1 − s), then by id.
    public static func ranked(_ results: [Assessment.QuestionResult]) -> [Assessment.QuestionResult] {
        results.sorted { a, b in
            if a.finding != b.finding { return (a.finding ?? .observation) < (b.finding ?? .observation) }
            let (ga, gb) = (a.weight * (1 - (a.score ?? 1)), b.weight * (1 - (b.score ?? 1)))
            return ga != gb ? ga > gb : a.id < b.id
        }
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
