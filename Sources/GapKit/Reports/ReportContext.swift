/// The values the report templates render: one tree for HTML, Markdown and the Office writers.
///
/// Numbers and dates are formatted here, for people; texts are plain (each format escapes them).
/// Only the SVG charts are markup, and they are escaped where they are drawn. The sections follow
/// a consultancy's diagnosis report: cover and document control, contents, 1 background,
/// 2 conclusion, 3 clause conformity matrix, 4 nonconformities, 5 observations, 6 documents,
/// 7 remediation plan, 8 organisation, appendix.
struct ReportContext {
    let input: ReportInput
    let strings: [String: String]
    let questions: [String: Questionnaire.Question]
    let clauses: [String: Questionnaire.Clause]
    let nonconformities: [ReportNonconformity]
    /// Question id → the nonconformity it belongs to.
    let nonconformityOf: [String: String]

    init(_ input: ReportInput) {
        self.input = input
        strings = ReportStrings.table(for: input.language)
        questions = input.questionnaire.questionIndex
        clauses = Dictionary(input.questionnaire.allClauses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        nonconformities = ReportNonconformity.all(input.questionnaire, input.assessment)
        nonconformityOf = Dictionary(nonconformities.flatMap { nc in nc.questions.map { ($0.id, nc.id) } }, uniquingKeysWith: { a, _ in a })
    }

    var q: Questionnaire { input.questionnaire }
    var language: String { input.language }
    var engagement: Engagement? { input.engagement }

    func text(_ text: LocalizedText?) -> String { text.map { q.text($0, language) } ?? "" }
    /// An engagement text in the report's language (see `LocalizedText.text(in:languages:)`).
    func own(_ text: LocalizedText?) -> String? { text.map { $0.text(in: language, languages: q.languages) } }
    func t(_ key: String) -> String { strings[key] ?? key }
    func t(_ key: String, _ values: [String: CustomStringConvertible]) -> String {
        StringTables.fill(t(key), values.mapValues(\.description))
    }
    func date(_ date: CalendarDate) -> String { ReportStrings.date(date, language: language) }

    /// The client's name: the engagement's, else the answer file's organisation.
    var client: String? { own(engagement?.client.name) ?? input.answers.respondent.organization }
    /// The report's date: the engagement's, else the answers'.
    var reportDate: CalendarDate? { engagement?.report.date ?? input.answers.date }

    /// The whole tree.
    func values() -> [String: Any] {
        [
            "lang": language, "t": strings, "brand": brand(), "cover": cover(), "control": control(),
            "contents": contents(), "background": background(), "summary": summary(), "conclusion": conclusion(),
            "charts": charts(), "areas": areas(), "clauses": clauseRows(), "matrix": matrix(),
            "nonconformities": nonconformityBlocks(), "observations": observations(), "findings": findings(),
            "documents": documents(), "plan": plan(), "organisation": organisation(), "print": printed(),
            "appendix": input.appendix ? appendix() : [], "has_appendix": input.appendix,
            "thresholds": ["compliant": NumberFormat.percent(q.thresholds.compliant, decimals: 0),
                           "partial": NumberFormat.percent(q.thresholds.partial, decimals: 0)],
        ]
    }

    /// Texts for the printed page margins, as CSS string contents (see `cssString`): short, so they
    /// fit beside the page number.
    private func printed() -> [String: Any] {
        let parts = [input.branding.footer, engagement?.report.number, own(engagement?.client.shortName) ?? client, t("report_title")]
        let footer = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        return ["footer": Self.cssString(footer), "page_before": Self.cssString(t("page_before")),
                "page_of": Self.cssString(t("page_of")), "page_after": Self.cssString(t("page_after"))]
    }

    /// Text for inside a CSS string: every character but ASCII letters and digits becomes a
    /// `\HHHHHH` escape, so no quote, backslash, `<` or `&` can end the string, the rule or the style element.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            // A space is escaped too: CSS swallows one whitespace after a hex escape.
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16)
                out += "\\" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
            }
        }
        return out
    }

    private func brand() -> [String: Any] {
        var brand: [String: Any] = ["primary": input.branding.primaryColor]
        if let firm = input.branding.firm ?? own(engagement?.consultant.firm) { brand["firm"] = firm }
        if let logo = input.branding.logo { brand["logo"] = logo }
        if let footer = input.branding.footer { brand["footer"] = footer }
        return brand
    }

    func statusLabel(_ status: Assessment.Status) -> String { t("status_\(status.rawValue)") }

    func summaryRow(_ summary: Assessment.Summary) -> [String: Any] {
        ["score": NumberFormat.percent(summary.score), "status": statusLabel(summary.status),
         "status_class": summary.status.rawValue, "coverage": NumberFormat.percent(summary.coverage, decimals: 0),
         "answered": "\(summary.answered)/\(summary.applicable)"]
    }

    func answerText(_ answer: Answer?, question: Questionnaire.Question?) -> String {
        guard let value = answer?.value else { return t("status_unanswered") }
        guard case .option(let option) = value else { return t("status_na") }
        // The label says what the value means ("No – not in place", "3 – Defined: …").
        return question.flatMap { q.scale($0.scale)?.option(option) }.map { text($0.label) } ?? option
    }

    func actionRefs(_ ids: [String]) -> [[String: Any]] {
        ids.map { id in ["id": id, "title": text(q.action(id)?.title)] }
    }

    /// An action's owner role as the questionnaire names it (default language, trimmed).
    func ownerRole(_ actionID: String) -> String? {
        q.action(actionID)?.owner.map { q.text($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Owner role, department and person of an action, in the report's language.
    func owner(_ actionID: String) -> [String: Any] {
        var owner: [String: Any] = ["role": text(q.action(actionID)?.owner)]
        if let role = ownerRole(actionID), let assignment = engagement?.organisation.owners[role] {
            if let department = own(assignment.department) { owner["department"] = department }
            if let person = own(assignment.person) { owner["person"] = person }
        }
        return owner
    }
}
