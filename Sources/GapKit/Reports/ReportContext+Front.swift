/// Cover, document control, contents, 1 background and 2 conclusion.
extension ReportContext {
    func cover() -> [String: Any] {
        let answers = input.answers, e = engagement
        var cover: [String: Any] = ["standard": text(q.title), "questionnaire_id": q.id]
        if let version = q.version { cover["questionnaire_version"] = version }
        if let client { cover["client"] = client }
        if let date = reportDate { cover["date"] = self.date(date) }
        if let number = e?.report.number { cover["number"] = number }
        if let version = e?.report.version { cover["version"] = version }
        let respondent = [answers.respondent.name, answers.respondent.role].compactMap { $0 }.joined(separator: ", ")
        if !respondent.isEmpty, e?.interviews.isEmpty != false { cover["respondent"] = respondent }
        let consultant = [own(e?.consultant.name), own(e?.consultant.firm)].compactMap { $0 }.joined(separator: ", ")
        if !consultant.isEmpty { cover["consultant"] = consultant } else if let c = answers.consultant { cover["consultant"] = c }
        cover["confidentiality"] = own(e?.report.confidentiality) ?? t("confidential")
        return cover
    }

    /// The document control table: number, version, date, prepared, reviewed, approved by.
    func control() -> [String: Any] {
        guard let r = engagement?.report else { return ["any": false] }
        let rows: [(String, String?)] = [("report_number", r.number), ("report_version", r.version), ("report_date", r.date.map(date)),
                                         ("prepared_by", own(r.preparedBy)), ("reviewed_by", own(r.reviewedBy)), ("approved_by", own(r.approvedBy))]
        let filled = rows.compactMap { key, value in value.map { ["label": t(key), "value": $0] } }
        return ["any": !filled.isEmpty, "rows": filled]
    }

    /// Section anchors and titles, in order.
    func contents() -> [[String: Any]] {
        var sections = ["background", "conclusion", "matrix", "nonconformities", "observations", "documents", "plan"]
        if engagement.map({ !$0.organisation.isEmpty }) == true { sections.append("organisation") }
        var rows: [[String: Any]] = sections.enumerated().map { index, id in
            ["anchor": id, "number": String(index + 1), "title": t("sec_\(id)")]
        }
        if input.appendix { rows.append(["anchor": "appendix", "number": t("appendix_mark"), "title": t("sec_appendix")]) }
        return rows
    }

    /// 1 Background, basis, scope, method and interview schedule.
    func background() -> [String: Any] {
        let answers = input.answers
        var background: [String: Any] = [:]
        guard let e = engagement else {
            var who = [answers.respondent.name, answers.respondent.role].compactMap { $0 }.joined(separator: ", ")
            if let day = answers.date { who += (who.isEmpty ? "" : " · ") + date(day) }
            background["missing"] = t("no_engagement")
            if !who.isEmpty { background["respondent"] = who }
            return background
        }
        func list(_ texts: [LocalizedText]) -> [String] { texts.compactMap(own) }
        let scope: [[String: Any]] = [("scope_services", e.scope.services), ("scope_sites", e.scope.sites),
                                      ("scope_departments", e.scope.departments)].compactMap { key, items in
            items.isEmpty ? nil : ["label": t(key), "items": list(items).joined(separator: t("list_separator"))]
        }
        let clauseTitles = { (ids: [String]) in ids.sorted(by: ClauseOrder.precedes).joined(separator: t("list_separator")) }
        let interviews: [[String: Any]] = e.interviews.map { interview in
            ["date": interview.date.map(date) ?? "", "name": own(interview.name) ?? "", "role": own(interview.role) ?? "",
             "department": own(interview.department) ?? "", "clauses": clauseTitles(interview.clauses)]
        }
        background["intro"] = t("background_intro", ["client": client ?? t("the_client"), "standard": text(q.title)])
        background["scope"] = scope
        background["any_scope"] = !scope.isEmpty
        background["basis"] = list(e.basis)
        background["any_basis"] = !e.basis.isEmpty
        background["method"] = list(e.method)
        background["any_method"] = !e.method.isEmpty
        background["interviews"] = interviews
        background["any_interviews"] = !interviews.isEmpty
        return background
    }

    /// The headline figures (kept under `summary` for every writer of the report).
    func summary() -> [String: Any] {
        let a = input.assessment, plan = input.plan
        let verdict = a.readiness.verdict.rawValue
        let last = (plan.actions.map(\.schedule) + plan.milestones.map(\.schedule)).max { $0.endWeek < $1.endWeek }
        let major = nonconformities.filter { $0.grade == .major }.count, minor = nonconformities.count - major
        var summary: [String: Any] = [
            "verdict": t("verdict_\(verdict)"), "verdict_class": verdict, "verdict_text": t("verdict_text_\(verdict)", ["unanswered": a.readiness.unanswered]),
            "overall_score": NumberFormat.percent(a.overall.score), "overall_status": statusLabel(a.overall.status),
            "overall_status_class": a.overall.status.rawValue,
            "coverage": NumberFormat.percent(a.overall.coverage, decimals: 0),
            "major": major, "minor": minor, "observation": a.readiness.observation,
            "actions": plan.actions.count, "effort": NumberFormat.days(plan.totalEffort), "weeks": plan.weeks,
        ]
        // An incomplete diagnosis plans only what was answered: no certificate date can rest on it.
        if let last, a.readiness.verdict != .incomplete { summary["certificate_by"] = date(last.endDate) }
        if a.overall.answered < a.overall.applicable {
            summary["coverage_warning"] = t("coverage_warning", ["unanswered": a.overall.applicable - a.overall.answered,
                                                                 "applicable": a.overall.applicable])
        }
        summary["sentence"] = t("verdict_sentence_\(verdict)", [
            "client": client ?? t("the_client_subject"), "standard": text(q.title), "major": major, "minor": minor,
            "observation": a.readiness.observation, "score": NumberFormat.percent(a.overall.score),
            "unanswered": a.readiness.unanswered,
        ])
        return summary
    }

    /// 2 The diagnosis conclusion: the consultant's narrative, strengths and key problems (derived
    /// from the scores and nonconformities when the engagement gives none), recommendation, scope.
    func conclusion() -> [String: Any] {
        let c = engagement?.conclusion
        var conclusion: [String: Any] = [:]
        if let narrative = own(c?.narrative) { conclusion["narrative"] = narrative }
        var strengths = (c?.strengths ?? []).compactMap(own)
        var derivedStrengths = false
        if strengths.isEmpty {
            derivedStrengths = true
            let strong = input.assessment.clauses.filter { group in
                group.id.split(separator: ".").count == 2 && group.summary.status == .compliant
            }.sorted { ($0.summary.score ?? 0) > ($1.summary.score ?? 0) }.prefix(5)
            strengths = strong.map { t("derived_strength", ["clause": $0.id, "title": text(clauses[$0.id]?.title),
                                                            "score": NumberFormat.percent($0.summary.score, decimals: 0)]) }
        }
        var problems = (c?.keyProblems ?? []).compactMap(own)
        var derivedProblems = false
        if problems.isEmpty {
            derivedProblems = true
            problems = nonconformities.prefix(7).map { nc in
                t("derived_problem", ["id": nc.id, "grade": t("grade_\(nc.grade.rawValue)"), "clause": nc.clause,
                                      "title": text(clauses[nc.clause]?.title)])
            }
        }
        conclusion["strengths"] = strengths
        conclusion["any_strengths"] = !strengths.isEmpty
        conclusion["strengths_derived"] = derivedStrengths && !strengths.isEmpty
        conclusion["key_problems"] = problems
        conclusion["any_key_problems"] = !problems.isEmpty
        conclusion["key_problems_derived"] = derivedProblems && !problems.isEmpty
        if let recommendation = own(c?.recommendation) { conclusion["recommendation"] = recommendation }
        if let scope = own(c?.certificateScope) { conclusion["certificate_scope"] = scope }
        return conclusion
    }

    func areas() -> [[String: Any]] {
        input.assessment.areas.map { group in
            let area = q.area(group.id)
            return summaryRow(group.summary).merging(["id": group.id, "title": text(area?.title),
                                                      "description": text(area?.description)]) { a, _ in a }
        }
    }

    /// Every clause with its depth, in numeric clause order.
    func clauseRows() -> [[String: Any]] {
        var depth: [String: Int] = [:]
        func walk(_ clause: Questionnaire.Clause, _ level: Int) {
            depth[clause.id] = level
            clause.clauses.forEach { walk($0, level + 1) }
        }
        q.clauses.forEach { walk($0, 0) }
        return input.assessment.clauses.sorted { ClauseOrder.precedes($0.id, $1.id) }.map { group in
            let level = depth[group.id] ?? 0
            return summaryRow(group.summary).merging([
                "id": group.id, "title": text(clauses[group.id]?.title), "depth": level, "top": level == 0,
                "indent": String(repeating: "\u{2003}", count: level),
            ]) { a, _ in a }
        }
    }
}
