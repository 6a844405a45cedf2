import Foundation

extension InterviewSession {
    /// Replaces the answers, e.g. with a file that was edited by hand meanwhile.
    public mutating func replace(_ answers: AnswerSet) {
        self.answers = answers
    }

    /// Draws later screens for a terminal of a new size.
    public mutating func resize(width: Int, height: Int) {
        view = InterviewView(colour: view.colour, width: width, language: view.language)
        self.height = height
    }

    /// The current question's screen, drawn again (Ctrl-L).
    public func redrawn() -> String {
        current == nil ? allAnswered() : screen()
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
        var out = "\n" + view.block(view.t("Saved in {1}", answersPath), .bold)
        out += view.block(view.t("{1} answered · {2} not answered yet · {3} not applicable", answered, skipped, notApplicable)
            + (scope.map { view.t(" (clause {1})", $0.id) } ?? ""))
        out += view.block(view.t("Overall {1} ({2}), coverage {3}", NumberFormat.percent(assessment.overall.score),
                                 assessment.overall.status.rawValue, NumberFormat.percent(assessment.overall.coverage, decimals: 0)))
        let readiness = assessment.readiness
        let verdicts: [Assessment.Readiness.Verdict: String] = [
            .notReady: "not ready for certification", .incomplete: "diagnosis incomplete",
            .nearlyReady: "nearly ready for certification", .ready: "ready for certification",
        ]
        out += view.block(view.t("Readiness: {1} · {2} major, {3} minor nonconformities · {4} observations",
                                 view.t(verdicts[readiness.verdict] ?? readiness.verdict.rawValue), readiness.major, readiness.minor,
                                 readiness.observation)
            + (readiness.unanswered > 0 ? view.t(" · {1} requirement questions unanswered", readiness.unanswered) : ""))
        for area in assessment.areas {
            let title = text(questionnaire.area(area.id)?.title)
            out += "  " + TerminalWidth.padRight(TerminalWidth.truncate(title, to: 30), to: 32) + NumberFormat.percent(area.summary.score) + "\n"
        }
        let findings = AssessmentText.ranked(assessment.questions.filter { $0.finding != nil })
        if !findings.isEmpty {
            out += view.t("Top findings:") + "\n"
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
                     "--out " + Self.shellQuoted("reports/" + stem)]
        var out = ""
        if answers.date == nil {
            words.append("--start YYYY-MM-DD")
            out += view.block(view.t("The answers have no date: write the assessment day after --start."))
        }
        out += view.t("Write the report with:") + "\n"
        // Too long for a line: the words go on lines of their own, joined by the shell's `\`.
        var line = " "
        for (index, word) in words.enumerated() {
            let backslash = index == words.count - 1 ? 0 : 2
            if TerminalWidth.of(line) + 1 + TerminalWidth.of(word) + backslash > view.width, line.count > 6 {
                out += line + " \\\n"
                line = "     "
            }
            line += " " + word
        }
        return out + line + "\n"
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
