/// The values the report templates render: one tree for HTML and Markdown alike.
///
/// Numbers are formatted here, for people; texts are plain (the template's content type escapes
/// them). Only the SVG charts are markup, and they are escaped where they are drawn.
struct ReportContext {
    let input: ReportInput
    let strings: [String: String]
    let questions: [String: Questionnaire.Question]
    let clauses: [String: Questionnaire.Clause]

    init(_ input: ReportInput) {
        self.input = input
        strings = ReportStrings.table(for: input.language)
        questions = input.questionnaire.questionIndex
        clauses = Dictionary(input.questionnaire.allClauses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    var q: Questionnaire { input.questionnaire }
    var language: String { input.language }

    func text(_ text: LocalizedText?) -> String { text.map { q.text($0, language) } ?? "" }
    func t(_ key: String) -> String { strings[key] ?? nil ?? key }
    func date(_ date: CalendarDate) -> String { ReportStrings.date(date, language: language) }

    /// The whole tree.
    func values() -> [String: Any] {
        [
            "lang": language, "t": strings, "brand": brand(), "cover": cover(), "summary": summary(),
            "charts": charts(), "areas": areas(), "clauses": clauseRows(), "findings": findings(),
            "documents": documents(), "plan": plan(), "appendix": appendix(), "print": printed(),
            "thresholds": ["compliant": NumberFormat.percent(q.thresholds.compliant, decimals: 0),
                           "partial": NumberFormat.percent(q.thresholds.partial, decimals: 0)],
        ]
    }

    /// Texts for the printed page margins, as CSS string contents (see `cssString`).
    private func printed() -> [String: Any] {
        let client = input.answers.respondent.organization.map { " · \($0)" } ?? ""
        let footer = (input.branding.footer.map { "\($0) · " } ?? "") + "\(t("report_title")): \(text(q.title))\(client)"
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
        if let firm = input.branding.firm { brand["firm"] = firm }
        if let logo = input.branding.logo { brand["logo"] = logo }
        if let footer = input.branding.footer { brand["footer"] = footer }
        return brand
    }

    private func cover() -> [String: Any] {
        let answers = input.answers
        var cover: [String: Any] = ["standard": text(q.title), "questionnaire_id": q.id]
        if let version = q.version { cover["questionnaire_version"] = version }
        if let client = answers.respondent.organization { cover["client"] = client }
        if let date = answers.date { cover["date"] = self.date(date) }
        let respondent = [answers.respondent.name, answers.respondent.role].compactMap { $0 }.joined(separator: ", ")
        if !respondent.isEmpty { cover["respondent"] = respondent }
        if let consultant = answers.consultant { cover["consultant"] = consultant }
        return cover
    }

    private func summary() -> [String: Any] {
        let a = input.assessment, plan = input.plan
        // With nothing answered the rules say "ready" (no finding); a client must read "not assessed".
        let verdict = a.overall.score == nil ? "not-assessed" : a.readiness.verdict.rawValue
        let last = (plan.actions.map(\.schedule) + plan.milestones.map(\.schedule)).max { $0.endWeek < $1.endWeek }
        let topGaps = AssessmentText.ranked(a.questions.filter { $0.finding != nil }).prefix(5).map(findingRow)
        var summary: [String: Any] = [
            "verdict": t("verdict_\(verdict)"), "verdict_class": verdict, "verdict_text": t("verdict_text_\(verdict)"),
            "overall_score": NumberFormat.percent(a.overall.score), "overall_status": statusLabel(a.overall.status),
            "overall_status_class": a.overall.status.rawValue,
            "coverage": NumberFormat.percent(a.overall.coverage, decimals: 0),
            "major": a.readiness.major, "minor": a.readiness.minor, "observation": a.readiness.observation,
            "actions": plan.actions.count, "effort": NumberFormat.days(plan.totalEffort), "weeks": plan.weeks,
            "top_gaps": topGaps, "any_top_gaps": !topGaps.isEmpty,
        ]
        if let last { summary["certificate_by"] = date(last.endDate) }
        if a.overall.answered < a.overall.applicable {
            summary["coverage_warning"] = t("coverage_warning")
                .replacingOccurrences(of: "{unanswered}", with: String(a.overall.applicable - a.overall.answered))
                .replacingOccurrences(of: "{applicable}", with: String(a.overall.applicable))
        }
        return summary
    }

    private func statusLabel(_ status: Assessment.Status) -> String { t("status_\(status.rawValue)") }

    private func summaryRow(_ summary: Assessment.Summary) -> [String: Any] {
        ["score": NumberFormat.percent(summary.score), "status": statusLabel(summary.status),
         "status_class": summary.status.rawValue, "coverage": NumberFormat.percent(summary.coverage, decimals: 0),
         "answered": "\(summary.answered)/\(summary.applicable)"]
    }

    private func areas() -> [[String: Any]] {
        input.assessment.areas.map { group in
            let area = q.area(group.id)
            return summaryRow(group.summary).merging(["id": group.id, "title": text(area?.title),
                                                      "description": text(area?.description)]) { a, _ in a }
        }
    }

    private func clauseRows() -> [[String: Any]] {
        var depth: [String: Int] = [:]
        func walk(_ clause: Questionnaire.Clause, _ level: Int) {
            depth[clause.id] = level
            clause.clauses.forEach { walk($0, level + 1) }
        }
        q.clauses.forEach { walk($0, 0) }
        return input.assessment.clauses.map { group in
            let level = depth[group.id] ?? 0
            return summaryRow(group.summary).merging([
                "id": group.id, "title": text(clauses[group.id]?.title), "depth": level, "top": level == 0,
                "indent": String(repeating: "\u{2003}", count: level),
            ]) { a, _ in a }
        }
    }

    private func answerText(_ answer: Answer?, question: Questionnaire.Question?) -> String {
        guard let value = answer?.value else { return t("status_unanswered") }
        guard case .option(let option) = value else { return t("status_na") }
        // The label says what the value means ("No – not in place", "3 – Defined: …").
        return question.flatMap { q.scale($0.scale)?.option(option) }.map { text($0.label) } ?? option
    }

    private func actionRefs(_ ids: [String]) -> [[String: Any]] {
        ids.map { id in ["id": id, "title": text(q.action(id)?.title)] }
    }

    private func findingRow(_ result: Assessment.QuestionResult) -> [String: Any] {
        let question = questions[result.id]
        let finding = result.finding ?? .observation
        var row: [String: Any] = [
            "id": result.id, "question": text(question?.text), "clause_id": result.clause,
            "clause_title": text(clauses[result.clause]?.title), "answer": answerText(result.answer, question: question),
            "severity": t("finding_\(finding.rawValue)"), "severity_class": finding.rawValue,
            "status": statusLabel(result.status), "status_class": result.status.rawValue,
            "actions": actionRefs(question?.actions ?? []), "any_actions": !(question?.actions ?? []).isEmpty,
        ]
        if let note = result.answer?.note { row["note"] = note }
        if let evidence = result.answer?.evidence, !evidence.isEmpty { row["evidence"] = evidence.joined(separator: "; ") }
        return row
    }

    private func findings() -> [String: Any] {
        let all = AssessmentText.ranked(input.assessment.questions.filter { $0.finding != nil })
        let groups: [[String: Any]] = Assessment.Finding.allCases.compactMap { finding in
            let items = all.filter { $0.finding == finding }
            guard !items.isEmpty else { return nil }
            return ["severity": t("finding_\(finding.rawValue)"), "severity_class": finding.rawValue,
                    "title": t(finding.rawValue), "count": items.count, "items": items.map(findingRow)]
        }
        return ["any": !groups.isEmpty, "groups": groups, "count": all.count]
    }

    private func documents() -> [String: Any] {
        let statuses = Dictionary(input.plan.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [[String: Any]] = q.documents.map { document in
            let status = statuses[document.id]?.status ?? .unknown
            return ["id": document.id, "title": text(document.title), "clause": document.clause ?? "",
                    "kind": t("kind_\(document.kind.rawValue)"), "status": t("doc_\(status.rawValue)"),
                    "status_class": status.rawValue, "actions": actionRefs(statuses[document.id]?.actions ?? [])]
        }
        let toWrite = rows.filter { ["missing", "partial"].contains($0["status_class"] as? String ?? "") }
        return ["all": rows, "to_write": toWrite, "any_to_write": !toWrite.isEmpty]
    }

    private func weeks(_ schedule: Plan.Schedule) -> String {
        schedule.startWeek == schedule.endWeek ? "\(schedule.startWeek)" : "\(schedule.startWeek)–\(schedule.endWeek)"
    }

    private func plan() -> [String: Any] {
        let plan = input.plan
        let phases: [[String: Any]] = plan.phases.map { phase in
            let actions: [[String: Any]] = plan.actions.filter { $0.phase == phase.id }.map { action in
                let spec = q.action(action.id)
                return ["rank": action.rank, "id": action.id, "title": text(spec?.title), "description": text(spec?.description),
                        "owner": text(spec?.owner), "effort": NumberFormat.days(action.effort),
                        "benefit": "+" + NumberFormat.fixed(action.benefit * 100, decimals: 1),
                        "priority": NumberFormat.fixed(action.priority * 100, decimals: 2), "weeks": weeks(action.schedule),
                        "start": date(action.schedule.startDate), "end": date(action.schedule.endDate)]
            }
            let milestones: [[String: Any]] = plan.milestones.filter { $0.phase == phase.id }.map { milestone in
                let spec = q.milestones.first { $0.id == milestone.id }
                return ["id": milestone.id, "title": text(spec?.title), "description": text(spec?.description),
                        "duration": NumberFormat.days(milestone.weeks), "duration_unit": t(milestone.weeks == 1 ? "week_one" : "weeks"), "weeks": weeks(milestone.schedule),
                        "start": date(milestone.schedule.startDate), "end": date(milestone.schedule.endDate)]
            }
            return ["id": phase.id, "title": text(q.phases.first { $0.id == phase.id }?.title),
                    "effort": NumberFormat.days(phase.effort), "projected": NumberFormat.percent(phase.projectedScore),
                    "actions": actions, "any_actions": !actions.isEmpty, "milestones": milestones,
                    "any_milestones": !milestones.isEmpty]
        }
        return ["phases": phases, "capacity": NumberFormat.days(plan.capacity), "start": date(plan.start),
                "effort": NumberFormat.days(plan.totalEffort), "weeks": plan.weeks, "actions": plan.actions.count]
    }

    private func appendix() -> [[String: Any]] {
        let results = Dictionary(input.assessment.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return q.allClauses.filter { !$0.questions.isEmpty }.map { clause in
            ["id": clause.id, "title": text(clause.title), "questions": clause.questions.map { question -> [String: Any] in
                let result = results[question.id]
                var row: [String: Any] = ["id": question.id, "text": text(question.text),
                                          "answer": answerText(result?.answer, question: question),
                                          "status": statusLabel(result?.status ?? .unanswered),
                                          "status_class": (result?.status ?? .unanswered).rawValue]
                if let note = result?.answer?.note { row["note"] = note }
                if let evidence = result?.answer?.evidence, !evidence.isEmpty { row["evidence"] = evidence.joined(separator: "; ") }
                return row
            }]
        }
    }
}
