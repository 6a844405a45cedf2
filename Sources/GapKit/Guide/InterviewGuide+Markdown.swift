extension InterviewGuide {
    /// The guide in Markdown: tick boxes as `- [ ]`, every text from the questionnaire escaped.
    public func markdown() -> String {
        let t = strings
        // Escaped, and no control character (a bell, an escape code) reaches the file.
        func md(_ text: String) -> String {
            String(String.UnicodeScalarView(MarkdownContentType().escapeText(text).unicodeScalars.map {
                $0.properties.generalCategory == .control ? "\u{FFFD}" : $0
            }))
        }
        var out = "# \(md(t("Interview guide")))\n\n\(md(text(questionnaire.title)))\n\n"
        out += "| | |\n| --- | --- |\n"
        out += "| \(md(t("Interviewee"))) | \(md(interviewee ?? "")) |\n| \(md(t("Role"))) | \(md(role ?? "")) |\n"
        out += "| \(md(t("Date"))) | \(md(date?.description ?? "")) |\n| \(md(t("Interviewer"))) | |\n"
        out += "| \(md(t("Clauses"))) | \(md(sections.map(\.clause.id).joined(separator: ", "))) |\n"
        for section in sections {
            out += "\n## \(md(section.clause.id + " " + text(section.clause.title)))\n\n"
            if let summary = section.clause.summary { out += "_\(md(text(summary)))_\n\n" }
            for question in section.questions {
                out += "**\(md(question.id))** \(md(text(question.text)))" + (question.mandatory ? " \(md(t("(requirement of the standard)")))" : "") + "\n\n"
                out += options(question).map { "- [ ] \(md($0))\n" }.joined() + "\n"
                if let help = question.help { out += "\(md(t("Good looks like:"))) \(md(text(help)))\n\n" }
                if !question.evidence.isEmpty {
                    out += "\(md(t("Ask to see:")))\n\n" + question.evidence.map { "- \(md(text($0)))\n" }.joined() + "\n"
                }
                out += "\(md(t("Notes"))):\n\n" + String(repeating: "\\_", count: 60) + "\n\n" + String(repeating: "\\_", count: 60) + "\n\n"
            }
        }
        out += "---\n\n\(md(t("Questions are our own paraphrases of the standard, not its text.")))\n"
        return out
    }
}
