/// findings.csv, actions.csv and documents.csv: the report's lists as spreadsheets.
struct ReportCSV {
    let context: ReportContext

    var q: Questionnaire { context.q }

    func findings() -> CSVTable {
        var table = CSVTable(header: ["severity", "clause", "clause_title", "question", "question_text", "answer", "status",
                                      "note", "evidence", "actions"])
        let questions = context.questions
        for result in AssessmentText.ranked(context.input.assessment.questions.filter { $0.finding != nil }) {
            let question = questions[result.id]
            table.append([.text(context.t("finding_\(result.finding?.rawValue ?? "")")), .text(result.clause),
                          .text(context.text(context.clauses[result.clause]?.title)), .text(result.id),
                          .text(context.text(question?.text)), .text(result.answer?.value?.description ?? ""),
                          .text(context.t("status_\(result.status.rawValue)")), .text(result.answer?.note ?? ""),
                          .text((result.answer?.evidence ?? []).joined(separator: "; ")),
                          .text((question?.actions ?? []).joined(separator: "; "))])
        }
        return table
    }

    func actions() -> CSVTable {
        var table = CSVTable(header: ["rank", "action", "title", "phase", "owner", "effort_days", "benefit", "priority",
                                      "start_week", "end_week", "start_date", "end_date", "after", "questions", "documents"])
        for action in context.input.plan.actions {
            let spec = q.action(action.id)
            table.append([.integer(action.rank), .text(action.id), .text(context.text(spec?.title)), .text(action.phase),
                          .text(context.text(spec?.owner)), .number(action.effort), .number(action.benefit), .number(action.priority),
                          .integer(action.schedule.startWeek), .integer(action.schedule.endWeek),
                          .text(action.schedule.startDate.description), .text(action.schedule.endDate.description),
                          .text(action.after.joined(separator: "; ")), .text(action.questions.joined(separator: "; ")),
                          .text((spec?.documents ?? []).joined(separator: "; "))])
        }
        return table
    }

    func documents() -> CSVTable {
        var table = CSVTable(header: ["document", "title", "clause", "kind", "status", "actions"])
        let statuses = Dictionary(context.input.plan.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for document in q.documents {
            let status = statuses[document.id]
            table.append([.text(document.id), .text(context.text(document.title)), .text(document.clause ?? ""),
                          .text(document.kind.rawValue), .text(status?.status.rawValue ?? "unknown"),
                          .text((status?.actions ?? []).joined(separator: "; "))])
        }
        return table
    }
}
