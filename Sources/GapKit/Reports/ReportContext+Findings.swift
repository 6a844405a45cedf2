/// 3 The clause conformity matrix, 4 the nonconformity report, 5 observations.
extension ReportContext {
    /// One row per clause that holds questions, in numeric clause order: status, score, nonconformities.
    func matrix() -> [[String: Any]] {
        let groups = Dictionary(input.assessment.clauses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return q.allClauses.filter { !$0.questions.isEmpty }.sorted { ClauseOrder.precedes($0.id, $1.id) }.compactMap { clause in
            guard let group = groups[clause.id] else { return nil }
            let refs = nonconformities.filter { nc in nc.questions.contains { $0.clause == clause.id } }.map(\.id)
            let observations = input.assessment.questions.filter { $0.clause == clause.id && $0.finding == .observation }.count
            return summaryRow(group.summary).merging([
                "id": clause.id, "title": text(clause.title), "nonconformities": refs.joined(separator: ", "),
                "observations": observations > 0 ? String(observations) : "",
            ]) { a, _ in a }
        }
    }

    /// The facts of one question: the question, the answer, the note and the evidence.
    func fact(_ result: Assessment.QuestionResult) -> [String: Any] {
        let question = questions[result.id]
        var row: [String: Any] = ["id": result.id, "question": text(question?.text), "clause_id": result.clause,
                                  "clause_title": text(clauses[result.clause]?.title),
                                  "answer": answerText(result.answer, question: question),
                                  "status": statusLabel(result.status), "status_class": result.status.rawValue]
        if let note = result.answer?.note { row["note"] = note }
        if let evidence = result.answer?.evidence, !evidence.isEmpty { row["evidence"] = evidence.joined(separator: "; ") }
        return row
    }

    /// 4 One block per nonconformity, as a certification body writes it.
    func nonconformityBlocks() -> [String: Any] {
        let planned = Dictionary(input.plan.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let blocks: [[String: Any]] = nonconformities.map { nc in
            var actionIDs: [String] = []
            for result in nc.questions {
                for id in questions[result.id]?.actions ?? [] where planned[id] != nil && !actionIDs.contains(id) { actionIDs.append(id) }
            }
            actionIDs.sort { (planned[$0]?.rank ?? 0) < (planned[$1]?.rank ?? 0) }
            let due = actionIDs.compactMap { planned[$0]?.schedule.endDate }.max()
            var block: [String: Any] = [
                "id": nc.id, "grade": t("grade_\(nc.grade.rawValue)"), "grade_class": nc.grade.rawValue,
                "escalated": nc.escalated, "escalated_text": t("escalated_text", ["count": nc.questions.count]),
                "clause_id": nc.clause, "clause_title": text(clauses[nc.clause]?.title),
                "requirement": text(clauses[nc.clause]?.summary), "facts": nc.questions.map(fact),
                "actions": actionRefs(actionIDs), "any_actions": !actionIDs.isEmpty,
                "verification": t("verification_text"),
            ]
            if let first = actionIDs.first { block["owner"] = owner(first) }
            if let due { block["due"] = date(due) }
            return block
        }
        let major = nonconformities.filter { $0.grade == .major }.count
        return ["any": !blocks.isEmpty, "items": blocks, "count": blocks.count, "major": major, "minor": blocks.count - major,
                "intro": t("nc_intro", ["count": blocks.count, "major": major, "minor": blocks.count - major])]
    }

    /// 5 Observations and opportunities for improvement, in numeric clause order.
    func observations() -> [String: Any] {
        let items = input.assessment.questions.filter { $0.finding == .observation }
            .enumerated().sorted { a, b in
                a.element.clause == b.element.clause ? a.offset < b.offset : ClauseOrder.precedes(a.element.clause, b.element.clause)
            }.map { fact($0.element) }
        return ["any": !items.isEmpty, "items": items, "count": items.count]
    }

    /// Every question finding, grouped by severity (the CSV and Office writers list them).
    func findings() -> [String: Any] {
        let all = AssessmentText.ranked(input.assessment.questions.filter { $0.finding != nil })
        let groups: [[String: Any]] = Assessment.Finding.allCases.compactMap { finding in
            let items = all.filter { $0.finding == finding }
            guard !items.isEmpty else { return nil }
            return ["severity": t("finding_\(finding.rawValue)"), "severity_class": finding.rawValue,
                    "title": t(finding.rawValue), "count": items.count,
                    "items": items.map { fact($0).merging(["severity": t("finding_\(finding.rawValue)"), "severity_class": finding.rawValue,
                                                           "nonconformity": nonconformityOf[$0.id] ?? ""]) { a, _ in a } }]
        }
        return ["any": !groups.isEmpty, "groups": groups, "count": all.count]
    }
}
