import Foundation

extension InterviewSession {
    /// Replaces the answers, e.g. with a file that was edited by hand meanwhile.
    public mutating func replace(_ answers: AnswerSet) {
        self.answers = answers
    }

    /// The closing summary: counts in scope, scores, the top findings and the command that writes the report.
    public func summary(questionnairePath: String, answersPath: String) -> String {
        var answered = 0, skipped = 0, notApplicable = 0
        for question in walk {
            if !applies(question) || answers[question.id]?.value == .notApplicable {
                notApplicable += 1
            } else if answers[question.id]?.value != nil {
                answered += 1
            } else {
                skipped += 1
            }
        }
        let assessment = Scorer(questionnaire).score(answers)
        var out = "\n" + view.styled("Saved in \(answersPath)", .bold) + "\n"
        out += "\(answered) answered · \(skipped) not answered yet · \(notApplicable) not applicable"
        out += scope.map { " (clause \($0.id))" } ?? ""
        out += "\nOverall \(NumberFormat.percent(assessment.overall.score)) (\(assessment.overall.status.rawValue)), coverage \(NumberFormat.percent(assessment.overall.coverage, decimals: 0))\n"
        for area in assessment.areas {
            let title = text(questionnaire.area(area.id)?.title)
            out += "  " + TerminalWidth.padRight(TerminalWidth.truncate(title, to: 30), to: 32) + NumberFormat.percent(area.summary.score) + "\n"
        }
        let findings = AssessmentText.ranked(assessment.questions.filter { $0.finding != nil })
        if !findings.isEmpty {
            out += "Top findings:\n"
            let questions = questionnaire.questionIndex
            for result in findings.prefix(5) {
                let line = "\(result.finding!.rawValue)  \(result.id)  \(text(questions[result.id]?.text))"
                out += "  " + TerminalWidth.truncate(line, to: view.width - 2) + "\n"
            }
        }
        out += reportCommand(questionnairePath: questionnairePath, answersPath: answersPath)
        return out
    }

    /// The `gapkit assess` command that writes the report of these answers, ready to paste into a shell.
    ///
    /// `assess` needs a start date: the answers' date, or `--start`. Without a date in the file the
    /// command carries `--start YYYY-MM-DD` for the person to fill in; the clock is never read.
    func reportCommand(questionnairePath: String, answersPath: String) -> String {
        let stem = URL(fileURLWithPath: answersPath).deletingPathExtension().lastPathComponent
        var words = ["gapkit", "assess", Self.shellQuoted(questionnairePath), Self.shellQuoted(answersPath),
                     "--out", Self.shellQuoted("reports/" + stem)]
        var out = "Write the report with:\n"
        if answers.date == nil {
            words += ["--start", "YYYY-MM-DD"]
            out = "The answers have no date: put the assessment day (or the plan's first day) after --start.\n" + out
        }
        return out + "  " + words.joined(separator: " ") + "\n"
    }

    /// `word` as one word for a POSIX shell: as it is when it holds only safe characters, else in
    /// single quotes (a `'` inside becomes `'\''`); a leading `-` gets `./` so it is not read as an option.
    static func shellQuoted(_ word: String) -> String {
        var word = word
        if word.hasPrefix("-") { word = "./" + word }
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+=,")
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
