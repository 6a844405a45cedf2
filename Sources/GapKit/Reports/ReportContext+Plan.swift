/// 6 Documents, 7 the remediation plan, 8 organisation, and the appendix of answers.
extension ReportContext {
    /// The client's existing documents with their disposition, then the documents to write or
    /// revise, those the standard requires apart from recommended practice.
    func documents() -> [String: Any] {
        let statuses = Dictionary(input.plan.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let planned = Dictionary(input.plan.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [[String: Any]] = q.documents.sorted { ClauseOrder.precedes($0.clause ?? "", $1.clause ?? "") }.map { document in
            let status = statuses[document.id]?.status ?? .unknown
            let actions = statuses[document.id]?.actions ?? []
            var row: [String: Any] = [
                "id": document.id, "title": text(document.title), "clause": document.clause ?? "",
                "kind": t("kind_\(document.kind.rawValue)"), "status": t("doc_\(status.rawValue)"), "status_class": status.rawValue,
                "required": document.required, "actions": actionRefs(actions),
            ]
            if let first = actions.first {
                row["owner"] = owner(first)
                if let end = planned[first]?.schedule.endDate { row["due"] = date(end) }
            }
            return row
        }
        let toWrite = rows.filter { ["missing", "partial"].contains($0["status_class"] as? String ?? "") }
        let required = toWrite.filter { $0["required"] as? Bool == true }, recommended = toWrite.filter { $0["required"] as? Bool != true }
        let existing: [[String: Any]] = (engagement?.documentsReviewed ?? []).map { document in
            ["id": document.id, "title": own(document.title) ?? "", "version": document.version ?? "",
             "disposition": document.disposition.map { t("disposition_\($0.rawValue)") } ?? "",
             "disposition_class": document.disposition?.rawValue ?? ""]
        }
        return ["all": rows, "to_write": toWrite, "any_to_write": !toWrite.isEmpty,
                "required": required, "any_required": !required.isEmpty, "recommended": recommended, "any_recommended": !recommended.isEmpty,
                "existing": existing, "any_existing": !existing.isEmpty]
    }

    func weeks(_ schedule: Plan.Schedule) -> String {
        schedule.startWeek == schedule.endWeek ? "\(schedule.startWeek)" : "\(schedule.startWeek)–\(schedule.endWeek)"
    }

    /// 7 The remediation plan: every action with the nonconformities it closes, deliverables, owner
    /// (department and person), dates and status; milestones; phases.
    func plan() -> [String: Any] {
        let plan = input.plan
        let documentTitles = Dictionary(q.documents.map { ($0.id, text($0.title)) }, uniquingKeysWith: { a, _ in a })
        let actions: [[String: Any]] = plan.actions.map { action in
            let spec = q.action(action.id)
            let closes = nonconformities.filter { nc in nc.questions.contains { action.questions.contains($0.id) } }.map(\.id)
            return ["rank": action.rank, "id": action.id, "title": text(spec?.title), "description": text(spec?.description),
                    "phase": text(q.phases.first { $0.id == action.phase }?.title),
                    "closes": closes.joined(separator: ", "),
                    "deliverables": (spec?.documents ?? []).compactMap { documentTitles[$0] }.joined(separator: t("list_separator")),
                    "owner": owner(action.id), "effort": NumberFormat.days(action.effort),
                    "benefit": "+" + NumberFormat.fixed(action.benefit * 100, decimals: 1),
                    "priority": NumberFormat.fixed(action.priority * 100, decimals: 2), "weeks": weeks(action.schedule),
                    "start": date(action.schedule.startDate), "end": date(action.schedule.endDate), "status": t("plan_status_planned")]
        }
        let milestones: [[String: Any]] = plan.milestones.map { milestone in
            let spec = q.milestones.first { $0.id == milestone.id }
            return ["id": milestone.id, "title": text(spec?.title), "description": text(spec?.description),
                    "phase": text(q.phases.first { $0.id == milestone.phase }?.title),
                    "duration": NumberFormat.days(milestone.weeks), "duration_unit": t(milestone.weeks == 1 ? "week_one" : "weeks"),
                    "weeks": weeks(milestone.schedule), "start": date(milestone.schedule.startDate), "end": date(milestone.schedule.endDate)]
        }
        let phases: [[String: Any]] = plan.phases.map { phase in
            ["id": phase.id, "title": text(q.phases.first { $0.id == phase.id }?.title),
             "effort": NumberFormat.days(phase.effort), "projected": NumberFormat.percent(phase.projectedScore),
             "actions": plan.actions.filter { $0.phase == phase.id }.count]
        }
        let end = (plan.actions.map(\.schedule.endDate) + plan.milestones.map(\.schedule.endDate)).max()
        let intro = t("plan_intro", ["count": plan.actions.count, "effort": NumberFormat.days(plan.totalEffort), "start": date(plan.start),
                                     "end": end.map(date) ?? date(plan.start), "weeks": plan.weeks, "capacity": NumberFormat.days(plan.capacity.default)])
        return ["intro": intro, "actions": actions, "any_actions": !actions.isEmpty, "milestones": milestones, "any_milestones": !milestones.isEmpty,
                "phases": phases, "capacity": NumberFormat.days(plan.capacity.default), "start": date(plan.start),
                "effort": NumberFormat.days(plan.totalEffort), "weeks": plan.weeks, "count": plan.actions.count,
                "end": end.map(date) ?? ""]
    }

    /// 8 Organisation and responsibilities, when the engagement gives them.
    func organisation() -> [String: Any] {
        guard let o = engagement?.organisation, !o.isEmpty else { return ["any": false] }
        var roles: [String] = []
        for action in input.plan.actions { if let role = ownerRole(action.id), !roles.contains(role) { roles.append(role) } }
        for role in o.owners.keys.sorted() where !roles.contains(role) { roles.append(role) }
        let owners: [[String: Any]] = roles.map { role in
            let actions = input.plan.actions.filter { ownerRole($0.id) == role }
            let title = q.actions.first { action in action.owner.map { q.text($0).trimmingCharacters(in: .whitespaces) } == role }?.owner
            return ["role": title.map(text) ?? role, "department": own(o.owners[role]?.department) ?? "",
                    "person": own(o.owners[role]?.person) ?? "", "actions": actions.count,
                    "effort": NumberFormat.days(actions.reduce(0) { $0 + $1.effort })]
        }
        var organisation: [String: Any] = ["any": true, "steering_group": o.steeringGroup.compactMap(own),
                                           "any_steering_group": !o.steeringGroup.isEmpty, "owners": owners]
        if let representative = own(o.managementRepresentative) { organisation["management_representative"] = representative }
        return organisation
    }

    func appendix() -> [[String: Any]] {
        let results = Dictionary(input.assessment.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return q.allClauses.filter { !$0.questions.isEmpty }.sorted { ClauseOrder.precedes($0.id, $1.id) }.map { clause in
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
