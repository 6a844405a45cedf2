extension InterviewGuide {
    /// The guide as one self-contained XHTML page that prints to A4: a clause per block, never split
    /// across pages where it fits on one, tick boxes drawn in CSS, lines to write on.
    public func html() -> String {
        let t = strings
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(Self.escape(language))">
            <head>
            <meta charset="utf-8"/>
            <title>\(Self.escape(t("Interview guide") + " – " + text(questionnaire.title)))</title>
            <style>
            @page { size: A4; margin: 16mm 15mm 18mm 15mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; } }
            body { font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", sans-serif; font-size: 10pt; line-height: 1.4; color: #000; margin: 0 auto; max-width: 180mm; }
            h1 { font-size: 16pt; margin: 0 0 2mm; }
            .meta { width: 100%; border-collapse: collapse; margin: 0 0 6mm; }
            .meta th { text-align: left; width: 28mm; font-weight: 600; padding: 1.5mm 2mm 1.5mm 0; vertical-align: bottom; }
            .meta td { border-bottom: 0.3mm solid #000; padding: 1.5mm 0; min-height: 6mm; }
            section.clause { break-inside: avoid-page; page-break-inside: avoid; border-top: 0.6mm solid #000; padding-top: 2mm; margin-top: 5mm; }
            h2 { font-size: 12pt; margin: 0 0 1mm; }
            .summary { font-style: italic; margin: 0 0 2mm; }
            .question { break-inside: avoid; page-break-inside: avoid; margin: 3mm 0 0; }
            .question .id { font-weight: 700; margin-right: 2mm; }
            ul.options { list-style: none; margin: 1mm 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1mm 6mm; }
            ul.options li::before { content: ""; display: inline-block; width: 3.2mm; height: 3.2mm; border: 0.3mm solid #000; margin-right: 1.5mm; vertical-align: -0.4mm; }
            .good, .evidence { margin: 1mm 0 0; font-size: 9pt; }
            .evidence ul { margin: 0.5mm 0 0 5mm; padding: 0; }
            .notes { height: 18mm; margin-top: 1.5mm; background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 5.6mm, #777 5.6mm, #777 5.9mm); }
            .label { font-weight: 600; }
            footer { margin-top: 8mm; font-size: 8pt; color: #333; }
            </style>
            </head>
            <body>
            <h1>\(Self.escape(t("Interview guide")))</h1>
            <p>\(Self.escape(text(questionnaire.title)))</p>
            <table class="meta">
            <tr><th>\(Self.escape(t("Interviewee")))</th><td>\(Self.escape(interviewee ?? ""))</td><th>\(Self.escape(t("Role")))</th><td>\(Self.escape(role ?? ""))</td></tr>
            <tr><th>\(Self.escape(t("Date")))</th><td>\(Self.escape(date?.description ?? ""))</td><th>\(Self.escape(t("Interviewer")))</th><td></td></tr>
            <tr><th>\(Self.escape(t("Clauses")))</th><td colspan="3">\(Self.escape(sections.map(\.clause.id).joined(separator: ", ")))</td></tr>
            </table>

            """
        for section in sections {
            out += "<section class=\"clause\">\n<h2>\(Self.escape(section.clause.id + " " + text(section.clause.title)))</h2>\n"
            if let summary = section.clause.summary { out += "<p class=\"summary\">\(Self.escape(text(summary)))</p>\n" }
            for question in section.questions {
                out += "<div class=\"question\">\n<p><span class=\"id\">\(Self.escape(question.id))</span>\(Self.escape(text(question.text)))"
                    + (question.mandatory ? " <span class=\"label\">\(Self.escape(t("(requirement of the standard)")))</span>" : "") + "</p>\n"
                out += "<ul class=\"options\">" + options(question).map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>\n"
                if let help = question.help {
                    out += "<p class=\"good\"><span class=\"label\">\(Self.escape(t("Good looks like:")))</span> \(Self.escape(text(help)))</p>\n"
                }
                if !question.evidence.isEmpty {
                    out += "<div class=\"evidence\"><span class=\"label\">\(Self.escape(t("Ask to see:")))</span><ul>"
                        + question.evidence.map { "<li>\(Self.escape(text($0)))</li>" }.joined() + "</ul></div>\n"
                }
                out += "<div class=\"notes\" aria-label=\"\(Self.escape(t("Notes")))\"></div>\n</div>\n"
            }
            out += "</section>\n"
        }
        out += "<footer>\(Self.escape(t("Questions are our own paraphrases of the standard, not its text.")))</footer>\n</body>\n</html>\n"
        return out
    }

    /// Text for HTML and XML: markup characters as entities, characters XML forbids as U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(XMLCharacters.isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
